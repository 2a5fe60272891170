// Test data, built through the same profile loader as the demo seed. Every test
// makes partnerships of its own (unique slugs), so test files never collide.
import { randomUUID } from "node:crypto";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import { loadProfile } from "~/modules/profiles/load-profile.server";
import type { MembershipRole, PartnershipProfile } from "~/modules/profiles/profile-schema";
import { db, withTenant } from "~/utils/db.server";

export function uniqueSlug(prefix = "test") {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A small partnership with every kind of thing the pages show. */
export function smallProfile(slug = uniqueSlug(), name = `Test Partnership ${slug}`): PartnershipProfile {
  return {
    slug,
    name,
    councils: [`${name} Council`],
    denominators: [
      { key: "households", kind: "HOUSEHOLDS", name: "Households", values: [{ financialYear: 2024, value: "100000" }] },
    ],
    agencies: [
      { key: "police", name: "Test Constabulary", shortName: "TC", kind: "POLICE" },
      { key: "probation", name: "Test Probation Service", kind: "PROBATION" },
      { key: "council", name: `${name} Council`, kind: "COUNCIL" },
    ],
    people: [
      { key: "inspector", name: "Insp Jane Lead", jobTitle: "Neighbourhood Inspector", agency: "police" },
      { key: "chair", name: "the Cabinet Member", agency: "council" },
    ],
    boards: [
      { key: "board", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", members: [{ person: "chair", role: "CHAIR" }] },
      { key: "dv", name: "Domestic Abuse Sub-board", kind: "SUB_BOARD", parent: "board", reportsToParent: "twice a year", members: [] },
    ],
    strategies: [
      {
        key: "s",
        title: "Community Safety Strategy",
        startYear: 2024,
        endYear: 2026,
        priorities: [
          {
            number: 1,
            title: "Reduce burglary",
            whyPriority: "Burglary worries residents most.",
            whatWeWillDo: "Target prolific offenders.",
            responsibleBoard: "board",
            leads: [{ agency: "police", person: "inspector" }],
          },
          { number: 2, title: "Reduce re-offending", leads: [{ agency: "probation" }, { agency: "council" }] },
        ],
      },
    ],
    indicators: [
      {
        key: "burglary",
        code: "LOCAL 1",
        name: "Residential burglary rate",
        unit: "RATE_PER_1000",
        direction: "LOWER_IS_BETTER",
        denominator: "households",
        frequency: "YEARLY",
        leadAgency: "police",
        ownerBoard: "board",
        priorities: ["s#1"],
        baselines: [{ period: { type: "YEAR", financialYear: 2024 }, value: "12.5", count: "1250" }],
        targets: [{ period: { type: "YEAR", financialYear: 2025 }, requiredDirection: "REDUCE", note: "5% reduction" }],
        figures: [{ period: { type: "YEAR", financialYear: 2025 }, value: "11.9", count: "1190" }],
      },
    ],
    deliveryPlans: [
      {
        key: "plan",
        title: "Delivery Plan 2025-26",
        financialYear: 2025,
        strategy: "s",
        actions: [
          {
            title: "Launch a target-hardening scheme",
            priority: "s#1",
            ownerAgency: "police",
            status: "IN_PROGRESS",
            rag: "RED",
            originalDueOn: "2025-10-31",
            revisedDueOn: "2026-01-31",
            notes: [{ writtenOn: "2025-09-26", body: "Funding delayed.", rag: "RED" }],
          },
          { title: "Joint patrols in hotspots", priority: "s#1", ownerAgency: "police", status: "IN_PROGRESS", rag: "AMBER" },
          { title: "Publish burglary advice", priority: "s#1", ownerAgency: "council", status: "COMPLETE", rag: "GREEN" },
        ],
      },
    ],
    meetings: [
      {
        board: "board",
        heldOn: "2099-01-15",
        startTime: "18:30",
        place: "Town Hall",
        agendaItems: [{ number: "1", title: "Burglary update", priorities: ["s#1"] }],
      },
    ],
  };
}

export async function createPartnership(profile: PartnershipProfile = smallProfile()) {
  const { partnershipId } = await loadProfile(profile);
  return { partnershipId, slug: profile.slug, name: profile.name };
}

/** The ids a test needs of a partnership, looked up inside its tenancy. */
export async function idsOf(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({ where: { partnershipId }, orderBy: { number: "asc" }, select: { id: true, number: true } }),
    agencies: await tx.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
    indicators: await tx.indicator.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
  }));
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function createUser(options: {
  memberships?: Array<{ partnershipId: string; role: MembershipRole; agencyId?: string }>;
  name?: string;
}) {
  const email = `${randomUUID().slice(0, 12)}@test.example`;
  const user = await db().user.create({
    data: { email, name: options.name ?? "Test User", passwordHash: await hashPassword(TEST_PASSWORD) },
    select: { id: true, email: true, name: true },
  });
  for (const m of options.memberships ?? []) {
    await withTenant(m.partnershipId, (tx) =>
      tx.membership.create({
        data: { partnershipId: m.partnershipId, userId: user.id, role: m.role, agencyId: m.agencyId ?? null },
      }),
    );
  }
  return user;
}

/** A Cookie header for a fresh session of the user. */
export async function sessionCookieFor(userId: string) {
  return `${sessionCookieName()}=${await createSession(userId)}`;
}
