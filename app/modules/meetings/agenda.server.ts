// A meeting's agenda: numbered items as printed ("4.1"), kept in order by position,
// each linked to the priorities and indicators it reports on.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import type { AgendaItemInput } from "./meeting-schema";
import type { FieldErrors, SaveResult } from "./meetings.server";

/** What an agenda item can link to: the partnership's priorities and indicators still in use. */
export async function listAgendaLinkChoices(actor: Actor) {
  assertCan(actor, "meeting:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: [{ strategy: { startYear: "desc" } }, { number: "asc" }],
      select: { id: true, number: true, title: true },
    }),
    indicators: await tx.indicator.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: [{ code: "asc" }, { name: "asc" }],
      select: { id: true, code: true, name: true },
    }),
  }));
}

async function findMeeting(tx: TenantTx, partnershipId: string, meetingId: string) {
  return tx.meeting.findFirst({ where: { id: meetingId, partnershipId }, select: { id: true, heldOn: true, board: { select: { name: true } } } });
}

/** The meeting an item is being added to: null (404) if not this partnership's. */
export async function getMeetingForAgenda(actor: Actor, meetingId: string) {
  if (!isUuid(meetingId)) return null;
  const meeting = await withTenant(actor.partnershipId, (tx) => findMeeting(tx, actor.partnershipId, meetingId));
  if (!meeting) return null;
  assertCan(actor, "meeting:manage");
  return meeting;
}

/** An item for its edit form, with the meeting it belongs to: null (404) unless both are here and belong together. */
export async function getAgendaItemForEdit(actor: Actor, meetingId: string, itemId: string) {
  if (!isUuid(meetingId) || !isUuid(itemId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const meeting = await findMeeting(tx, partnershipId, meetingId);
    if (!meeting) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const item = await tx.agendaItem.findFirst({
      where: { id: itemId, meetingId, partnershipId },
      select: {
        id: true,
        number: true,
        title: true,
        reportOf: true,
        purpose: true,
        decisionSought: true,
        priorities: { select: { priorityId: true } },
        indicators: { select: { indicatorId: true } },
      },
    });
    return item ? { meeting, item } : null;
  });
}

/**
 * Every linked id must be one of this partnership's: a forged id (another
 * partnership's priority) is a form error, never a silent drop or a database error.
 */
async function checkLinks(tx: TenantTx, partnershipId: string, input: AgendaItemInput): Promise<FieldErrors | null> {
  const priorityIds = [...new Set(input.priorityIds ?? [])];
  const indicatorIds = [...new Set(input.indicatorIds ?? [])];
  const fieldErrors: FieldErrors = {};
  if (priorityIds.length > 0) {
    const found = await tx.priority.count({ where: { partnershipId, id: { in: priorityIds } } });
    if (found !== priorityIds.length) fieldErrors.priorityIds = ["Select priorities from the list"];
  }
  if (indicatorIds.length > 0) {
    const found = await tx.indicator.count({ where: { partnershipId, id: { in: indicatorIds } } });
    if (found !== indicatorIds.length) fieldErrors.indicatorIds = ["Select indicators from the list"];
  }
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : null;
}

async function writeLinks(tx: TenantTx, partnershipId: string, agendaItemId: string, input: AgendaItemInput) {
  await tx.agendaItemPriority.deleteMany({ where: { partnershipId, agendaItemId } });
  await tx.agendaItemIndicator.deleteMany({ where: { partnershipId, agendaItemId } });
  await tx.agendaItemPriority.createMany({
    data: [...new Set(input.priorityIds ?? [])].map((priorityId) => ({ partnershipId, agendaItemId, priorityId })),
  });
  await tx.agendaItemIndicator.createMany({
    data: [...new Set(input.indicatorIds ?? [])].map((indicatorId) => ({ partnershipId, agendaItemId, indicatorId })),
  });
}

function itemFields(input: AgendaItemInput) {
  return {
    number: input.number,
    title: input.title,
    reportOf: input.reportOf ?? null,
    purpose: input.purpose ?? null,
    decisionSought: input.decisionSought ?? null,
  };
}

/** Adds an item at the end of the agenda. */
export async function addAgendaItem(actor: Actor, meetingId: string, input: AgendaItemInput): Promise<SaveResult | null> {
  if (!isUuid(meetingId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<SaveResult | null> => {
    if (!(await findMeeting(tx, partnershipId, meetingId))) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const fieldErrors = await checkLinks(tx, partnershipId, input);
    if (fieldErrors) return { status: "invalid", fieldErrors };
    const last = await tx.agendaItem.findFirst({ where: { partnershipId, meetingId }, orderBy: { position: "desc" }, select: { position: true } });
    const data = itemFields(input);
    const item = await tx.agendaItem.create({
      data: { partnershipId, meetingId, position: (last?.position ?? -1) + 1, ...data },
      select: { id: true },
    });
    await writeLinks(tx, partnershipId, item.id, input);
    await recordAudit(tx, actor, {
      action: "added to the agenda",
      entityType: "AgendaItem",
      entityId: item.id,
      after: { meetingId, ...data, priorityIds: input.priorityIds ?? [], indicatorIds: input.indicatorIds ?? [] },
    });
    return { status: "saved", id: item.id };
  });
}

export async function updateAgendaItem(actor: Actor, meetingId: string, itemId: string, input: AgendaItemInput): Promise<SaveResult | null> {
  if (!isUuid(meetingId) || !isUuid(itemId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx): Promise<SaveResult | null> => {
    const before = await tx.agendaItem.findFirst({
      where: { id: itemId, meetingId, partnershipId },
      select: { number: true, title: true, reportOf: true, purpose: true, decisionSought: true },
    });
    if (!before) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const fieldErrors = await checkLinks(tx, partnershipId, input);
    if (fieldErrors) return { status: "invalid", fieldErrors };
    const data = itemFields(input);
    await tx.agendaItem.updateMany({ where: { id: itemId, meetingId, partnershipId }, data });
    await writeLinks(tx, partnershipId, itemId, input);
    await recordAudit(tx, actor, {
      action: "edited",
      entityType: "AgendaItem",
      entityId: itemId,
      before,
      after: { ...data, priorityIds: input.priorityIds ?? [], indicatorIds: input.indicatorIds ?? [] },
    });
    return { status: "saved", id: itemId };
  });
}

export async function removeAgendaItem(actor: Actor, meetingId: string, itemId: string) {
  if (!isUuid(meetingId) || !isUuid(itemId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const before = await tx.agendaItem.findFirst({
      where: { id: itemId, meetingId, partnershipId },
      select: { number: true, title: true, reportOf: true, purpose: true, decisionSought: true },
    });
    if (!before) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    // An action arising from the item stays with the meeting, no longer tied to the item.
    await tx.meetingActionArising.updateMany({ where: { partnershipId, agendaItemId: itemId }, data: { agendaItemId: null } });
    await tx.agendaItem.deleteMany({ where: { id: itemId, meetingId, partnershipId } });
    await recordAudit(tx, actor, { action: "removed from the agenda", entityType: "AgendaItem", entityId: itemId, before: { meetingId, ...before } });
    return { status: "removed" as const };
  });
}

/** Swaps an item with its neighbour above or below; at either end it stays where it is. */
export async function moveAgendaItem(actor: Actor, meetingId: string, itemId: string, direction: "up" | "down") {
  if (!isUuid(meetingId) || !isUuid(itemId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId, partnershipId }, select: { id: true, position: true } });
    if (!item) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    const neighbour = await tx.agendaItem.findFirst({
      where: { partnershipId, meetingId, position: direction === "up" ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return { status: "unchanged" as const };
    // (meetingId, position) is unique: park the item out of the way while the neighbour moves.
    await tx.agendaItem.updateMany({ where: { id: item.id, partnershipId }, data: { position: -1 } });
    await tx.agendaItem.updateMany({ where: { id: neighbour.id, partnershipId }, data: { position: item.position } });
    await tx.agendaItem.updateMany({ where: { id: item.id, partnershipId }, data: { position: neighbour.position } });
    await recordAudit(tx, actor, { action: `moved ${direction} the agenda`, entityType: "AgendaItem", entityId: itemId });
    return { status: "moved" as const };
  });
}
