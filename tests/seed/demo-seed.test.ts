// The demo data holds the board papers' facts, and seeding twice changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { findPartnershipBySlug } from "~/modules/registry/registry.server";
import { db, withTenant } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed";

async function countsOf(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    agencies: await tx.agency.count(),
    people: await tx.person.count(),
    boards: await tx.board.count(),
    priorities: await tx.priority.count(),
    indicators: await tx.indicator.count(),
    actions: await tx.action.count(),
    meetings: await tx.meeting.count(),
    memberships: await tx.membership.count(),
  }));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  await seedDemo(() => {});
  for (const slug of ["haringey", "barnet", "halton"]) ids[slug] = (await findPartnershipBySlug(slug))!.id;
});

describe("the demo seed", () => {
  it("is idempotent: a second run adds nothing", async () => {
    const before = await Promise.all(Object.values(ids).map(countsOf));
    const users = await db().user.count();
    await seedDemo(() => {});
    expect(await Promise.all(Object.values(ids).map(countsOf))).toEqual(before);
    expect(await db().user.count()).toBe(users);
  });

  it("holds Barnet's 8 numbered priorities with their leads as the January 2013 paper gives them", async () => {
    const priorities = await withTenant(ids.barnet!, (tx) =>
      tx.priority.findMany({
        where: { partnershipId: ids.barnet },
        orderBy: { number: "asc" },
        select: {
          number: true,
          title: true,
          whatWeWillDo: true,
          responsibleBoard: { select: { name: true } },
          leads: { orderBy: { position: "asc" }, select: { agency: { select: { shortName: true, name: true } }, person: { select: { name: true } } } },
        },
      }),
    );
    expect(priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(priorities[0]!.title).toBe("Property crime with special focus on burglary");
    expect(priorities[0]!.leads.map((l) => l.person?.name)).toEqual(["Cdr Adrian Usher"]);
    // Priority 7: "MPS/Criminal Justice Agencies" is two agency leads, one of them a group.
    expect(priorities[6]!.leads.map((l) => l.agency?.name)).toEqual(["Metropolitan Police Service", "Criminal Justice Agencies"]);
    expect(priorities.every((p) => p.whatWeWillDo && p.responsibleBoard?.name === "Safer Communities Partnership Board")).toBe(true);
  });

  it("holds Barnet's 2010/11 baselines with the counts and the denominators their rates imply", async () => {
    const indicators = await withTenant(ids.barnet!, (tx) =>
      tx.indicator.findMany({
        where: { partnershipId: ids.barnet, name: { in: ["Residential burglary", "Total violence against the person crime rate"] } },
        select: {
          name: true,
          unit: true,
          direction: true,
          leadAgency: { select: { shortName: true } },
          denominator: { select: { kind: true, values: { select: { financialYear: true, value: true } } } },
          baselines: { select: { value: true, count: true, period: { select: { label: true } } } },
        },
        orderBy: { name: "asc" },
      }),
    );
    const [burglary, violence] = indicators;
    expect(burglary).toMatchObject({
      unit: "RATE_PER_1000",
      direction: "LOWER_IS_BETTER",
      denominator: { kind: "HOUSEHOLDS" },
      // Priority 1's section names the Metropolitan Police as lead agency.
      leadAgency: { shortName: "MPS" },
    });
    expect(burglary!.baselines.map((b) => [b.count?.toString(), b.value?.toString(), b.period?.label])).toEqual([["3362", "24.841", "2010/11"]]);
    expect(violence!.baselines.map((b) => [b.count?.toString(), b.value?.toString()])).toEqual([["4438", "12.935"]]);
    // The denominators reproduce the stated rates to the three places printed.
    for (const indicator of [burglary!, violence!]) {
      const denominator = indicator.denominator!.values.find((v) => v.financialYear === 2010)!.value;
      const baseline = indicator.baselines[0]!;
      expect(baseline.count!.div(denominator).mul(1000).toDecimalPlaces(3).toString()).toBe(baseline.value!.toString());
    }
  });

  it("holds Haringey's slipping actions and the confidence target the PMG raised from 55% to 60%", async () => {
    const { actions, target } = await withTenant(ids.haringey!, async (tx) => ({
      actions: await tx.action.findMany({ where: { partnershipId: ids.haringey }, select: { rag: true, originalDueOn: true, revisedDueOn: true } }),
      target: await tx.target.findFirst({
        where: { partnershipId: ids.haringey, indicator: { name: { contains: "onfidence" } } },
        select: { value: true, changes: { select: { previousValue: true, newValue: true, agreedBy: true } } },
      }),
    }));
    expect(actions.filter((a) => a.rag === "RED")).toHaveLength(2);
    expect(actions.filter((a) => a.rag === "AMBER")).toHaveLength(5);
    expect(actions.some((a) => a.revisedDueOn && a.originalDueOn && a.revisedDueOn > a.originalDueOn)).toBe(true);
    expect(target?.value?.toString()).toBe("60");
    expect(target?.changes.map((c) => [c.previousValue?.toString(), c.newValue?.toString()])).toEqual([["55", "60"]]);
    expect(target?.changes[0]?.agreedBy).toMatch(/Performance Management Group/);
  });

  it("holds Haringey's SCEB with the six national indicators under its responsibility", async () => {
    const codes = await withTenant(ids.haringey!, (tx) =>
      tx.indicator.findMany({
        where: { partnershipId: ids.haringey, responsibleBoard: { shortName: "SCEB" } },
        select: { code: true },
      }),
    );
    expect(codes.map((c) => c.code).sort()).toEqual(["NI 111", "NI 15", "NI 16", "NI 21", "NI 35", "NI 40"]);
  });

  it("holds Halton's Policy and Performance Board meeting of 18 September 2007 with its items", async () => {
    const meeting = await withTenant(ids.halton!, (tx) =>
      tx.meeting.findFirst({
        where: { partnershipId: ids.halton },
        select: { heldOn: true, board: { select: { name: true } }, agendaItems: { select: { title: true } } },
      }),
    );
    expect(meeting?.heldOn.toISOString().slice(0, 10)).toBe("2007-09-18");
    expect(meeting?.board.name).toMatch(/Policy and Performance Board/);
    expect(meeting?.agendaItems.length).toBeGreaterThan(1);
  });

  it("gives one demo user memberships of two partnerships", async () => {
    const user = await db().user.findUniqueOrThrow({ where: { email: "analyst@london.example" }, select: { id: true } });
    const { listMembershipsOfUser } = await import("~/modules/registry/registry.server");
    expect((await listMembershipsOfUser(user.id)).map((m) => m.partnership.slug).sort()).toEqual(["barnet", "haringey"]);
  });
});
