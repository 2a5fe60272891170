// Partnerships for the publication tests: priorities and indicators whose words and
// numbers are distinctive, so a test can search every output for them.
import type { Actor } from "~/modules/access/actor.server";
import type { MembershipRole, PartnershipProfile } from "~/modules/profiles/profile-schema";
import { financialYearOf } from "~/modules/periods/periods";
import { todayIn } from "~/utils/dates";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, uniqueSlug } from "../factories";

export const LAST_YEAR = financialYearOf(todayIn(), 4) - 1;
const MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12];

/** Words and numbers unique to one partnership ("token" tells them apart). */
export function wordsOf(token: string, base: number) {
  return {
    publishedPriority: `Make streets safer ${token}`,
    hiddenPriority: `Zanzibar hidden priority ${token}`,
    publishedIndicator: `Published burglaries ${token}`,
    hiddenIndicator: `Xylophone unpublished measure ${token}`,
    hiddenCode: `SECRET ${token}`,
    leadOfficer: `Insp Quentin Zephyr ${token}`,
    hiddenOfficer: `Ms Hidden Lead ${token}`,
    publishedValues: MONTHS.map((_, i) => String(base + i)),
    // Decimals: a UUID or a hash in the output can never contain "50701.25".
    hiddenValues: MONTHS.map((_, i) => `${base + 50_000 + i}.25`),
    hiddenTarget: `${base + 59_999}.5`,
  };
}

export type Words = ReturnType<typeof wordsOf>;

function profileOf(slug: string, words: Words, extraIndicators = 0): PartnershipProfile {
  return {
    slug,
    name: `Publication Test ${slug}`,
    councils: ["Publication Test Council"],
    agencies: [
      { key: "police", name: "Test Constabulary", kind: "POLICE" },
      { key: "probation", name: "Test Probation Service", kind: "PROBATION" },
    ],
    people: [
      { key: "lead", name: words.leadOfficer, agency: "police" },
      { key: "hidden", name: words.hiddenOfficer, agency: "probation" },
    ],
    boards: [{ key: "board", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", members: [] }],
    strategies: [
      {
        key: "s",
        title: "Community Safety Strategy",
        startYear: LAST_YEAR,
        endYear: LAST_YEAR + 2,
        priorities: [
          { number: 1, title: words.publishedPriority, responsibleBoard: "board", leads: [{ agency: "police", person: "lead" }] },
          { number: 2, title: words.hiddenPriority, leads: [{ agency: "probation", person: "hidden" }] },
        ],
      },
    ],
    indicators: [
      {
        key: "published",
        code: "PUB 1",
        name: words.publishedIndicator,
        unit: "COUNT",
        direction: "LOWER_IS_BETTER",
        frequency: "MONTHLY",
        leadAgency: "police",
        ownerBoard: "board",
        // Also measures the hidden priority: its title must still never show.
        priorities: ["s#1", "s#2"],
        baselines: [{ period: { type: "YEAR", financialYear: LAST_YEAR - 1 }, value: "9000" }],
        targets: [{ period: { type: "YEAR", financialYear: LAST_YEAR }, value: "8000" }],
        figures: MONTHS.map((month, i) => ({ period: { type: "MONTH", year: LAST_YEAR, month }, value: words.publishedValues[i]! })),
      },
      {
        key: "hidden",
        code: words.hiddenCode,
        name: words.hiddenIndicator,
        unit: "SCORE",
        direction: "HIGHER_IS_BETTER",
        frequency: "MONTHLY",
        leadAgency: "probation",
        ownerBoard: "board",
        priorities: ["s#2"],
        baselines: [{ period: { type: "YEAR", financialYear: LAST_YEAR - 1 }, value: words.hiddenValues[0]! }],
        targets: [{ period: { type: "YEAR", financialYear: LAST_YEAR }, value: words.hiddenTarget }],
        figures: MONTHS.map((month, i) => ({ period: { type: "MONTH", year: LAST_YEAR, month }, value: words.hiddenValues[i]! })),
      },
      ...Array.from({ length: extraIndicators }, (_, i) => ({
        key: `extra${i}`,
        code: `EXTRA ${i + 1}`,
        name: `Extra indicator ${i + 1}`,
        unit: "COUNT" as const,
        direction: "LOWER_IS_BETTER" as const,
        frequency: "MONTHLY" as const,
        leadAgency: "police",
        ownerBoard: "board",
        priorities: ["s#1" as const],
        baselines: [{ period: { type: "YEAR" as const, financialYear: LAST_YEAR - 1 }, value: String(1000 + i) }],
        targets: [{ period: { type: "YEAR" as const, financialYear: LAST_YEAR }, value: String(900 + i) }],
        figures: MONTHS.map((month) => ({ period: { type: "MONTH" as const, year: LAST_YEAR, month }, value: String(70 + ((i + month) % 20)) })),
      })),
    ],
    meetings: [{ board: "board", heldOn: "2099-01-15", startTime: "18:30", place: "Town Hall", agendaItems: [] }],
  };
}

export async function publicationWorld(token: string, base: number, extraIndicators = 0) {
  const words = wordsOf(token, base);
  const { partnershipId, slug, name } = await createPartnership(profileOf(uniqueSlug("pub"), words, extraIndicators));
  const ids = await withTenant(partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({ where: { partnershipId }, orderBy: { number: "asc" }, select: { id: true } }),
    indicators: await tx.indicator.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
    agencies: await tx.agency.findMany({ where: { partnershipId }, select: { id: true, name: true } }),
  }));
  const indicatorNamed = (n: string) => ids.indicators.find((i) => i.name === n)!.id;

  async function actor(role: MembershipRole, agencyId: string | null = null, userName = `${role} of ${token}`): Promise<Actor & { cookieUserId: string }> {
    const user = await createUser({ name: userName, memberships: [{ partnershipId, role, agencyId: agencyId ?? undefined }] });
    const membership = await withTenant(partnershipId, (tx) => tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } }));
    return { userId: user.id, userName, partnershipId, membershipId: membership.id, role, agencyId, cookieUserId: user.id };
  }

  return {
    partnershipId,
    slug,
    name,
    words,
    publishedPriorityId: ids.priorities[0]!.id,
    hiddenPriorityId: ids.priorities[1]!.id,
    publishedIndicatorId: indicatorNamed(words.publishedIndicator),
    hiddenIndicatorId: indicatorNamed(words.hiddenIndicator),
    extraIndicatorIds: ids.indicators.filter((i) => i.name.startsWith("Extra indicator")).map((i) => i.id),
    policeAgencyId: ids.agencies.find((a) => a.name === "Test Constabulary")!.id,
    actor,
  };
}

export type PublicationWorld = Awaited<ReturnType<typeof publicationWorld>>;
