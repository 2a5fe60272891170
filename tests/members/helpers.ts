// Shared by the members and invites tests: actors, the invite link from the outbox,
// and a snapshot of a partnership's members, invites and audit rows to prove that a
// refused request wrote nothing.
import { randomUUID } from "node:crypto";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import type { Actor } from "~/modules/access/actor.server";
import { withTenant } from "~/utils/db.server";
import { readOutbox } from "~/utils/email.server";
import { createPartnership, createUser, idsOf, sessionCookieFor } from "../factories";

export type Role = "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "BOARD_MEMBER" | "VIEWER";
export const ROLES: Role[] = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"];
export const NON_MANAGERS: Role[] = ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"];

/** The actor a signed-in member is, found exactly as a route finds it. */
export async function actorFor(userId: string, slug: string): Promise<Actor> {
  const cookie = await sessionCookieFor(userId);
  const { actor } = await requirePartnershipMember(new Request(`http://localhost/${slug}`, { headers: { Cookie: cookie } }), slug);
  return actor;
}

/** A partnership with a member in each role (the agency editor for its police). */
export async function partnershipWithEveryRole() {
  const partnership = await createPartnership();
  const { agencies } = await idsOf(partnership.partnershipId);
  const police = agencies.find((a) => a.name === "Test Constabulary")!;
  const users = {} as Record<Role, { id: string; email: string; name: string; cookie: string }>;
  for (const role of ROLES) {
    const user = await createUser({
      name: `${role} of ${partnership.slug}`,
      memberships: [{ partnershipId: partnership.partnershipId, role, agencyId: role === "AGENCY_EDITOR" ? police.id : undefined }],
    });
    users[role] = { ...user, cookie: await sessionCookieFor(user.id) };
  }
  return { ...partnership, agencies, police, users };
}

export async function membershipIdOf(partnershipId: string, userId: string) {
  const row = await withTenant(partnershipId, (tx) =>
    tx.membership.findFirstOrThrow({ where: { partnershipId, userId }, select: { id: true } }),
  );
  return row.id;
}

/** Everything the members and invites code may write, in a comparable form. */
export async function snapshot(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    memberships: await tx.membership.findMany({
      where: { partnershipId },
      orderBy: { id: "asc" },
      select: { id: true, userId: true, role: true, agencyId: true },
    }),
    invites: await tx.invite.findMany({
      where: { partnershipId },
      orderBy: { id: "asc" },
      select: { id: true, email: true, role: true, agencyId: true, tokenHash: true, expiresAt: true, acceptedAt: true, revokedAt: true },
    }),
    auditRows: await tx.auditEvent.count({ where: { partnershipId } }),
  }));
}

/** The token in the newest invitation e-mail to the address. */
export async function inviteTokenSentTo(email: string): Promise<string> {
  const [latest] = await readOutbox({ to: email, take: 1 });
  const match = latest?.text.match(/\/invites\/([A-Za-z0-9_-]{43})/);
  if (!match) throw new Error(`no invitation e-mail to ${email}`);
  return match[1]!;
}

export function uniqueEmail(prefix = "invitee") {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.example`;
}

/** What `submission.reply()` inside `data()` looks like to a test. */
export type Reply = {
  data: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };
  init: { status?: number } | null;
};
