// A member's own e-mail preferences in one partnership: each board's digest on or off
// (the same DigestOptOut the one-click link writes) and update reminders on or off
// (ReminderOptOut, by address, as reminders are sent). Personal settings, not the
// partnership's data, so they are not in the managers' audit log.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import type { EmailPreferencesInput } from "~/modules/digest/unsubscribe-preferences-schema";
import { isSuppressed } from "~/modules/email-suppression/email-suppression.server";
import { withTenant, type TenantTx } from "~/utils/db.server";

export type EmailPreferences = {
  /** The person the papers name for this member; without one there are no board seats. */
  person: { id: string; name: string; email: string | null } | null;
  boards: Array<{ id: string; name: string; digest: boolean }>;
  reminders: boolean;
  /** The address reminders go to and whether mail to it has bounced. */
  addresses: Array<{ email: string; suppressed: boolean }>;
};

async function subjectOf(tx: TenantTx, actor: Actor) {
  const membership = await tx.membership.findFirstOrThrow({
    where: { partnershipId: actor.partnershipId, id: actor.membershipId },
    select: { user: { select: { email: true } }, person: { select: { id: true, name: true, email: true, archivedAt: true } } },
  });
  const person = membership.person && !membership.person.archivedAt ? membership.person : null;
  const emails = [...new Set([membership.user.email, person?.email].filter((e): e is string => !!e).map((e) => e.trim().toLowerCase()))];
  return { person, emails };
}

export async function getEmailPreferences(actor: Actor): Promise<EmailPreferences> {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  const read = await withTenant(partnershipId, async (tx) => {
    const { person, emails } = await subjectOf(tx, actor);
    const seats = person
      ? await tx.boardMember.findMany({
          where: { partnershipId, personId: person.id, board: { archivedAt: null } },
          orderBy: { board: { name: "asc" } },
          select: { board: { select: { id: true, name: true } } },
        })
      : [];
    const optOuts = person
      ? new Set((await tx.digestOptOut.findMany({ where: { partnershipId, personId: person.id }, select: { boardId: true } })).map((o) => o.boardId))
      : new Set<string>();
    const reminderOptOuts = await tx.reminderOptOut.count({ where: { partnershipId, email: { in: emails } } });
    return {
      person: person && { id: person.id, name: person.name, email: person.email },
      boards: seats.map(({ board }) => ({ id: board.id, name: board.name, digest: !optOuts.has(board.id) })),
      reminders: reminderOptOuts === 0,
      emails,
    };
  });
  const { emails, ...rest } = read;
  const addresses = await Promise.all(emails.map(async (email) => ({ email, suppressed: await isSuppressed(email) })));
  return { ...rest, addresses };
}

/** Saves the member's choices: a board not listed in digestBoardIds gets no digest. */
export async function saveEmailPreferences(actor: Actor, input: EmailPreferencesInput): Promise<void> {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  await withTenant(partnershipId, async (tx) => {
    const { person, emails } = await subjectOf(tx, actor);
    if (person) {
      const seats = await tx.boardMember.findMany({
        where: { partnershipId, personId: person.id, board: { archivedAt: null } },
        select: { boardId: true },
      });
      const wanted = new Set(input.digestBoardIds);
      // Only the member's own boards: an id from elsewhere is ignored, not trusted.
      const off = seats.map((s) => s.boardId).filter((id) => !wanted.has(id));
      const on = seats.map((s) => s.boardId).filter((id) => wanted.has(id));
      await tx.digestOptOut.deleteMany({ where: { partnershipId, personId: person.id, boardId: { in: on } } });
      await tx.digestOptOut.createMany({ data: off.map((boardId) => ({ partnershipId, boardId, personId: person.id })), skipDuplicates: true });
    }
    if (input.reminders) await tx.reminderOptOut.deleteMany({ where: { partnershipId, email: { in: emails } } });
    else await tx.reminderOptOut.createMany({ data: emails.map((email) => ({ partnershipId, email })), skipDuplicates: true });
  });
}
