import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { BaselineSchema, IndicatorSchema, TargetSchema } from "~/modules/configuration/indicators-settings-schema";
import { saveIndicator, setIndicatorArchived } from "~/modules/configuration/indicators-settings.server";
import { saveBaseline, saveTarget } from "~/modules/configuration/targets.server";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "../editing/helpers";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let world: World;
let other: World;
let manager: Actor;
const calendar = { financialYearStartMonth: 4 };

function parse<S extends typeof IndicatorSchema | typeof TargetSchema | typeof BaselineSchema>(schema: S, values: Record<string, string | string[]>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) formData.append(key, v);
  return parseWithZod(formData, { schema: schema as S });
}
function valid<S extends typeof IndicatorSchema | typeof TargetSchema | typeof BaselineSchema>(schema: S, values: Record<string, string | string[]>) {
  const submission = parse(schema, values);
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.reply().error));
  return submission.value as never;
}
const snapshot = (w: World) =>
  withTenant(w.partnershipId, async (tx) => ({
    indicators: await tx.indicator.count(),
    targets: await tx.target.findMany({ select: { id: true, value: true, requiredDirection: true } }),
    changes: await tx.targetChange.count(),
    baselines: await tx.baseline.count(),
    audit: await tx.auditEvent.count(),
  }));

beforeAll(async () => {
  world = await partnershipWithActors();
  other = await partnershipWithActors();
  manager = await world.actor("PARTNERSHIP_MANAGER");
});

const ni16 = { code: "NI 16", name: "Serious acquisitive crime rate", unit: "RATE_PER_1000", direction: "LOWER_IS_BETTER", frequency: "YEARLY" };

describe("indicators", () => {
  it("need a denominator for a rate, an explicit direction and a name", () => {
    expect(parse(IndicatorSchema, { ...ni16 }).reply().error).toMatchObject({ denominatorId: [expect.stringContaining("Choose what the rate is per")] });
    expect(parse(IndicatorSchema, { ...ni16, direction: "", name: "", denominatorId: "x" }).reply().error).toMatchObject({
      direction: ["Choose whether higher or lower is better"],
      name: ["Enter the indicator's name"],
    });
    expect(parse(IndicatorSchema, { ...ni16, name: "n".repeat(201), denominatorId: "x" }).reply().error).toMatchObject({ name: [expect.stringContaining("200 characters")] });
  });

  it("are added with linked priorities; another partnership's agency, board or priority is a field error with nothing written", async () => {
    const denominator = await withTenant(world.partnershipId, (tx) => tx.denominator.findFirstOrThrow({ select: { id: true } }));
    const before = await snapshot(world);
    const forged = await saveIndicator(manager, null, valid(IndicatorSchema, { ...ni16, denominatorId: denominator.id, leadAgencyId: other.agencies.police, priorityIds: [other.priorities.burglary] }));
    expect(forged).toMatchObject({ status: "invalid", fieldErrors: { leadAgencyId: ["Choose one of this partnership's agencies"], priorityIds: [expect.any(String)] } });
    expect(await snapshot(world)).toEqual(before);

    const saved = await saveIndicator(manager, null, valid(IndicatorSchema, { ...ni16, denominatorId: denominator.id, leadAgencyId: world.agencies.police, priorityIds: [world.priorities.burglary] }));
    expect(saved).toMatchObject({ status: "saved" });
    const links = await withTenant(world.partnershipId, (tx) => tx.indicatorPriority.findMany({ where: { indicatorId: (saved as { id: string }).id }, select: { priorityId: true } }));
    expect(links).toEqual([{ priorityId: world.priorities.burglary }]);
    expect(await setIndicatorArchived(manager, (saved as { id: string }).id, true)).toEqual({ status: "done" });
  });

  it("are for managers only, and another partnership's indicator is not found", async () => {
    const editor = await world.actor("AGENCY_EDITOR", world.agencies.police);
    expect(await thrownStatus(() => saveTarget(editor, world.indicator, valid(TargetSchema, { intent: "target", period: "2025", value: "10" }), calendar))).toBe(403);
    const before = await snapshot(other);
    expect(await saveTarget(manager, other.indicator, valid(TargetSchema, { intent: "target", period: "2025", value: "10" }), calendar)).toBeNull();
    expect(await saveBaseline(manager, other.indicator, valid(BaselineSchema, { intent: "baseline", value: "10" }), calendar)).toBeNull();
    expect(await setIndicatorArchived(manager, other.indicator, true)).toBeNull();
    expect(await snapshot(other)).toEqual(before);
  });
});

describe("targets and baselines", () => {
  it("refuse a year outside the strategy and a unit typed into the number", async () => {
    const before = await snapshot(world);
    expect(await saveTarget(manager, world.indicator, valid(TargetSchema, { intent: "target", period: "2023", value: "10" }), calendar)).toEqual({
      status: "invalid",
      fieldErrors: { period: ["Choose a year within the strategy, 2024/25 to 2026/27"] },
    });
    expect(await saveTarget(manager, world.indicator, valid(TargetSchema, { intent: "target", period: "2026", value: "24.841 per 1000" }), calendar)).toEqual({
      status: "invalid",
      fieldErrors: { value: ["Enter a number, like 1234.5"] },
    });
    expect(parse(TargetSchema, { intent: "target", period: "2026" }).reply().error).toMatchObject({ value: ["Enter a target value, or choose only a direction"] });
    expect(await snapshot(world)).toEqual(before);
  });

  it("a baseline may precede the strategy, or have no year and only a note", async () => {
    expect(await saveBaseline(manager, world.indicator, valid(BaselineSchema, { intent: "baseline", period: "2020", value: "13.1", count: "1310" }), calendar)).toEqual({ status: "saved", changed: true });
    expect(await saveBaseline(manager, world.indicator, valid(BaselineSchema, { intent: "baseline", note: "To be established 2024/25" }), calendar)).toEqual({ status: "saved", changed: true });
    expect(await saveBaseline(manager, world.indicator, valid(BaselineSchema, { intent: "baseline", value: "24.841 per 1000" }), calendar)).toMatchObject({ status: "invalid" });
  });

  it("changing a value needs a reason and records who, why, and who agreed it", async () => {
    expect(await saveTarget(manager, world.indicator, valid(TargetSchema, { intent: "target", period: "2026", value: "55" }), calendar)).toEqual({ status: "saved", changed: true });
    const before = await snapshot(world);
    expect(await saveTarget(manager, world.indicator, valid(TargetSchema, { intent: "target", period: "2026", value: "60" }), calendar)).toEqual({
      status: "invalid",
      fieldErrors: { reason: ["Enter why the target is changing"] },
    });
    expect(await snapshot(world)).toEqual(before);
    const agreed = { intent: "target", period: "2026", value: "60", reason: "Raised after the survey", agreedBy: "Performance Management Group", "agreedOn.day": "27", "agreedOn.month": "3", "agreedOn.year": "2026" };
    expect(await saveTarget(manager, world.indicator, valid(TargetSchema, agreed), calendar)).toEqual({ status: "saved", changed: true });
    const changes = await withTenant(world.partnershipId, (tx) =>
      tx.targetChange.findMany({ where: { target: { indicatorId: world.indicator } }, select: { previousValue: true, newValue: true, reason: true, agreedBy: true, agreedOn: true, changedById: true } }),
    );
    expect(changes.map((c) => ({ ...c, previousValue: c.previousValue?.toString(), newValue: c.newValue?.toString() }))).toEqual([
      { previousValue: "55", newValue: "60", reason: "Raised after the survey", agreedBy: "Performance Management Group", agreedOn: new Date(Date.UTC(2026, 2, 27)), changedById: manager.userId },
    ]);
  });
});
