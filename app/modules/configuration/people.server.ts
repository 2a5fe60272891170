// Named people in settings: the leads, chairs and board members the papers name,
// who need no account. Partnership managers only.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import { invalid, type FieldErrors } from "./fields";
import { PersonMessages, type PersonInput } from "./person-schema";

export type SaveResult = { status: "saved"; id: string } | { status: "invalid"; fieldErrors: FieldErrors };

const personSelect = { id: true, name: true, jobTitle: true, agencyId: true, email: true, archivedAt: true } as const;

async function agencyChoices(tx: TenantTx, partnershipId: string) {
  return tx.agency.findMany({ where: { partnershipId, archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function listPeopleSettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const people = await tx.person.findMany({
      where: { partnershipId },
      orderBy: { name: "asc" },
      select: { ...personSelect, agency: { select: { name: true } } },
    });
    return {
      people: people.filter((p) => !p.archivedAt),
      archived: people.filter((p) => p.archivedAt),
      agencyChoices: await agencyChoices(tx, partnershipId),
    };
  });
}

export async function getPersonForEdit(actor: Actor, personId: string) {
  assertCan(actor, "settings:manage");
  if (!isUuid(personId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const person = await tx.person.findFirst({ where: { id: personId, partnershipId }, select: personSelect });
    if (!person) return null;
    return { person, agencyChoices: await agencyChoices(tx, partnershipId) };
  });
}

/** Adds a person, or changes one (`personId`); an agency must be one of this partnership's. */
export async function savePerson(actor: Actor, personId: string | null, input: PersonInput): Promise<SaveResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (personId !== null && !isUuid(personId)) throw new Response("Not found", { status: 404 });
  return withTenant(partnershipId, async (tx): Promise<SaveResult> => {
    const agencyId = input.agencyId || null;
    if (agencyId) {
      const agency = isUuid(agencyId)
        ? await tx.agency.findFirst({ where: { id: agencyId, partnershipId, archivedAt: null }, select: { id: true } })
        : null;
      if (!agency) return invalid("agencyId", PersonMessages.agencyNotFound);
    }
    const row = { name: input.name, jobTitle: input.jobTitle || null, agencyId, email: input.email || null };
    if (!personId) {
      const created = await tx.person.create({ data: { partnershipId, ...row }, select: { id: true } });
      await recordAudit(tx, actor, { action: "created", entityType: "Person", entityId: created.id, after: row });
      return { status: "saved", id: created.id };
    }
    const before = await tx.person.findFirst({ where: { id: personId, partnershipId }, select: personSelect });
    if (!before) throw new Response("Not found", { status: 404 });
    const diff = changedFields(before, row);
    if (diff.changed) {
      await tx.person.update({ where: { partnershipId_id: { partnershipId, id: personId } }, data: row });
      await recordAudit(tx, actor, { action: "updated", entityType: "Person", entityId: personId, before: diff.before, after: diff.after });
    }
    return { status: "saved", id: personId };
  });
}

export async function setPersonArchived(actor: Actor, personId: string, archived: boolean) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(personId)) throw new Response("Not found", { status: 404 });
  await withTenant(partnershipId, async (tx) => {
    const person = await tx.person.findFirst({ where: { id: personId, partnershipId }, select: { archivedAt: true } });
    if (!person) throw new Response("Not found", { status: 404 });
    if (Boolean(person.archivedAt) === archived) return;
    const archivedAt = archived ? new Date() : null;
    await tx.person.update({ where: { partnershipId_id: { partnershipId, id: personId } }, data: { archivedAt } });
    await recordAudit(tx, actor, {
      action: archived ? "archived" : "restored",
      entityType: "Person",
      entityId: personId,
      before: { archivedAt: person.archivedAt },
      after: { archivedAt },
    });
  });
}

export async function deletePerson(actor: Actor, personId: string): Promise<{ status: "deleted" } | { status: "in-use"; message: string }> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  if (!isUuid(personId)) throw new Response("Not found", { status: 404 });
  return withTenant(partnershipId, async (tx) => {
    const person = await tx.person.findFirst({ where: { id: personId, partnershipId }, select: personSelect });
    if (!person) throw new Response("Not found", { status: 404 });
    // One after another: a transaction's queries share one connection.
    const counts = [
      await tx.boardMember.count({ where: { partnershipId, personId } }),
      await tx.priorityLead.count({ where: { partnershipId, personId } }),
      await tx.action.count({ where: { partnershipId, ownerPersonId: personId } }),
      await tx.membership.count({ where: { partnershipId, personId } }),
      // The record of the digests they were sent is kept.
      await tx.digestDelivery.count({ where: { partnershipId, personId } }),
    ];
    if (counts.some((n) => n > 0)) return { status: "in-use", message: PersonMessages.inUse } as const;
    await tx.person.delete({ where: { partnershipId_id: { partnershipId, id: personId } } });
    await recordAudit(tx, actor, { action: "deleted", entityType: "Person", entityId: personId, before: person });
    return { status: "deleted" } as const;
  });
}
