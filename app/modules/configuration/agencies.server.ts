// A partnership's agencies in settings: add (typed, or from templates by kind), edit,
// archive (hidden from choices, history kept) and delete (only when nothing uses it).
// Partnership managers only.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import { AgencyMessages, type AgencyInput, type AgencyKind } from "./agency-schema";
import { invalid, type FieldErrors } from "./fields";
import { markSetupTaskIn } from "~/modules/onboarding/setup.server";

export type SaveResult = { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors };

const agencySelect = {
  id: true,
  name: true,
  shortName: true,
  kind: true,
  isGroup: true,
  parentAgencyId: true,
  archivedAt: true,
} as const;

/** The agencies a partnership could add, from what it told us at sign-up. */
export function agencyTemplates(partnership: { policeForceArea: string | null }, councils: string[]) {
  const area = partnership.policeForceArea?.trim();
  const councilName = (name: string) => (/council$/i.test(name) ? name : `${name} Council`);
  const place = (name: string) => name.replace(/\s+(borough|city|district|county)?\s*council$/i, "").trim();
  const templates: Array<{ name: string; kind: AgencyKind }> = [
    { name: area ? `${area} Police` : "Police", kind: "POLICE" },
    { name: area ? `${area} Fire and Rescue Service` : "Fire and Rescue Service", kind: "FIRE_AND_RESCUE" },
    { name: "Probation Service", kind: "PROBATION" },
    ...councils.map((c) => ({ name: councilName(c), kind: "COUNCIL" as const })),
    { name: "NHS Integrated Care Board", kind: "HEALTH" },
    ...councils.map((c) => ({ name: `${place(c)} Youth Justice Service`, kind: "YOUTH_OFFENDING" as const })),
    { name: "Voluntary and community sector", kind: "VOLUNTARY" },
  ];
  const seen = new Set<string>();
  return templates.filter((t) => !seen.has(t.name) && seen.add(t.name));
}

async function templatesFor(tx: TenantTx, partnershipId: string) {
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { policeForceArea: true } });
  const councils = await tx.council.findMany({ where: { partnershipId }, orderBy: { name: "asc" }, select: { name: true } });
  return agencyTemplates(partnership, councils.map((c) => c.name));
}

/** The settings page: every agency (archived last), and the templates not yet added. */
export async function listAgencySettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const agencies = await tx.agency.findMany({
      where: { partnershipId },
      orderBy: { name: "asc" },
      select: { ...agencySelect, parentAgency: { select: { name: true } } },
    });
    const names = new Set(agencies.map((a) => a.name.toLowerCase()));
    const templates = (await templatesFor(tx, partnershipId)).filter((t) => !names.has(t.name.toLowerCase()));
    return {
      agencies: agencies.filter((a) => !a.archivedAt),
      archived: agencies.filter((a) => a.archivedAt),
      templates,
      parentChoices: agencies.filter((a) => !a.archivedAt && !a.parentAgencyId).map((a) => ({ id: a.id, name: a.name })),
    };
  });
}

/** One agency for its edit page, or null (not this partnership's). */
export async function getAgencyForEdit(actor: Actor, agencyId: string) {
  assertCan(actor, "settings:manage");
  if (!isUuid(agencyId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const agency = await tx.agency.findFirst({ where: { id: agencyId, partnershipId }, select: agencySelect });
    if (!agency) return null;
    const parentChoices = await tx.agency.findMany({
      where: { partnershipId, archivedAt: null, parentAgencyId: null, id: { not: agencyId } },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    });
    return { agency, parentChoices, inUse: await agencyInUse(tx, partnershipId, agencyId) };
  });
}

async function checkParent(tx: TenantTx, partnershipId: string, agencyId: string | null, parentId: string | undefined) {
  if (!parentId) return null;
  if (!isUuid(parentId)) return AgencyMessages.parentNotFound;
  if (parentId === agencyId) return AgencyMessages.parentIsSelf;
  const parent = await tx.agency.findFirst({
    where: { id: parentId, partnershipId, archivedAt: null },
    select: { id: true, parentAgencyId: true },
  });
  if (!parent) return AgencyMessages.parentNotFound;
  if (agencyId && parent.parentAgencyId === agencyId) return AgencyMessages.parentIsSelf;
  return null;
}

function rowOf(input: AgencyInput) {
  return {
    name: input.name,
    shortName: input.shortName || null,
    kind: input.kind,
    isGroup: input.isGroup === "yes",
    parentAgencyId: input.parentAgencyId || null,
  };
}

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Adds an agency, or changes one (`agencyId`). Nothing is written when a field is wrong. */
export async function saveAgency(actor: Actor, agencyId: string | null, input: AgencyInput): Promise<SaveResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (agencyId !== null && !isUuid(agencyId)) throw new Response("Not found", { status: 404 });
  try {
    return await withTenant(partnershipId, async (tx) => {
      const parentProblem = await checkParent(tx, partnershipId, agencyId, input.parentAgencyId);
      if (parentProblem) return invalid("parentAgencyId", parentProblem);
      const clash = await tx.agency.findFirst({
        where: { partnershipId, name: { equals: input.name, mode: "insensitive" }, ...(agencyId ? { id: { not: agencyId } } : {}) },
        select: { id: true },
      });
      if (clash) return invalid("name", AgencyMessages.nameTaken);
      const row = rowOf(input);
      if (!agencyId) {
        const created = await tx.agency.create({ data: { partnershipId, ...row }, select: { id: true } });
        await recordAudit(tx, actor, { action: "created", entityType: "Agency", entityId: created.id, after: row });
        return { status: "saved", id: created.id } as const;
      }
      const before = await tx.agency.findFirst({ where: { id: agencyId, partnershipId }, select: agencySelect });
      if (!before) throw new Response("Not found", { status: 404 });
      if (row.parentAgencyId) {
        const departments = await tx.agency.count({ where: { partnershipId, parentAgencyId: agencyId } });
        if (departments > 0) return invalid("parentAgencyId", AgencyMessages.parentIsSelf);
      }
      const diff = changedFields(before, row);
      if (diff.changed) {
        await tx.agency.update({ where: { partnershipId_id: { partnershipId, id: agencyId } }, data: row });
        await recordAudit(tx, actor, { action: "updated", entityType: "Agency", entityId: agencyId, before: diff.before, after: diff.after });
      }
      return { status: "saved", id: agencyId } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid("name", AgencyMessages.nameTaken);
    throw error;
  }
}

/** Adds the chosen templates (only names this partnership is offered). */
export async function addAgenciesFromTemplates(
  actor: Actor,
  names: string[],
  options: { completesSetupTask?: boolean } = {},
): Promise<{ status: "saved"; count: number } | { status: "invalid"; fieldErrors: FieldErrors }> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  try {
    return await withTenant(partnershipId, async (tx) => {
      const offered = await templatesFor(tx, partnershipId);
      const chosen = names.map((name) => offered.find((t) => t.name === name));
      if (chosen.some((t) => !t)) return invalid("templates", AgencyMessages.templateNotFound);
      for (const template of chosen) {
        const row = { name: template!.name, kind: template!.kind, isGroup: false };
        const created = await tx.agency.create({ data: { partnershipId, ...row }, select: { id: true } });
        await recordAudit(tx, actor, { action: "created", entityType: "Agency", entityId: created.id, after: row });
      }
      if (options.completesSetupTask) await markSetupTaskIn(tx, actor, "agencies", "done");
      return { status: "saved", count: chosen.length } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return invalid("templates", AgencyMessages.nameTaken);
    throw error;
  }
}

async function agencyInUse(tx: TenantTx, partnershipId: string, agencyId: string) {
  const where = { partnershipId, agencyId };
  const counts = await Promise.all([
    tx.priorityLead.count({ where }),
    tx.membership.count({ where }),
    tx.person.count({ where }),
    tx.action.count({ where: { partnershipId, ownerAgencyId: agencyId } }),
    tx.indicator.count({ where: { partnershipId, leadAgencyId: agencyId } }),
    tx.agency.count({ where: { partnershipId, parentAgencyId: agencyId } }),
    tx.boardMember.count({ where }),
    tx.invite.count({ where }),
  ]);
  return counts.some((n) => n > 0);
}

/** Archives (hidden from choices, history kept) or brings back an agency. */
export async function setAgencyArchived(actor: Actor, agencyId: string, archived: boolean) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(agencyId)) throw new Response("Not found", { status: 404 });
  await withTenant(partnershipId, async (tx) => {
    const agency = await tx.agency.findFirst({ where: { id: agencyId, partnershipId }, select: { archivedAt: true } });
    if (!agency) throw new Response("Not found", { status: 404 });
    if (Boolean(agency.archivedAt) === archived) return;
    const archivedAt = archived ? new Date() : null;
    await tx.agency.update({ where: { partnershipId_id: { partnershipId, id: agencyId } }, data: { archivedAt } });
    await recordAudit(tx, actor, {
      action: archived ? "archived" : "restored",
      entityType: "Agency",
      entityId: agencyId,
      before: { archivedAt: agency.archivedAt },
      after: { archivedAt },
    });
  });
}

/** Deletes an agency nothing uses; otherwise refuses ("archive it instead"). */
export async function deleteAgency(actor: Actor, agencyId: string): Promise<{ status: "deleted" } | { status: "in-use"; message: string }> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(agencyId)) throw new Response("Not found", { status: 404 });
  return withTenant(partnershipId, async (tx) => {
    const agency = await tx.agency.findFirst({ where: { id: agencyId, partnershipId }, select: agencySelect });
    if (!agency) throw new Response("Not found", { status: 404 });
    if (await agencyInUse(tx, partnershipId, agencyId)) return { status: "in-use", message: AgencyMessages.inUse } as const;
    await tx.agency.delete({ where: { partnershipId_id: { partnershipId, id: agencyId } } });
    await recordAudit(tx, actor, { action: "deleted", entityType: "Agency", entityId: agencyId, before: agency });
    return { status: "deleted" } as const;
  });
}
