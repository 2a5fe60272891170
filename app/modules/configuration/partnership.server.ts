// The partnership's own details: name, councils, police force area, financial year
// and the residents and households rates are calculated per, year by year.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { changedFields, recordAudit } from "~/modules/audit/audit.server";
import { financialYearOf } from "~/modules/periods/periods";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import type { PartnershipDetailsInput } from "./partnership-schema";

const POPULATIONS = [
  { kind: "RESIDENTS" as const, name: "Residents", field: "residents" as const },
  { kind: "HOUSEHOLDS" as const, name: "Households", field: "households" as const },
];

async function loadPopulations(tx: TenantTx, partnershipId: string) {
  return tx.denominator.findMany({
    where: { partnershipId, kind: { in: ["RESIDENTS", "HOUSEHOLDS"] } },
    orderBy: { name: "asc" },
    select: { id: true, kind: true, name: true, values: { orderBy: { financialYear: "desc" }, select: { financialYear: true, value: true } } },
  });
}

export async function getPartnershipDetails(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const partnership = await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: { name: true, slug: true, policeForceArea: true, financialYearStartMonth: true, timeZone: true },
    });
    const councils = await tx.council.findMany({ where: { partnershipId }, orderBy: { name: "asc" }, select: { name: true } });
    const populations = await loadPopulations(tx, partnershipId);
    const currentYear = financialYearOf(todayIn(partnership.timeZone), partnership.financialYearStartMonth);
    const valueFor = (kind: "RESIDENTS" | "HOUSEHOLDS") =>
      populations.find((p) => p.kind === kind)?.values.find((v) => v.financialYear === currentYear)?.value.toString() ?? "";
    return {
      partnership,
      councils: councils.map((c) => c.name),
      currentYear,
      residents: valueFor("RESIDENTS"),
      households: valueFor("HOUSEHOLDS"),
      populations: populations.map((p) => ({ name: p.name, values: p.values.map((v) => ({ financialYear: v.financialYear, value: v.value.toString() })) })),
    };
  });
}

export async function savePartnershipDetails(actor: Actor, input: PartnershipDetailsInput) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({
      where: { id: partnershipId },
      select: { name: true, policeForceArea: true, financialYearStartMonth: true },
    });
    const details = { name: input.name, policeForceArea: input.policeForceArea ?? null, financialYearStartMonth: input.financialYearStartMonth };
    await tx.partnership.update({ where: { id: partnershipId }, data: details });

    const existing = (await tx.council.findMany({ where: { partnershipId }, select: { id: true, name: true } })).map((c) => c);
    const wanted = new Set(input.councils);
    await tx.council.deleteMany({ where: { partnershipId, id: { in: existing.filter((c) => !wanted.has(c.name)).map((c) => c.id) } } });
    const have = new Set(existing.map((c) => c.name));
    await tx.council.createMany({ data: input.councils.filter((name) => !have.has(name)).map((name) => ({ partnershipId, name })) });

    const populations = await loadPopulations(tx, partnershipId);
    for (const population of POPULATIONS) {
      const denominator =
        populations.find((p) => p.kind === population.kind) ??
        (await tx.denominator.create({ data: { partnershipId, kind: population.kind, name: population.name }, select: { id: true } }));
      await tx.denominatorValue.upsert({
        where: { denominatorId_financialYear: { denominatorId: denominator.id, financialYear: input.populationYear } },
        create: { partnershipId, denominatorId: denominator.id, financialYear: input.populationYear, value: input[population.field] },
        update: { value: input[population.field] },
      });
    }

    const diff = changedFields<Record<string, unknown>>(before, details);
    await recordAudit(tx, actor, {
      action: "updated the partnership's details",
      entityType: "Partnership",
      entityId: partnershipId,
      before: { ...diff.before, councils: [...have].sort() },
      after: {
        ...diff.after,
        councils: [...input.councils].sort(),
        [`residents ${input.populationYear}`]: input.residents,
        [`households ${input.populationYear}`]: input.households,
      },
    });
  });
}
