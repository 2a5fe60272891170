import { parseWithZod } from "@conform-to/zod/v4";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { historyOf } from "~/modules/audit/audit.server";
import { PriorityNumbersSchema, PrioritySchema, StrategySchema } from "~/modules/configuration/strategy-schema";
import { changePriority, getStrategySettings, renumberPriorities, savePriority, saveStrategy } from "~/modules/configuration/strategy.server";
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

describe("setting all the priorities' numbers at once", () => {
  // A partnership of its own: the tests above renumber the shared one.
  let numbered: World;
  let numberer: Actor;
  let hateCrime: string;

  /** The form as the strategy page posts it: each priority's id and the number typed. */
  function numbersForm(rows: Array<[id: string, number: string]>) {
    const formData = new FormData();
    formData.set("intent", "renumber");
    rows.forEach(([id, number], index) => {
      formData.set(`priorities[${index}].id`, id);
      formData.set(`priorities[${index}].number`, number);
    });
    const submission = parseWithZod(formData, { schema: PriorityNumbersSchema });
    if (submission.status !== "success") throw new Error("expected the form to parse");
    return submission.value;
  }
  const numbersOf = async (w: World) => (await priorities(w)).map((p) => [p.id, p.number]);
  const renumberings = (w: World, id: string) =>
    withTenant(w.partnershipId, (tx) => tx.auditEvent.findMany({ where: { entityId: id, action: "renumbered the priority" }, select: { before: true, after: true } }));

  beforeAll(async () => {
    numbered = await partnershipWithActors();
    numberer = await numbered.actor("PARTNERSHIP_MANAGER");
    // Number 5 with nothing at 3 or 4: the form closes the gap.
    const added = form(PrioritySchema, { number: "5", title: "Tackle hate crime", "leads[0].agencyId": numbered.agencies.council });
    if (added.status !== "success") throw new Error("expected a valid form");
    hateCrime = ((await savePriority(numberer, null, added.value)) as { id: string }).id;
    // Some history of the burglary priority's own, to see it kept.
    await changePriority(numberer, { intent: "archive", priorityId: numbered.priorities.burglary });
    await changePriority(numberer, { intent: "restore", priorityId: numbered.priorities.burglary });
  });

  it("refuses a number given twice, naming the other priority, with nothing written", async () => {
    const before = await numbersOf(numbered);
    const audits = await auditCount(numbered);
    const result = await renumberPriorities(
      numberer,
      numbersForm([
        [numbered.priorities.burglary, "2"],
        [numbered.priorities.reoffending, "2"],
        [hateCrime, "1"],
      ]),
    );
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        "priorities[0].number": ['Number 2 is also given to "Reduce re-offending": give each priority a different number'],
        "priorities[1].number": ['Number 2 is also given to "Reduce burglary": give each priority a different number'],
      },
    });
    expect(await numbersOf(numbered)).toEqual(before);
    expect(await auditCount(numbered)).toBe(audits);
  });

  it("refuses a number out of 1 to the count, or not a whole number, or missing, with nothing written", async () => {
    const before = await numbersOf(numbered);
    const audits = await auditCount(numbered);
    for (const typed of ["4", "0", "2.5", "two", "-1"]) {
      const result = await renumberPriorities(
        numberer,
        numbersForm([
          [numbered.priorities.burglary, "1"],
          [numbered.priorities.reoffending, "2"],
          [hateCrime, typed],
        ]),
      );
      expect(result, typed).toEqual({
        status: "invalid",
        fieldErrors: { "priorities[2].number": ['Enter the number for "Tackle hate crime" as a whole number from 1 to 3'] },
      });
    }
    expect(
      await renumberPriorities(
        numberer,
        numbersForm([
          [numbered.priorities.burglary, ""],
          [numbered.priorities.reoffending, "2"],
          [hateCrime, "3"],
        ]),
      ),
    ).toEqual({ status: "invalid", fieldErrors: { "priorities[0].number": ['Enter the number for "Reduce burglary"'] } });
    expect(await numbersOf(numbered)).toEqual(before);
    expect(await auditCount(numbered)).toBe(audits);
  });

  it("refuses another partnership's priority id, a missing or repeated priority, with nothing written in either", async () => {
    const before = await numbersOf(numbered);
    const theirs = await numbersOf(other);
    const audits = await auditCount(numbered);
    const stale = { status: "invalid", fieldErrors: {}, formErrors: [expect.stringContaining("reload the page")] };
    const forgeries: Array<Array<[string, string]>> = [
      // Theirs in place of one of ours.
      [
        [numbered.priorities.burglary, "1"],
        [other.priorities.burglary, "2"],
        [hateCrime, "3"],
      ],
      // Theirs as well as all of ours.
      [
        [numbered.priorities.burglary, "1"],
        [numbered.priorities.reoffending, "2"],
        [hateCrime, "3"],
        [other.priorities.reoffending, "4"],
      ],
      // One of ours left out, one twice, and not an id at all.
      [
        [numbered.priorities.burglary, "1"],
        [hateCrime, "2"],
      ],
      [
        [numbered.priorities.burglary, "1"],
        [numbered.priorities.burglary, "2"],
        [hateCrime, "3"],
      ],
      [
        [numbered.priorities.burglary, "1"],
        ["not-an-id", "2"],
        [hateCrime, "3"],
      ],
    ];
    for (const rows of forgeries) expect(await renumberPriorities(numberer, numbersForm(rows))).toEqual(stale);
    expect(await numbersOf(numbered)).toEqual(before);
    expect(await numbersOf(other)).toEqual(theirs);
    expect(await auditCount(numbered)).toBe(audits);
  });

  it("is for managers only", async () => {
    const editor = await numbered.actor("AGENCY_EDITOR", numbered.agencies.police);
    const rows = numbersForm([
      [numbered.priorities.burglary, "3"],
      [numbered.priorities.reoffending, "2"],
      [hateCrime, "1"],
    ]);
    expect(await thrownStatus(() => renumberPriorities(editor, rows))).toBe(403);
  });

  it("renumbers the same rows, keeping their actions, indicators and history, and audits each one changed", async () => {
    const burglaryHistoryBefore = await withTenant(numbered.partnershipId, (tx) => historyOf(tx, numbered.partnershipId, "Priority", numbered.priorities.burglary));
    const result = await renumberPriorities(
      numberer,
      numbersForm([
        [numbered.priorities.burglary, "3"],
        [numbered.priorities.reoffending, " 2 "],
        [hateCrime, "1"],
      ]),
    );
    expect(result).toEqual({ status: "saved", changed: 2 });
    expect(await numbersOf(numbered)).toEqual([
      [hateCrime, 1],
      [numbered.priorities.reoffending, 2],
      [numbered.priorities.burglary, 3],
    ]);

    expect(await renumberings(numbered, numbered.priorities.burglary)).toEqual([{ before: { number: 1 }, after: { number: 3 } }]);
    expect(await renumberings(numbered, hateCrime)).toEqual([{ before: { number: 5 }, after: { number: 1 } }]);
    expect(await renumberings(numbered, numbered.priorities.reoffending)).toEqual([]);

    // The burglary priority is the same row: its actions, its indicator and its earlier history are still its own.
    const { actions, indicators, history } = await withTenant(numbered.partnershipId, async (tx) => ({
      actions: await tx.action.count({ where: { priorityId: numbered.priorities.burglary } }),
      indicators: await tx.indicatorPriority.count({ where: { priorityId: numbered.priorities.burglary } }),
      history: await historyOf(tx, numbered.partnershipId, "Priority", numbered.priorities.burglary),
    }));
    expect(actions).toBe(3);
    expect(indicators).toBe(1);
    expect(burglaryHistoryBefore.map((event) => event.action)).toEqual(["restored the priority", "archived the priority"]);
    expect(history).toHaveLength(burglaryHistoryBefore.length + 1);
    expect(history.map((event) => event.id)).toEqual(expect.arrayContaining(burglaryHistoryBefore.map((event) => event.id)));

    // Saving the same numbers again changes and records nothing.
    const audits = await auditCount(numbered);
    expect(
      await renumberPriorities(
        numberer,
        numbersForm([
          [hateCrime, "1"],
          [numbered.priorities.reoffending, "2"],
          [numbered.priorities.burglary, "3"],
        ]),
      ),
    ).toEqual({ status: "saved", changed: 0 });
    expect(await auditCount(numbered)).toBe(audits);
  });

  it("counts archived priorities, which keep a number", async () => {
    await changePriority(numberer, { intent: "archive", priorityId: numbered.priorities.reoffending });
    const result = await renumberPriorities(
      numberer,
      numbersForm([
        [hateCrime, "2"],
        [numbered.priorities.reoffending, "3"],
        [numbered.priorities.burglary, "1"],
      ]),
    );
    expect(result).toEqual({ status: "saved", changed: 3 });
    expect(await numbersOf(numbered)).toEqual([
      [numbered.priorities.burglary, 1],
      [hateCrime, 2],
      [numbered.priorities.reoffending, 3],
    ]);
  });
});
