// What a partnership publishes, as its managers choose and approve it
// (/:partnership/settings/publication). Choices are a draft: nothing reaches the
// public until a manager approves a publication, which freezes a snapshot
// (snapshot.ts). Taking something out of the choices takes it off the public page at
// once, by rewriting the latest snapshot without it.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { measureIndicators } from "~/modules/performance/performance.server";
import { findCurrentStrategy } from "~/modules/priorities/priorities.server";
import { upcomingPublicMeetings } from "~/modules/registry/registry.server";
import { todayIn } from "~/utils/dates";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import type { ApprovePublicationInput, PublicationChoicesInput } from "./publication-schema";
import { asSnapshot, buildSnapshot, withdrawUnchosen, wouldWithdraw, type PublicSnapshot } from "./snapshot";

const HISTORY_SHOWN = 20;

async function choicesOf(tx: TenantTx, partnershipId: string) {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { name: true, publicContact: true, publishLeadOfficerNames: true, publishMeetings: true },
  });
  const strategy = await findCurrentStrategy(tx, partnershipId);
  const priorities = strategy
    ? await tx.priority.findMany({
        where: { partnershipId, strategyId: strategy.id, archivedAt: null },
        orderBy: { number: "asc" },
        select: {
          id: true,
          number: true,
          title: true,
          published: true,
          leads: { orderBy: { position: "asc" }, select: { agency: { select: { name: true } }, person: { select: { name: true } } } },
        },
      })
    : [];
  const indicators = await tx.indicator.findMany({
    where: { partnershipId, archivedAt: null },
    orderBy: [{ code: "asc" }, { name: "asc" }],
    select: { id: true, code: true, name: true, published: true },
  });
  return { partnership, strategy, priorities, indicators };
}

/** The snapshot the current choices and figures would make: what "Approve and publish" freezes. */
async function draftSnapshot(tx: TenantTx, partnershipId: string): Promise<PublicSnapshot> {
  const { partnership, strategy, priorities } = await choicesOf(tx, partnershipId);
  const measured = await measureIndicators(tx, partnershipId, { published: true, archivedAt: null });
  return buildSnapshot({
    partnershipName: partnership.name,
    contact: partnership.publicContact,
    showMeetings: partnership.publishMeetings,
    leadOfficerNamesShown: partnership.publishLeadOfficerNames,
    strategy,
    priorities: priorities.filter((p) => p.published),
    indicators: measured,
  });
}

/**
 * Saving choices and approving take turns: otherwise an approval that read the choices
 * just before an unpublish committed could put the unpublished thing back on the page.
 */
async function takeTurn(tx: TenantTx, partnershipId: string) {
  await tx.$queryRaw`select 1 from "Partnership" where id = ${partnershipId}::uuid for update`;
}

async function latestPublication(tx: TenantTx, partnershipId: string) {
  return tx.publication.findFirst({
    where: { partnershipId },
    orderBy: { approvedAt: "desc" },
    select: { id: true, snapshot: true, approvedAt: true },
  });
}

/**
 * Takes an archived or deleted priority or indicator off the public page at once, in the
 * caller's transaction: it is unticked, and the latest snapshot loses it. Everything
 * else published stays as approved.
 */
export async function withdrawFromPublicPage(tx: TenantTx, partnershipId: string, thing: { priorityId: string } | { indicatorId: string }) {
  await takeTurn(tx, partnershipId);
  if ("priorityId" in thing) await tx.priority.updateMany({ where: { partnershipId, id: thing.priorityId }, data: { published: false } });
  else await tx.indicator.updateMany({ where: { partnershipId, id: thing.indicatorId }, data: { published: false } });
  const latest = await latestPublication(tx, partnershipId);
  if (!latest) return;
  const snapshot = asSnapshot(latest.snapshot);
  const chosen = {
    priorityIds: new Set(snapshot.priorities.map((p) => p.id).filter((id) => !("priorityId" in thing) || id !== thing.priorityId)),
    indicatorIds: new Set(snapshot.indicators.map((i) => i.id).filter((id) => !("indicatorId" in thing) || id !== thing.indicatorId)),
    leadOfficerNames: snapshot.leadOfficerNamesShown,
    meetings: snapshot.showMeetings,
    contact: snapshot.contact !== null,
  };
  if (!wouldWithdraw(snapshot, chosen)) return;
  await tx.publication.updateMany({
    where: { id: latest.id, partnershipId },
    data: { snapshot: withdrawUnchosen(snapshot, chosen) as unknown as Prisma.InputJsonValue, revisedAt: new Date() },
  });
}

/** The settings page: the choices, a preview of what approving would publish, and past publications. */
export async function getPublicationSettings(actor: Actor) {
  assertCan(actor, "publication:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const { partnership, priorities, indicators } = await choicesOf(tx, partnershipId);
    const preview = await draftSnapshot(tx, partnershipId);
    const timeZone = (await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { timeZone: true } })).timeZone;
    const previewMeetings = preview.showMeetings ? await upcomingPublicMeetings(tx, partnershipId, todayIn(timeZone)) : [];
    const history = await tx.publication.findMany({
      where: { partnershipId },
      orderBy: { approvedAt: "desc" },
      take: HISTORY_SHOWN,
      select: { id: true, note: true, approvedByName: true, approvedAt: true, revisedAt: true },
    });
    return {
      choices: {
        publicContact: partnership.publicContact ?? "",
        publishLeadOfficerNames: partnership.publishLeadOfficerNames,
        publishMeetings: partnership.publishMeetings,
        priorityIds: priorities.filter((p) => p.published).map((p) => p.id),
        indicatorIds: indicators.filter((i) => i.published).map((i) => i.id),
      },
      priorities: priorities.map((p) => ({ id: p.id, number: p.number, title: p.title })),
      indicators: indicators.map((i) => ({ id: i.id, code: i.code, name: i.name })),
      preview,
      previewMeetings,
      history,
    };
  });
}

/**
 * Saves the choices. Anything taken out (a priority, an indicator, lead officers'
 * names, the meetings, the contact block) leaves the public page now; anything added
 * or changed waits for approval.
 */
export async function savePublicationChoices(actor: Actor, input: PublicationChoicesInput) {
  assertCan(actor, "publication:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    await takeTurn(tx, partnershipId);
    const before = await choicesOf(tx, partnershipId);
    // Only this partnership's current priorities and indicators can be chosen; other ids are ignored.
    const priorityIds = new Set(input.priorityIds.filter((id) => before.priorities.some((p) => p.id === id)));
    const indicatorIds = new Set(input.indicatorIds.filter((id) => before.indicators.some((i) => i.id === id)));
    const contact = input.publicContact ? input.publicContact : null;

    await tx.partnership.update({
      where: { id: partnershipId },
      data: { publicContact: contact, publishLeadOfficerNames: input.publishLeadOfficerNames, publishMeetings: input.publishMeetings },
    });
    await tx.priority.updateMany({ where: { partnershipId, published: true, id: { notIn: [...priorityIds] } }, data: { published: false } });
    await tx.priority.updateMany({ where: { partnershipId, published: false, id: { in: [...priorityIds] } }, data: { published: true } });
    await tx.indicator.updateMany({ where: { partnershipId, published: true, id: { notIn: [...indicatorIds] } }, data: { published: false } });
    await tx.indicator.updateMany({ where: { partnershipId, published: false, id: { in: [...indicatorIds] } }, data: { published: true } });

    const latest = await latestPublication(tx, partnershipId);
    let withdrawn = false;
    if (latest) {
      const snapshot = asSnapshot(latest.snapshot);
      const chosen = { priorityIds, indicatorIds, leadOfficerNames: input.publishLeadOfficerNames, meetings: input.publishMeetings, contact: contact !== null };
      if (wouldWithdraw(snapshot, chosen)) {
        await tx.publication.updateMany({
          where: { id: latest.id, partnershipId },
          data: { snapshot: withdrawUnchosen(snapshot, chosen) as unknown as Prisma.InputJsonValue, revisedAt: new Date() },
        });
        withdrawn = true;
      }
    }

    await recordAudit(tx, actor, {
      action: withdrawn ? "changed what is published, taking some off the public page" : "changed what may be published",
      entityType: "Partnership",
      entityId: partnershipId,
      before: {
        publishedPriorities: before.priorities.filter((p) => p.published).map((p) => p.number),
        publishedIndicators: before.indicators.filter((i) => i.published).map((i) => i.id),
        publishLeadOfficerNames: before.partnership.publishLeadOfficerNames,
        publishMeetings: before.partnership.publishMeetings,
        publicContact: before.partnership.publicContact,
      },
      after: {
        publishedPriorities: before.priorities.filter((p) => priorityIds.has(p.id)).map((p) => p.number),
        publishedIndicators: [...indicatorIds],
        publishLeadOfficerNames: input.publishLeadOfficerNames,
        publishMeetings: input.publishMeetings,
        publicContact: contact,
      },
    });
    return { status: "saved" as const, withdrawn };
  });
}

/** Approves a publication: the current choices and figures, frozen, become the public page. */
export async function approvePublication(actor: Actor, input: ApprovePublicationInput) {
  assertCan(actor, "publication:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    await takeTurn(tx, partnershipId);
    const snapshot = await draftSnapshot(tx, partnershipId);
    const publication = await tx.publication.create({
      data: {
        partnershipId,
        note: input.note,
        approvedById: actor.userId,
        approvedByName: actor.userName,
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
      },
      select: { id: true, approvedAt: true },
    });
    await recordAudit(tx, actor, {
      action: "approved a publication",
      entityType: "Publication",
      entityId: publication.id,
      after: {
        note: input.note,
        priorities: snapshot.priorities.map((p) => p.number),
        indicators: snapshot.indicators.map((i) => i.id),
      },
    });
    return { status: "published" as const, id: publication.id, approvedAt: publication.approvedAt };
  });
}
