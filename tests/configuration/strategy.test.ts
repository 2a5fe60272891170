import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { PrioritySchema, StrategySchema } from "~/modules/configuration/strategy-schema";
import { changePriority, getStrategySettings, savePriority, saveStrategy } from "~/modules/configuration/strategy.server";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "../editing/helpers";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let world: World;
let other: World;
let manager: Actor;

function form(schema: typeof PrioritySchema | typeof StrategySchema, values: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return parseWithZod(formData, { schema: schema as typeof PrioritySchema });
}

async function priorities(w: World) {
  return withTenant(w.partnershipId, (tx) =>
    tx.priority.findMany({ where: { partnershipId: w.partnershipId }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true, archivedAt: true } }),
  );
}
const auditCount = (w: World) => withTenant(w.partnershipId, (tx) => tx.auditEvent.count());

beforeAll(async () => {
  world = await partnershipWithActors();
  other = await partnershipWithActors();
  manager = await world.actor("PARTNERSHIP_MANAGER");
});

describe("the strategy", () => {
  it("is updated and audited; bad years and titles are field errors", async () => {
    const ok = form(StrategySchema, { title: "Safer Together 2024-2027", startYear: "2024", endYear: "2026" });
    expect(ok.status).toBe("success");
    if (ok.status !== "success") return;
    await saveStrategy(manager, ok.value as never);
    expect((await getStrategySettings(manager)).strategy?.title).toBe("Safer Together 2024-2027");

    const bad = form(StrategySchema, { title: "x".repeat(201), startYear: "2026", endYear: "2024" });
    expect(bad.status).toBe("error");
    expect(bad.reply().error).toMatchObject({ title: [expect.stringContaining("200 characters")], endYear: [expect.stringContaining("after the first")] });
    expect(form(StrategySchema, { title: " ", startYear: "lots", endYear: "2024" }).reply().error).toMatchObject({
      title: ["Enter the strategy's title"],
      startYear: [expect.stringContaining("4 digits")],
    });
  });

  it("is for managers only", async () => {
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const actor = await world.actor(role, role === "AGENCY_EDITOR" ? world.agencies.police : null);
      expect(await thrownStatus(() => getStrategySettings(actor))).toBe(403);
      expect(await thrownStatus(() => saveStrategy(actor, { title: "Hijacked", startYear: 2024, endYear: 2026 }))).toBe(403);
    }
  });
});

describe("priorities", () => {
  it("need a lead, and refuse another partnership's agency, person or board with nothing written", async () => {
    const noLead = form(PrioritySchema, { number: "3", title: "Tackle hate crime" });
    expect(noLead.reply().error).toMatchObject({ leads: ["Add at least one lead: an agency, a person, or both"] });
    expect(form(PrioritySchema, { number: "3", title: "", "leads[0].agencyId": world.agencies.police }).reply().error).toMatchObject({
      title: ["Enter the priority's title"],
    });

    const before = await priorities(world);
    const audits = await auditCount(world);
    const forged = form(PrioritySchema, { number: "3", title: "Tackle hate crime", "leads[0].agencyId": other.agencies.police, responsibleBoardId: other.indicator });
    expect(forged.status).toBe("success");
    if (forged.status !== "success") return;
    const result = await savePriority(manager, null, forged.value);
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: { "leads[0].agencyId": ["Choose one of this partnership's agencies"], responsibleBoardId: ["Choose one of this partnership's boards"] },
    });
    expect(await priorities(world)).toEqual(before);
    expect(await auditCount(world)).toBe(audits);
  });

  it("are added with leads, refuse a number in use, and renumber keeping the same rows", async () => {
    const taken = form(PrioritySchema, { number: "1", title: "Tackle hate crime", "leads[1].agencyId": world.agencies.council });
    if (taken.status !== "success") throw new Error("expected a valid form");
    expect(await savePriority(manager, null, taken.value)).toMatchObject({ status: "invalid", fieldErrors: { number: [expect.stringContaining("Priority 1 is already")] } });

    const added = form(PrioritySchema, { number: "3", title: "Tackle hate crime", "leads[1].agencyId": world.agencies.council });
    if (added.status !== "success") throw new Error("expected a valid form");
    const result = await savePriority(manager, null, added.value);
    expect(result).toMatchObject({ status: "saved" });
    const id = (result as { id: string }).id;
    const leads = await withTenant(world.partnershipId, (tx) => tx.priorityLead.findMany({ where: { priorityId: id }, select: { agencyId: true, personId: true } }));
    expect(leads).toEqual([{ agencyId: world.agencies.council, personId: null }]);

    // Move 3 up twice: it becomes 1; the old 1 and 2 become 2 and 3, same ids.
    await changePriority(manager, { intent: "move-up", priorityId: id });
    await changePriority(manager, { intent: "move-up", priorityId: id });
    expect((await priorities(world)).map((p) => [p.id, p.number])).toEqual([
      [id, 1],
      [world.priorities.burglary, 2],
      [world.priorities.reoffending, 3],
    ]);
    expect(await changePriority(manager, { intent: "move-up", priorityId: id })).toMatchObject({ status: "refused" });
    const history = await withTenant(world.partnershipId, (tx) =>
      tx.auditEvent.findMany({ where: { entityId: world.priorities.burglary, action: "renumbered the priority" }, select: { before: true, after: true } }),
    );
    expect(history).toContainEqual({ before: { number: 1 }, after: { number: 2 } });
    // The burglary priority kept its actions.
    const actions = await withTenant(world.partnershipId, (tx) => tx.action.count({ where: { priorityId: world.priorities.burglary } }));
    expect(actions).toBe(3);
  });

  it("are deleted only when nothing refers to them; otherwise archived", async () => {
    expect(await changePriority(manager, { intent: "delete", priorityId: world.priorities.burglary })).toMatchObject({
      status: "refused",
      message: expect.stringContaining("archive it instead"),
    });
    expect(await changePriority(manager, { intent: "archive", priorityId: world.priorities.burglary })).toMatchObject({ status: "done" });
    expect((await priorities(world)).find((p) => p.id === world.priorities.burglary)?.archivedAt).not.toBeNull();
    await changePriority(manager, { intent: "restore", priorityId: world.priorities.burglary });

    const added = form(PrioritySchema, { number: "9", title: "Temporary", "leads[0].personId": (await withTenant(world.partnershipId, (tx) => tx.person.findFirstOrThrow({ select: { id: true } }))).id });
    if (added.status !== "success") throw new Error("expected a valid form");
    const { id } = (await savePriority(manager, null, added.value)) as { id: string };
    expect(await changePriority(manager, { intent: "delete", priorityId: id })).toMatchObject({ status: "done" });
    expect((await priorities(world)).some((p) => p.id === id)).toBe(false);
  });

  it("another partnership's priority is not found (null), and theirs is unchanged", async () => {
    const before = await priorities(other);
    expect(await changePriority(manager, { intent: "archive", priorityId: other.priorities.burglary })).toBeNull();
    expect(await changePriority(manager, { intent: "move-down", priorityId: other.priorities.burglary })).toBeNull();
    expect(await priorities(other)).toEqual(before);
  });
});
