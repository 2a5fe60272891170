// Seeds partnerships shaped like the demo ones, at the sizes the issue names, quickly:
// the configuration (agencies, people, boards, strategy, indicators, meetings) goes
// through the same profile loader as the seed and the tests, so it is valid by
// construction; the bulk (5 years of monthly figures, hundreds of actions and their
// notes, members) goes in as multi-row inserts inside the partnership's tenancy, so
// row-level security still checks every row.
import { randomUUID } from "node:crypto";
import { resolvePeriod } from "~/modules/periods/periods";
import { loadProfile } from "~/modules/profiles/load-profile.server";
import type { PartnershipProfile } from "~/modules/profiles/profile-schema";
import { db, withTenant } from "~/utils/db.server";

/** A small deterministic generator, so every run seeds the same shapes. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

const AGENCIES = [
  { key: "police", name: "Constabulary", kind: "POLICE" },
  { key: "council", name: "Council", kind: "COUNCIL" },
  { key: "probation", name: "Probation Service", kind: "PROBATION" },
  { key: "fire", name: "Fire and Rescue Service", kind: "FIRE_AND_RESCUE" },
  { key: "health", name: "Integrated Care Board", kind: "HEALTH" },
  { key: "yos", name: "Youth Justice Service", kind: "YOUTH_OFFENDING" },
] as const;
const THEMES = ["Violence against women and girls", "Serious violence", "Anti-social behaviour", "Burglary", "Reducing re-offending", "Drugs and alcohol", "Hate crime", "Exploitation", "Road safety", "Fraud", "Domestic abuse", "Youth violence"];
const RAGS = ["RED", "AMBER", "GREEN"] as const;
const STATUSES = ["NOT_STARTED", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETE"] as const;

export type SeededPartnership = {
  index: number;
  partnershipId: string;
  slug: string;
  managerUserId: string;
  sizes: { priorities: number; indicators: number; figures: number; actions: number; notes: number; boards: number; meetings: number; members: number };
};

const iso = (date: Date) => date.toISOString().slice(0, 10);
const addMonths = (date: Date, months: number) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));

/** The financial year (April start) a date falls in. */
const financialYearOf = (date: Date) => (date.getUTCMonth() >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1);

export async function seedPartnership(index: number, runTag: string, today = new Date()): Promise<SeededPartnership> {
  const rnd = random(index * 7919 + 17);
  const slug = `bench-${runTag}-${String(index + 1).padStart(3, "0")}`;
  const name = `Bench Partnership ${index + 1}`;
  const counts = {
    priorities: rnd.between(8, 12),
    indicators: rnd.between(30, 60),
    actions: rnd.between(100, 300),
    boards: rnd.between(6, 10),
    members: rnd.between(20, 80),
  };
  const thisYear = financialYearOf(today);
  const firstOfThisMonth = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));

  const people = Array.from({ length: counts.members }, (_, i) => ({
    key: `p${i}`,
    name: `Officer ${i + 1}`,
    jobTitle: i === 0 ? "Community Safety Manager" : "Partnership lead",
    agency: AGENCIES[i % AGENCIES.length]!.key,
    email: `officer-${i + 1}@${slug}.bench.example`,
  }));
  const boards = Array.from({ length: counts.boards }, (_, b) => {
    // The main board seats a dozen or more; each sub-board five or six.
    const seats = b === 0 ? Math.min(counts.members, 15) : 6;
    const start = b === 0 ? 0 : (b * 5) % counts.members;
    const members = Array.from({ length: seats }, (_, s) => `p${(start + s) % counts.members}`);
    return {
      key: `b${b}`,
      name: b === 0 ? "Community Safety Partnership Board" : `${THEMES[b % THEMES.length]} Sub-group ${b}`,
      kind: b === 0 ? ("PARTNERSHIP_BOARD" as const) : ("SUB_BOARD" as const),
      ...(b === 0 ? {} : { parent: "b0", reportsToParent: "quarterly" }),
      members: [...new Set(members)].map((person, s) => ({ person, role: s === 0 ? ("CHAIR" as const) : ("MEMBER" as const) })),
    };
  });
  const priorityRefs = Array.from({ length: counts.priorities }, (_, p) => `s#${p + 1}` as const);
  const profile: PartnershipProfile = {
    slug,
    name,
    councils: [`${name} Council`],
    agencies: AGENCIES.map((agency) => ({ key: agency.key, name: `${name} ${agency.name}`, kind: agency.kind })),
    people,
    boards,
    strategies: [
      {
        key: "s",
        title: `Community Safety Strategy ${thisYear - 1}-${thisYear + 2}`,
        startYear: thisYear - 1,
        endYear: thisYear + 2,
        priorities: priorityRefs.map((_, p) => ({
          number: p + 1,
          title: THEMES[p % THEMES.length]!,
          whyPriority: "Residents and the strategic assessment both rank it highly.",
          whatWeWillDo: "Target the places, people and times where harm concentrates.",
          responsibleBoard: `b${p % counts.boards}`,
          leads: [{ agency: AGENCIES[p % AGENCIES.length]!.key, person: `p${p % counts.members}` }],
        })),
      },
    ],
    indicators: Array.from({ length: counts.indicators }, (_, i) => ({
      key: `i${i}`,
      code: `LOCAL ${i + 1}`,
      name: `${THEMES[i % THEMES.length]}: measure ${i + 1}`,
      unit: "COUNT" as const,
      direction: i % 7 === 0 ? ("HIGHER_IS_BETTER" as const) : ("LOWER_IS_BETTER" as const),
      frequency: "MONTHLY" as const,
      leadAgency: AGENCIES[i % AGENCIES.length]!.key,
      ownerBoard: `b${i % counts.boards}`,
      priorities: [priorityRefs[i % counts.priorities]!],
      baselines: [{ period: { type: "YEAR" as const, financialYear: thisYear - 5 }, value: String(1200 + i * 10) }],
      targets: [{ period: { type: "YEAR" as const, financialYear: thisYear }, value: String(1000 + i * 9) }],
    })),
    deliveryPlans: [{ key: "plan", title: `Delivery Plan ${thisYear}`, financialYear: thisYear, strategy: "s", actions: [] }],
    // Every board meets quarterly over three years: two and a half behind, six months ahead.
    meetings: boards.flatMap((board, b) =>
      Array.from({ length: 12 }, (_, q) => {
        const heldOn = addMonths(firstOfThisMonth, -30 + q * 3 + (b % 3));
        const upcoming = heldOn > today;
        return {
          board: board.key,
          heldOn: iso(new Date(heldOn.getTime() + 14 * 86_400_000)),
          startTime: "10:00",
          place: "Civic Centre",
          agendaItems: upcoming
            ? [
                { number: "1", title: "Performance report", priorities: [priorityRefs[b % counts.priorities]!] },
                { number: "2", title: "Delivery plan update" },
              ]
            : [],
        };
      }),
    ),
  };

  const { partnershipId } = await loadProfile(profile);

  const monthRefs = Array.from({ length: 60 }, (_, m) => {
    const start = addMonths(firstOfThisMonth, m - 60);
    return { type: "MONTH" as const, year: start.getUTCFullYear(), month: start.getUTCMonth() + 1 };
  });
  const userIds = people.map(() => randomUUID());
  await db().user.createMany({
    data: people.map((person, i) => ({
      id: userIds[i]!,
      email: person.email,
      name: person.name,
      // Nobody signs in with a password here: sessions are made directly.
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2g$not-a-real-hash",
    })),
  });

  const sizes = await withTenant(
    partnershipId,
    async (tx) => {
      await tx.reportingPeriod.createMany({
        data: monthRefs.map((ref) => ({ partnershipId, ...resolvePeriod(ref, 4) })),
        skipDuplicates: true,
      });
      const periods = await tx.reportingPeriod.findMany({ where: { partnershipId, type: "MONTH" }, select: { id: true, startsOn: true }, orderBy: { startsOn: "asc" } });
      const indicators = await tx.indicator.findMany({ where: { partnershipId }, select: { id: true }, orderBy: { code: "asc" } });
      const figures = indicators.flatMap((indicator, i) =>
        periods.map((period, m) => ({
          partnershipId,
          indicatorId: indicator.id,
          periodId: period.id,
          // A level, a season and some noise: charts and RAG see something like real data.
          value: String(Math.round(80 + i * 3 + 15 * Math.sin((m / 12) * 2 * Math.PI) + rnd.next() * 20 - m * 0.2)),
          source: "IMPORTED" as const,
        })),
      );
      for (let start = 0; start < figures.length; start += 4000) await tx.figure.createMany({ data: figures.slice(start, start + 4000) });

      const plan = await tx.deliveryPlan.findFirstOrThrow({ where: { partnershipId }, select: { id: true } });
      const priorities = await tx.priority.findMany({ where: { partnershipId }, select: { id: true }, orderBy: { number: "asc" } });
      const agencies = await tx.agency.findMany({ where: { partnershipId }, select: { id: true } });
      const persons = await tx.person.findMany({ where: { partnershipId }, select: { id: true, email: true } });
      const personByEmail = new Map(persons.map((p) => [p.email, p.id]));
      const actions = Array.from({ length: counts.actions }, (_, a) => ({
        id: randomUUID(),
        partnershipId,
        deliveryPlanId: plan.id,
        priorityId: priorities[a % priorities.length]!.id,
        reference: `${(a % priorities.length) + 1}.${Math.floor(a / priorities.length) + 1}`,
        title: `Action ${a + 1}: ${THEMES[a % THEMES.length]!.toLowerCase()} work stream`,
        ownerAgencyId: agencies[a % agencies.length]!.id,
        status: STATUSES[a % STATUSES.length]!,
        rag: RAGS[rnd.between(0, 2)]!,
        originalDueOn: addMonths(firstOfThisMonth, rnd.between(-6, 9)),
      }));
      await tx.action.createMany({ data: actions });
      const notes = actions.flatMap((action, a) =>
        Array.from({ length: 1 + (a % 4) }, (_, n) => ({
          partnershipId,
          actionId: action.id,
          writtenOn: addMonths(firstOfThisMonth, -3 * (n + 1)),
          body: `Progress update ${n + 1}: partners met, the plan is on course with one risk noted.`,
          rag: action.rag,
        })),
      );
      for (let start = 0; start < notes.length; start += 4000) await tx.progressNote.createMany({ data: notes.slice(start, start + 4000) });

      await tx.membership.createMany({
        data: people.map((person, i) => ({
          partnershipId,
          userId: userIds[i]!,
          personId: personByEmail.get(person.email) ?? null,
          role: i === 0 ? ("PARTNERSHIP_MANAGER" as const) : i < 6 ? ("AGENCY_EDITOR" as const) : ("BOARD_MEMBER" as const),
          agencyId: i > 0 && i < 6 ? agencies[i % agencies.length]!.id : null,
        })),
      });
      return { figures: figures.length, notes: notes.length, meetings: profile.meetings!.length };
    },
    { timeoutMs: 120_000 },
  );

  return {
    index,
    partnershipId,
    slug,
    managerUserId: userIds[0]!,
    sizes: { ...counts, indicators: counts.indicators, figures: sizes.figures, notes: sizes.notes, meetings: sizes.meetings },
  };
}

/** Runs `task` for 0..count-1, `concurrency` at a time, reporting each completion. */
export async function boundedPool<T>(count: number, concurrency: number, task: (index: number) => Promise<T>, onDone: (done: number) => void): Promise<T[]> {
  const results: T[] = new Array(count);
  let nextIndex = 0;
  let done = 0;
  const worker = async () => {
    while (nextIndex < count) {
      const index = nextIndex++;
      results[index] = await task(index);
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** A one-line progress bar on a terminal; a line every 10% otherwise (CI logs). */
export function progressBar(label: string, total: number) {
  const started = Date.now();
  let lastDecile = -1;
  return (done: number) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    if (process.stdout.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      process.stdout.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${seconds}s`);
      if (done === total) process.stdout.write("\n");
    } else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastDecile || done === total) {
        lastDecile = decile;
        console.log(`${label}: ${done}/${total} (${seconds}s)`);
      }
    }
  };
}
