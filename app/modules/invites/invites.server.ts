// Inviting people to a partnership, and accepting an invitation.
//
// A manager invites an e-mail address in a role (and, for an agency editor, an
// agency). The e-mail carries a link with a random token; only the token's SHA-256 is
// stored. The link works once, for 7 days, and stops working when the invitation is
// sent again (new token) or revoked.
//
// Inviting someone who already has an invitation waiting sends it again instead of
// refusing: the manager has most likely lost track of it or wants to correct the
// role, and refusing would send them to find and revoke the old one first. The
// waiting invitation takes the role and agency just chosen, a new link and 7 new
// days; the old link stops working. So there is at most one waiting invitation per
// address in a partnership (an advisory lock on the address makes that race-safe).
//
// Accepting happens before the visitor is a member of anything: the invite is found
// by its token hash (registry.findInviteByTokenHash, the one pre-tenant way), and
// everything after that runs inside that invite's partnership (withTenant).
import { randomUUID } from "node:crypto";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit, changedFields } from "~/modules/audit/audit.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession, sessionCookie, type SessionUser } from "~/modules/auth/session.server";
import { agencyChoices, checkAgency, type FieldErrors } from "~/modules/members/members.server";
import type { MemberRole } from "~/modules/members/member-schema";
import { findInviteByTokenHash, findUserByEmail, normaliseEmail } from "~/modules/registry/registry.server";
import { formatInstant } from "~/utils/dates";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { sendEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { isUuid } from "~/utils/uuid";
import { renderInviteEmail } from "../../../emails/invite";
import { INVITE_VALID_DAYS } from "./invite-schema";
import { hashInviteToken, isInviteToken, newInviteToken } from "./invite-token.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "a partnership manager", "an agency editor for London Fire Brigade": for sentences. */
export function describeRole(role: MemberRole, agencyName?: string | null): string {
  const base = {
    PARTNERSHIP_MANAGER: "a partnership manager",
    AGENCY_EDITOR: "an agency editor",
    BOARD_MEMBER: "a board member",
    VIEWER: "a viewer",
  }[role];
  return agencyName ? `${base} for ${agencyName}` : base;
}

function newExpiry(now: Date) {
  return new Date(now.getTime() + INVITE_VALID_DAYS * DAY_MS);
}

// ---------------------------------------------------------------------------
// Managers: invite, resend, revoke.
// ---------------------------------------------------------------------------

/** What the invite form offers: this partnership's agencies. */
export async function getInviteForm(actor: Actor) {
  assertCan(actor, "invite:manage");
  return withTenant(actor.partnershipId, async (tx) => ({ agencies: await agencyChoices(tx, actor.partnershipId) }));
}

export type InviteResult =
  | { status: "sent"; inviteId: string; resent: boolean; emailSent: boolean; emailSuppressed: boolean }
  | { status: "invalid"; fieldErrors: FieldErrors };

/** Invites an e-mail address to the partnership (or sends a waiting invitation again). */
export async function inviteMember(
  actor: Actor,
  input: { email: string; role: MemberRole; agencyId?: string | null },
): Promise<InviteResult> {
  assertCan(actor, "invite:manage");
  const partnershipId = actor.partnershipId;
  const email = normaliseEmail(input.email);
  const agencyId = input.agencyId || null;
  const { token, tokenHash } = newInviteToken();
  const now = new Date();
  const expiresAt = newExpiry(now);

  const outcome = await withTenant(partnershipId, async (tx) => {
    // One invitation at a time per address: a second invite of the same address waits here.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtextextended(${`invite:${partnershipId}:${email}`}, 0))`;

    const fieldErrors: FieldErrors = {};
    const member = await tx.membership.findFirst({ where: { partnershipId, user: { email } }, select: { id: true } });
    if (member) fieldErrors.email = [`${email} is already a member of this partnership`];
    const agencyError = await checkAgency(tx, partnershipId, input.role, agencyId);
    if (agencyError) fieldErrors.agencyId = [agencyError];
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid" as const, fieldErrors };

    const waiting = await tx.invite.findFirst({
      where: { partnershipId, email, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, role: true, agencyId: true, expiresAt: true },
    });
    let inviteId: string;
    if (waiting) {
      await tx.invite.updateMany({
        where: { id: waiting.id, partnershipId },
        data: { role: input.role, agencyId, tokenHash, expiresAt, lastSentAt: now, invitedById: actor.userId },
      });
      inviteId = waiting.id;
      const diff = changedFields(
        { role: waiting.role, agencyId: waiting.agencyId, expiresAt: waiting.expiresAt },
        { role: input.role, agencyId, expiresAt },
      );
      await recordAudit(tx, actor, { action: "resent", entityType: "Invite", entityId: inviteId, before: { email, ...diff.before }, after: diff.after });
    } else {
      const invite = await tx.invite.create({
        data: { partnershipId, email, role: input.role, agencyId, tokenHash, expiresAt, lastSentAt: now, invitedById: actor.userId },
        select: { id: true },
      });
      inviteId = invite.id;
      await recordAudit(tx, actor, {
        action: "invited",
        entityType: "Invite",
        entityId: inviteId,
        after: { email, role: input.role, agencyId, expiresAt },
      });
    }
    return { status: "saved" as const, inviteId, resent: Boolean(waiting), email: await emailDetails(tx, partnershipId, inviteId) };
  });

  if (outcome.status === "invalid") return outcome;
  const sending = await sendInvitation({ ...outcome.email, actor, token, tokenHash, inviteId: outcome.inviteId });
  return { status: "sent", inviteId: outcome.inviteId, resent: outcome.resent, emailSent: sending === "sent", emailSuppressed: sending === "suppressed" };
}

export type InviteActionResult = { status: "done"; inviteId: string; emailSent?: boolean; emailSuppressed?: boolean } | { status: "not-found" };

/** Sends a waiting invitation again: a new link, 7 new days; the old link stops working. */
export async function resendInvite(actor: Actor, input: { inviteId: string }): Promise<InviteActionResult> {
  assertCan(actor, "invite:manage");
  if (!isUuid(input.inviteId)) return { status: "not-found" };
  const partnershipId = actor.partnershipId;
  const { token, tokenHash } = newInviteToken();
  const now = new Date();
  const expiresAt = newExpiry(now);
  const outcome = await withTenant(partnershipId, async (tx) => {
    const where = { id: input.inviteId, partnershipId, acceptedAt: null, revokedAt: null };
    const before = await tx.invite.findFirst({ where, select: { expiresAt: true, email: true } });
    if (!before) return null;
    const updated = await tx.invite.updateMany({ where, data: { tokenHash, expiresAt, lastSentAt: now } });
    if (updated.count !== 1) return null;
    await recordAudit(tx, actor, {
      action: "resent",
      entityType: "Invite",
      entityId: input.inviteId,
      before: { email: before.email, expiresAt: before.expiresAt },
      after: { expiresAt },
    });
    return emailDetails(tx, partnershipId, input.inviteId);
  });
  if (!outcome) return { status: "not-found" };
  const sending = await sendInvitation({ ...outcome, actor, token, tokenHash, inviteId: input.inviteId });
  return { status: "done", inviteId: input.inviteId, emailSent: sending === "sent", emailSuppressed: sending === "suppressed" };
}

/** Revokes a waiting invitation: its link stops working. */
export async function revokeInvite(actor: Actor, input: { inviteId: string }): Promise<InviteActionResult> {
  assertCan(actor, "invite:manage");
  if (!isUuid(input.inviteId)) return { status: "not-found" };
  const partnershipId = actor.partnershipId;
  return withTenant(partnershipId, async (tx) => {
    const where = { id: input.inviteId, partnershipId, acceptedAt: null, revokedAt: null };
    const invite = await tx.invite.findFirst({ where, select: { email: true, role: true, agencyId: true } });
    if (!invite) return { status: "not-found" } as const;
    const revokedAt = new Date();
    const updated = await tx.invite.updateMany({ where, data: { revokedAt } });
    if (updated.count !== 1) return { status: "not-found" } as const;
    await recordAudit(tx, actor, { action: "revoked", entityType: "Invite", entityId: input.inviteId, before: invite, after: { revokedAt } });
    return { status: "done", inviteId: input.inviteId } as const;
  });
}

async function emailDetails(tx: TenantTx, partnershipId: string, inviteId: string) {
  const invite = await tx.invite.findFirstOrThrow({
    where: { id: inviteId, partnershipId },
    select: { email: true, role: true, expiresAt: true, agency: { select: { name: true } }, partnership: { select: { name: true, timeZone: true } } },
  });
  return {
    to: invite.email,
    partnershipName: invite.partnership.name,
    roleDescription: describeRole(invite.role, invite.agency?.name),
    expiresOn: formatInstant(invite.expiresAt, invite.partnership.timeZone),
  };
}

/**
 * Sends the invitation after its transaction has committed (an e-mail cannot be
 * rolled back). A failure is reported, not thrown: the invitation is saved, and the
 * members page offers to send it again. "suppressed": the address bounced or complained
 * before, so nothing was sent (app/utils/email.server.ts) and resending will not help.
 */
async function sendInvitation(details: {
  to: string;
  partnershipName: string;
  roleDescription: string;
  expiresOn: string;
  actor: Actor;
  token: string;
  tokenHash: string;
  inviteId: string;
}): Promise<"sent" | "failed" | "suppressed"> {
  const email = await renderInviteEmail({
    inviterName: details.actor.userName,
    partnershipName: details.partnershipName,
    roleDescription: details.roleDescription,
    acceptUrl: `${env().APP_URL.replace(/\/$/, "")}/invites/${details.token}`,
    expiresOn: details.expiresOn,
  });
  try {
    // One key per link: a retried send of the same link sends once.
    const sent = await sendEmail({ to: details.to, ...email, idempotencyKey: `invite-${details.inviteId}-${details.tokenHash.slice(0, 32)}` });
    return sent.via === "suppressed" ? "suppressed" : "sent";
  } catch (error) {
    console.error(`The invitation ${details.inviteId} could not be sent`, error);
    return "failed";
  }
}

// ---------------------------------------------------------------------------
// The invited person: look at the invitation, accept it.
// ---------------------------------------------------------------------------

/** Why an invitation cannot be used, when it cannot. */
export type InviteProblem = "unknown" | "expired" | "revoked" | "used";

export type InvitationView =
  | { status: "unusable"; problem: InviteProblem; partnershipName: string | null }
  | {
      status: "usable";
      /** What the visitor should do next. */
      next: "create-account" | "sign-in" | "join" | "wrong-account" | "already-member";
      partnershipName: string;
      partnershipSlug: string;
      email: string;
      role: MemberRole;
      roleDescription: string;
      expiresOn: string;
      signedInAs: string | null;
    };

type FoundInvite = {
  id: string;
  partnershipId: string;
  email: string;
  role: MemberRole;
  agencyId: string | null;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  agency: { name: string } | null;
  partnership: { name: string; slug: string; timeZone: string };
};

function problemOf(invite: Pick<FoundInvite, "expiresAt" | "acceptedAt" | "revokedAt">, now = new Date()): InviteProblem | null {
  if (invite.acceptedAt) return "used";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return null;
}

const inviteSelect = {
  id: true,
  partnershipId: true,
  email: true,
  role: true,
  agencyId: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  agency: { select: { name: true } },
  partnership: { select: { name: true, slug: true, timeZone: true } },
} as const;

type Located = { id: string; partnershipId: string; tokenHash: string };

/** Which invite (and so which partnership) a token is for: the one pre-tenant read. */
async function locateInvite(token: string): Promise<Located | null> {
  if (!isInviteToken(token)) return null;
  const tokenHash = hashInviteToken(token);
  const found = await findInviteByTokenHash(tokenHash);
  return found && { id: found.id, partnershipId: found.partnershipId, tokenHash };
}

/** The whole invite, read inside its partnership. */
function readInvite(tx: TenantTx, located: Located): Promise<FoundInvite | null> {
  return tx.invite.findFirst({
    where: { id: located.id, partnershipId: located.partnershipId, tokenHash: located.tokenHash },
    select: inviteSelect,
  });
}

/** What the invitation page shows, for the visitor signed in as `user` (or nobody). */
export async function viewInvitation(token: string, user: SessionUser | null): Promise<InvitationView> {
  const located = await locateInvite(token);
  const invite = located && (await withTenant(located.partnershipId, (tx) => readInvite(tx, located)));
  if (!invite) return { status: "unusable", problem: "unknown", partnershipName: null };
  const problem = problemOf(invite);
  if (problem) return { status: "unusable", problem, partnershipName: invite.partnership.name };

  const account = await findUserByEmail(invite.email);
  let next: Extract<InvitationView, { status: "usable" }>["next"];
  if (user && normaliseEmail(user.email) !== invite.email) next = "wrong-account";
  else if (!account) next = "create-account";
  else if (!user) next = "sign-in";
  else {
    const member = await withTenant(invite.partnershipId, (tx) =>
      tx.membership.findFirst({ where: { partnershipId: invite.partnershipId, userId: user.id }, select: { id: true } }),
    );
    next = member ? "already-member" : "join";
  }
  return {
    status: "usable",
    next,
    partnershipName: invite.partnership.name,
    partnershipSlug: invite.partnership.slug,
    email: invite.email,
    role: invite.role,
    roleDescription: describeRole(invite.role, invite.agency?.name),
    expiresOn: formatInstant(invite.expiresAt, invite.partnership.timeZone),
    signedInAs: user?.email ?? null,
  };
}

export type AcceptResult =
  | { status: "joined"; partnershipSlug: string; cookie?: string }
  | { status: "refused"; reason: InviteProblem | "wrong-account" | "already-member" | "has-account" | "no-account" };

/**
 * Claims the invite inside its partnership's transaction: only one acceptance can
 * succeed (the update's where re-checks the invite under the row lock), and a
 * refusal writes nothing.
 */
async function claim(tx: TenantTx, invite: FoundInvite, userId: string) {
  const now = new Date();
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, partnershipId: invite.partnershipId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now, acceptedById: userId },
  });
  return claimed.count === 1;
}

class Refusal extends Error {
  constructor(readonly reason: Extract<AcceptResult, { status: "refused" }>["reason"]) {
    super(reason);
  }
}

async function addMember(tx: TenantTx, invite: FoundInvite, user: { id: string; name: string }) {
  const membership = await tx.membership.create({
    data: { partnershipId: invite.partnershipId, userId: user.id, role: invite.role, agencyId: invite.agencyId },
    select: { id: true },
  });
  // The new member is the actor: the audit says who joined, and through which invitation.
  const actor: Actor = {
    userId: user.id,
    userName: user.name,
    partnershipId: invite.partnershipId,
    membershipId: membership.id,
    role: invite.role,
    agencyId: invite.agencyId,
  };
  await recordAudit(tx, actor, { action: "accepted", entityType: "Invite", entityId: invite.id, after: { membershipId: membership.id } });
  await recordAudit(tx, actor, {
    action: "joined",
    entityType: "Membership",
    entityId: membership.id,
    after: { email: invite.email, role: invite.role, agencyId: invite.agencyId, inviteId: invite.id },
  });
}

/** The signed-in user accepts an invitation sent to their own e-mail address. */
export async function acceptInvitation(token: string, user: SessionUser): Promise<AcceptResult> {
  const located = await locateInvite(token);
  if (!located) return { status: "refused", reason: "unknown" };
  try {
    return await withTenant(located.partnershipId, async (tx) => {
      const invite = await readInvite(tx, located);
      if (!invite) throw new Refusal("unknown");
      const problem = problemOf(invite);
      if (problem) throw new Refusal(problem);
      if (normaliseEmail(user.email) !== invite.email) throw new Refusal("wrong-account");
      const member = await tx.membership.findFirst({ where: { partnershipId: invite.partnershipId, userId: user.id }, select: { id: true } });
      if (member) throw new Refusal("already-member");
      if (!(await claim(tx, invite, user.id))) throw new Refusal("used");
      await addMember(tx, invite, user);
      return { status: "joined", partnershipSlug: invite.partnership.slug } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { status: "refused", reason: error.reason };
    throw error;
  }
}

/**
 * Someone with no account accepts: creates the account (for the invited address),
 * the membership and marks the invite used in one transaction, then signs them in.
 */
export async function acceptInvitationWithNewAccount(token: string, input: { name: string; password: string }): Promise<AcceptResult> {
  const located = await locateInvite(token);
  if (!located) return { status: "refused", reason: "unknown" };
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  let result: AcceptResult;
  try {
    result = await withTenant(located.partnershipId, async (tx) => {
      const invite = await readInvite(tx, located);
      if (!invite) throw new Refusal("unknown");
      const problem = problemOf(invite);
      if (problem) throw new Refusal(problem);
      if (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } })) throw new Refusal("has-account");
      if (!(await claim(tx, invite, userId))) throw new Refusal("used");
      const user = await tx.user.create({
        data: { id: userId, email: invite.email, name: input.name, passwordHash },
        select: { id: true, name: true },
      });
      await addMember(tx, invite, user);
      return { status: "joined", partnershipSlug: invite.partnership.slug } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return { status: "refused", reason: error.reason };
    // Someone made an account for this address at the same moment: they sign in instead.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { status: "refused", reason: "has-account" };
    }
    throw error;
  }
  return { ...result, cookie: sessionCookie(await createSession(userId)) };
}
