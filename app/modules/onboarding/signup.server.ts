// Sign-up: a new community safety manager makes their account and their partnership
// in one transaction: the user (a registry table), the Partnership row, then, with
// app.tenant_id set to the new partnership, its councils, the residents and households
// for the current financial year, and the creator's manager membership. A signed-in
// user can create another partnership the same way, without the account part.
import { randomUUID } from "node:crypto";
import type { Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { startTrialInStripe, trialEndFrom } from "~/modules/billing/billing.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession, sessionCookie } from "~/modules/auth/session.server";
import { financialYearOf } from "~/modules/periods/periods";
import { findPartnershipBySlug, normaliseEmail } from "~/modules/registry/registry.server";
import { Prisma, db, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import type { FieldErrors } from "~/modules/configuration/fields";
import { SignUpMessages, type NewPartnershipInput } from "./signup-schema";

export type NewAccountInput = { name: string; email: string; password: string };

export type CreatePartnershipResult =
  | { status: "created"; slug: string; partnershipId: string; cookie: string | null }
  | { status: "invalid"; fieldErrors: FieldErrors };

/**
 * Creates the partnership, and the account when `account` is given (otherwise the
 * partnership is made for the signed-in `user`). Returns a session cookie for a new
 * account. A slug or e-mail already taken, even by someone at the same moment, comes
 * back as a field error with nothing written.
 */
export async function createPartnershipWithManager(
  input: NewPartnershipInput,
  who: { account: NewAccountInput } | { user: { id: string; name: string } },
): Promise<CreatePartnershipResult> {
  const slug = input.slug;
  if (await findPartnershipBySlug(slug)) return { status: "invalid", fieldErrors: { slug: [SignUpMessages.slugTaken] } };
  const email = "account" in who ? normaliseEmail(who.account.email) : null;
  if (email && (await db().user.findUnique({ where: { email }, select: { id: true } }))) {
    return { status: "invalid", fieldErrors: { email: [SignUpMessages.emailTaken] } };
  }
  const passwordHash = "account" in who ? await hashPassword(who.account.password) : null;
  const userId = "account" in who ? randomUUID() : who.user.id;
  const userName = "account" in who ? who.account.name : who.user.name;

  let partnershipId: string;
  try {
    partnershipId = await db().$transaction(
      async (tx) => {
        if (email && passwordHash) {
          await tx.user.create({ data: { id: userId, email, name: userName, passwordHash }, select: { id: true } });
        }
        const partnership = await tx.partnership.create({
          data: {
            slug,
            name: input.partnershipName,
            policeForceArea: input.policeForceArea || null,
            financialYearStartMonth: input.financialYearStartMonth,
            setupTasks: {},
            // Every new partnership starts with a free trial, no card needed.
            subscriptionStatus: "TRIALING",
            trialEndsAt: trialEndFrom(new Date()),
          },
          select: { id: true, timeZone: true },
        });
        // From here on the rows are the new partnership's: row-level security applies.
        await tx.$executeRaw`select set_config('app.tenant_id', ${partnership.id}, true)`;
        const membership = await tx.membership.create({
          data: { partnershipId: partnership.id, userId, role: "PARTNERSHIP_MANAGER" },
          select: { id: true },
        });
        const actor: Actor = {
          userId,
          userName,
          partnershipId: partnership.id,
          membershipId: membership.id,
          role: "PARTNERSHIP_MANAGER",
          agencyId: null,
        };
        const financialYear = financialYearOf(todayIn(partnership.timeZone), input.financialYearStartMonth);
        await fillNewPartnership(tx, actor, input, financialYear);
        return partnership.id;
      },
      { timeout: 15_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Someone took the slug (or the e-mail) at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (await findPartnershipBySlug(slug)) return { status: "invalid", fieldErrors: { slug: [SignUpMessages.slugTaken] } };
      return { status: "invalid", fieldErrors: { email: [SignUpMessages.emailTaken] } };
    }
    throw error;
  }
  // After the commit, and never failing sign-up: see startTrialInStripe.
  await startTrialInStripe(partnershipId);
  const cookie = "account" in who ? sessionCookie(await createSession(userId)) : null;
  return { status: "created", slug, partnershipId, cookie };
}

async function fillNewPartnership(tx: TenantTx, actor: Actor, input: NewPartnershipInput, financialYear: number) {
  const { partnershipId } = actor;
  await tx.council.createMany({ data: input.councils.map((name) => ({ partnershipId, name })) });
  for (const [kind, name, value] of [
    ["RESIDENTS", "Residents", input.residents],
    ["HOUSEHOLDS", "Households", input.households],
  ] as const) {
    const denominator = await tx.denominator.create({ data: { partnershipId, kind, name }, select: { id: true } });
    await tx.denominatorValue.create({
      data: { partnershipId, denominatorId: denominator.id, financialYear, value },
    });
  }
  await recordAudit(tx, actor, {
    action: "created",
    entityType: "Partnership",
    entityId: partnershipId,
    after: {
      name: input.partnershipName,
      slug: input.slug,
      councils: input.councils,
      policeForceArea: input.policeForceArea ?? null,
      financialYearStartMonth: input.financialYearStartMonth,
      residents: input.residents,
      households: input.households,
      financialYear,
    },
  });
  await recordAudit(tx, actor, {
    action: "created",
    entityType: "Membership",
    entityId: actor.membershipId,
    after: { role: "PARTNERSHIP_MANAGER", userId: actor.userId, name: actor.userName },
  });
}
