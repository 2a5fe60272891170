// Export: the partnership's current configuration as a profile document. Keys are
// made from short names or names ("mps", "safer-communities-partnership-board"), so
// exporting the same configuration twice, or from a copy of it, gives the same file.
// Only reads: it works for a partnership that can no longer change anything.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import type { PoliceUkCrimeType } from "~/modules/police-uk/crime-types";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { writeProfileDocument } from "./profile-document.server";
import type { PeriodRef, PriorityRef, ProfileDocument } from "./profile-schema";

/** The profile settings page: for managers only. */
export function profileSettingsFor(actor: Actor) {
  assertCan(actor, "settings:manage");
  return { maxMegabytes: 2 };
}

export async function exportProfile(actor: Actor): Promise<{ filename: string; body: string }> {
  assertCan(actor, "settings:manage");
  return withTenant(actor.partnershipId, async (tx) => {
    // Only reads: it works for a partnership that has become read-only.
    await tx.$executeRawUnsafe("SET TRANSACTION READ ONLY");
    const document = await currentProfileDocument(tx, actor.partnershipId);
    const header = `# ${document.name}: its configuration as a Safer Partnerships profile document.\n# Exported ${new Date().toISOString().slice(0, 10)}. Import it from Settings, Profile.`;
    return { filename: `${document.slug}-profile.yaml`, body: writeProfileDocument(document, header) };
  });
}

/** Makes a key from a name: "Metropolitan Police Service" -> "metropolitan-police-service". */
export function keyFrom(name: string) {
  const key = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return key || "item";
}

function keyMaker() {
  const used = new Set<string>();
  return (name: string) => {
    const base = keyFrom(name);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    return key;
  };
}

const dec = (value: Prisma.Decimal | null | undefined) => (value == null ? undefined : value.toString());
const day = (value: Date | null | undefined) => (value ? value.toISOString().slice(0, 10) : undefined);
const opt = <T>(value: T | null | undefined) => (value == null ? undefined : value);
const byName = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id);

/** Drops undefined fields, so the YAML has only what is set. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function periodRefOf(period: { type: string; startsOn: Date; endsOn: Date; financialYear: number }, startMonth: number): PeriodRef {
  switch (period.type) {
    case "YEAR":
      return { type: "YEAR", financialYear: period.financialYear };
    case "QUARTER": {
      const quarter = (Math.floor(((period.startsOn.getUTCMonth() + 1 - startMonth + 12) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
      return { type: "QUARTER", financialYear: period.financialYear, quarter };
    }
    case "MONTH":
      return { type: "MONTH", year: period.startsOn.getUTCFullYear(), month: period.startsOn.getUTCMonth() + 1 };
    default:
      return { type: "WEEK", endsOn: day(period.endsOn)! };
  }
}

const ROLE_ORDER = { CHAIR: 0, CO_CHAIR: 1, VICE_CHAIR: 2, MEMBER: 3 } as const;

/** The configuration as a document, in a stable order. */
export async function currentProfileDocument(tx: TenantTx, partnershipId: string): Promise<ProfileDocument> {
  const where = { partnershipId };
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { slug: true, name: true, financialYearStartMonth: true, policeForceArea: true, policeUkLsoaNamePrefixes: true, policeUkLsoaCodes: true },
  });
  const startMonth = partnership.financialYearStartMonth;
  const [councils, denominators, agencies, people, boards, strategies, indicators, policeUkMappings] = [
    await tx.council.findMany({ where, orderBy: { name: "asc" }, select: { name: true } }),
    await tx.denominator.findMany({ where, select: { id: true, name: true, kind: true, values: { orderBy: { financialYear: "asc" } } } }),
    await tx.agency.findMany({ where }),
    await tx.person.findMany({ where }),
    await tx.board.findMany({ where, include: { members: { include: { person: { select: { name: true } } } } } }),
    await tx.strategy.findMany({
      where,
      orderBy: [{ startYear: "asc" }, { title: "asc" }],
      include: { priorities: { orderBy: { number: "asc" }, include: { leads: { orderBy: { position: "asc" } } } } },
    }),
    await tx.indicator.findMany({
      where,
      include: {
        priorities: { select: { priorityId: true } },
        baselines: { include: { period: true } },
        targets: { include: { period: true, changes: { orderBy: [{ agreedOn: "asc" }, { changedAt: "asc" }] } } },
      },
    }),
    await tx.policeUkMapping.findMany({ where, orderBy: { crimeType: "asc" }, select: { crimeType: true, indicatorId: true } }),
  ];

  const keys = new Map<string, string>();
  const assign = (rows: Array<{ id: string; name: string; shortName?: string | null }>) => {
    const make = keyMaker();
    for (const row of [...rows].sort(byName)) keys.set(row.id, make(row.shortName || row.name));
  };
  assign(denominators);
  assign(agencies);
  assign(people);
  assign(boards);
  assign(strategies.map((s) => ({ id: s.id, name: s.title })));
  assign(indicators.map((i) => ({ id: i.id, name: i.code ? `${i.code} ${i.name}` : i.name })));
  const key = (id: string | null | undefined) => (id ? keys.get(id) : undefined);
  const priorityRefs = new Map<string, PriorityRef>();
  for (const s of strategies) for (const p of s.priorities) priorityRefs.set(p.id, `${key(s.id)!}#${p.number}`);

  return clean({
    slug: partnership.slug,
    name: partnership.name,
    councils: councils.map((c) => c.name),
    financialYearStartMonth: startMonth,
    policeForceArea: opt(partnership.policeForceArea),
    denominators: [...denominators].sort(byName).map((d) =>
      clean({
        key: key(d.id)!,
        kind: d.kind,
        name: d.name,
        values: d.values.map((v) => clean({ financialYear: v.financialYear, value: dec(v.value)!, source: opt(v.source) })),
      }),
    ),
    agencies: [...agencies].sort(byName).map((a) =>
      clean({ key: key(a.id)!, name: a.name, shortName: opt(a.shortName), kind: a.kind, isGroup: a.isGroup || undefined, parent: key(a.parentAgencyId) }),
    ),
    people: [...people].sort(byName).map((p) => clean({ key: key(p.id)!, name: p.name, jobTitle: opt(p.jobTitle), agency: key(p.agencyId), email: opt(p.email) })),
    boards: [...boards].sort(byName).map((b) =>
      clean({
        key: key(b.id)!,
        name: b.name,
        shortName: opt(b.shortName),
        kind: b.kind,
        parent: key(b.parentBoardId),
        description: opt(b.description),
        reportsToParent: opt(b.reportsToParent),
        members: [...b.members]
          .sort((x, y) => ROLE_ORDER[x.role] - ROLE_ORDER[y.role] || x.person.name.localeCompare(y.person.name, "en"))
          .map((m) => clean({ person: key(m.personId)!, role: m.role, agency: key(m.agencyId) })),
      }),
    ),
    strategies: strategies.map((s) =>
      clean({
        key: key(s.id)!,
        title: s.title,
        startYear: s.startYear,
        endYear: s.endYear,
        summary: opt(s.summary),
        approvedOn: day(s.approvedOn),
        approvedBy: opt(s.approvedBy),
        priorities: s.priorities.map((p) =>
          clean({
            number: p.number,
            title: p.title,
            whyPriority: opt(p.whyPriority),
            whatWeWillDo: opt(p.whatWeWillDo),
            responsibleBoard: key(p.responsibleBoardId),
            leads: p.leads.map((l) => clean({ agency: key(l.agencyId), person: key(l.personId) })),
          }),
        ),
      }),
    ),
    indicators: [...indicators]
      .sort((a, b) => (keys.get(a.id) ?? "").localeCompare(keys.get(b.id) ?? ""))
      .map((i) =>
        clean({
          key: key(i.id)!,
          code: opt(i.code),
          name: i.name,
          description: opt(i.description),
          unit: i.unit,
          direction: i.direction,
          denominator: key(i.denominatorId),
          source: opt(i.source),
          frequency: i.frequency,
          responsibleBoard: key(i.responsibleBoardId),
          ownerBoard: key(i.ownerBoardId),
          leadAgency: key(i.leadAgencyId),
          priorities: i.priorities.length ? i.priorities.map((p) => priorityRefs.get(p.priorityId)!).sort() : undefined,
          baselines: i.baselines.length
            ? [...i.baselines]
                .sort((a, b) => (a.period?.startsOn.getTime() ?? 0) - (b.period?.startsOn.getTime() ?? 0))
                .map((b) => clean({ period: b.period ? periodRefOf(b.period, startMonth) : undefined, value: dec(b.value), count: dec(b.count), note: opt(b.note) }))
            : undefined,
          targets: i.targets.length
            ? [...i.targets]
                .sort((a, b) => a.period.startsOn.getTime() - b.period.startsOn.getTime() || a.period.type.localeCompare(b.period.type))
                .map((t) =>
                  clean({
                    period: periodRefOf(t.period, startMonth),
                    value: dec(t.value),
                    requiredDirection: opt(t.requiredDirection),
                    note: opt(t.note),
                    changes: t.changes.length
                      ? t.changes.map((c) =>
                          clean({ previousValue: dec(c.previousValue), newValue: dec(c.newValue), reason: opt(c.reason), agreedBy: opt(c.agreedBy), agreedOn: day(c.agreedOn) }),
                        )
                      : undefined,
                  }),
                )
            : undefined,
          figuresFrom: i.figuresFrom === "POLICE_UK" ? i.figuresFrom : undefined,
        }),
      ),
    // Only when something is set, so a partnership that does not use police.uk exports as before.
    policeUk:
      partnership.policeUkLsoaNamePrefixes.length || partnership.policeUkLsoaCodes.length || policeUkMappings.length
        ? {
            lsoaNamePrefixes: partnership.policeUkLsoaNamePrefixes,
            lsoaCodes: partnership.policeUkLsoaCodes,
            mappings: policeUkMappings.map((m) => ({ crimeType: m.crimeType as PoliceUkCrimeType, indicator: key(m.indicatorId)! })),
          }
        : undefined,
  });
}
