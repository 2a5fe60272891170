import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createAction, closeAction, editAction, getAction, updateActionProgress } from "~/modules/actions/actions.server";
import { ProgressUpdateSchema } from "~/modules/actions/action-schema";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "./helpers";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let world: World;
let policeEditor: Awaited<ReturnType<World["actor"]>>;
let probationEditor: Awaited<ReturnType<World["actor"]>>;
let councilEditor: Awaited<ReturnType<World["actor"]>>;
let manager: Awaited<ReturnType<World["actor"]>>;
let boardMember: Awaited<ReturnType<World["actor"]>>;

const progress = (version: number, fields: Partial<{ status: string; rag: string; note: string }> = {}) =>
  ({ version, status: "IN_PROGRESS", rag: "GREEN", noteDate: undefined, revisedDueOn: undefined, note: undefined, ...fields }) as Parameters<
    typeof updateActionProgress
  >[2];

async function actionRow(id: string) {
  return withTenant(world.partnershipId, (tx) =>
    tx.action.findUniqueOrThrow({ where: { id }, select: { rag: true, status: true, version: true, title: true, closedAt: true, originalDueOn: true, revisedDueOn: true } }),
  );
}

beforeAll(async () => {
  world = await partnershipWithActors();
  policeEditor = await world.actor("AGENCY_EDITOR", world.agencies.police, "Insp Usher");
  probationEditor = await world.actor("AGENCY_EDITOR", world.agencies.probation, "Probation Lead");
  councilEditor = await world.actor("AGENCY_EDITOR", world.agencies.council, "Council Lead");
  manager = await world.actor("PARTNERSHIP_MANAGER");
  boardMember = await world.actor("BOARD_MEMBER");
});

describe("updating an action's progress", () => {
  it("lets the owning agency rate it, with a dated note, and records who did it", async () => {
    const { id, version } = world.policeAction;
    const result = await updateActionProgress(policeEditor, id, progress(version, { rag: "AMBER", note: "Contractor delayed." }), "Europe/London");
    expect(result).toEqual({ status: "saved", actionId: id });
    expect(await actionRow(id)).toMatchObject({ rag: "AMBER", version: version + 1 });
    const { action, history } = (await getAction(manager, id))!;
    expect(action.notes[0]).toMatchObject({ body: "Contractor delayed.", rag: "AMBER" });
    expect(history[0]).toMatchObject({
      action: "updated progress",
      actorName: "Insp Usher",
      actorAgencyName: "Test Constabulary",
      before: { rag: "RED" },
      after: { rag: "AMBER", note: "Contractor delayed." },
    });
  });

  it("requires a note when rating red or amber", () => {
    const parsed = ProgressUpdateSchema.safeParse({ version: "1", status: "IN_PROGRESS", rag: "RED" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["note", "Enter a progress note: the board needs to know why the action is red"],
    ]);
    expect(ProgressUpdateSchema.safeParse({ version: "1", status: "IN_PROGRESS", rag: "GREEN" }).success).toBe(true);
  });

  it("refuses a 10,000-character note", () => {
    const parsed = ProgressUpdateSchema.safeParse({ version: "1", status: "IN_PROGRESS", rag: "AMBER", note: "x".repeat(10_000) });
    expect(parsed.error?.issues[0]?.message).toBe("Progress note must be 5,000 characters or fewer");
  });

  it("keeps the original due date when a revised one is set", async () => {
    const { id } = world.policeAction;
    const before = await actionRow(id);
    const revised = new Date("2026-06-30T00:00:00Z");
    await updateActionProgress(policeEditor, id, { ...progress(before.version), revisedDueOn: revised }, "Europe/London");
    const after = await actionRow(id);
    expect(after.originalDueOn?.toISOString().slice(0, 10)).toBe("2025-10-31");
    expect(after.revisedDueOn?.toISOString().slice(0, 10)).toBe("2026-06-30");
  });

  it("refuses a second save made from a stale copy, saying who changed it and when", async () => {
    const { id } = world.policeAction;
    const opened = (await actionRow(id)).version;
    await updateActionProgress(manager, id, progress(opened, { rag: "GREEN" }), "Europe/London");
    const stale = await updateActionProgress(policeEditor, id, progress(opened, { rag: "RED", note: "Worse." }), "Europe/London");
    expect(stale).toMatchObject({ status: "conflict", changedBy: "PARTNERSHIP_MANAGER user", current: { rag: "GREEN", version: opened + 1 } });
    expect((await actionRow(id)).rag).toBe("GREEN");
    // Nothing of the refused save was written: no note, no audit row.
    const { action, history } = (await getAction(manager, id))!;
    expect(action.notes.map((n) => n.body)).not.toContain("Worse.");
    expect(history.filter((e) => e.actorName === "Insp Usher" && (e.after as Record<string, unknown>).note === "Worse.")).toEqual([]);
  });

  it("refuses (403) an agency that neither owns the action nor leads its priority, and writes nothing", async () => {
    const { id } = world.policeAction;
    const before = await actionRow(id);
    expect(await thrownStatus(() => updateActionProgress(probationEditor, id, progress(before.version), "Europe/London"))).toBe(403);
    expect(await thrownStatus(() => updateActionProgress(boardMember, id, progress(before.version), "Europe/London"))).toBe(403);
    expect(await actionRow(id)).toEqual(before);
  });

  it("lets the agency leading the priority update an action another agency owns", async () => {
    const { id } = world.councilAction;
    const { version } = await actionRow(id);
    // Council owns it; police leads its priority: both may.
    expect((await updateActionProgress(policeEditor, id, progress(version), "Europe/London"))?.status).toBe("saved");
    expect((await updateActionProgress(councilEditor, id, progress(version + 1), "Europe/London"))?.status).toBe("saved");
  });

  it("answers null (404) for an id that is not an action of this partnership", async () => {
    const other = await partnershipWithActors();
    expect(await updateActionProgress(policeEditor, other.policeAction.id, progress(1), "Europe/London")).toBeNull();
    expect(await updateActionProgress(policeEditor, "not-a-uuid", progress(1), "Europe/London")).toBeNull();
    expect(await actionRow(world.policeAction.id)).toBeTruthy();
  });
});

describe("adding, editing and closing actions", () => {
  it("lets an editor add an action their agency owns, in this year's delivery plan", async () => {
    const result = await createAction(
      probationEditor,
      world.priorities.burglary,
      { title: "Refer prolific burglars to IOM", description: undefined, ownerAgencyId: undefined, ownerText: undefined, originalDueOn: undefined },
      world.calendar,
    );
    expect(result?.status).toBe("saved");
    const created = await withTenant(world.partnershipId, (tx) =>
      tx.action.findFirstOrThrow({
        where: { title: "Refer prolific burglars to IOM" },
        select: { ownerAgencyId: true, deliveryPlan: { select: { title: true } } },
      }),
    );
    expect(created.ownerAgencyId).toBe(world.agencies.probation);
    expect(created.deliveryPlan.title).toMatch(/^Delivery plan|^Delivery Plan/);
  });

  it("refuses an editor giving an action to another agency under a priority they do not lead", async () => {
    const result = await createAction(
      probationEditor,
      world.priorities.burglary,
      { title: "Someone else's job", ownerAgencyId: world.agencies.council, description: undefined, ownerText: undefined, originalDueOn: undefined },
      world.calendar,
    );
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { ownerAgencyId: [expect.stringMatching(/your own agency/)] } });
  });

  it("refuses a board member adding an action (403)", async () => {
    expect(
      await thrownStatus(() =>
        createAction(boardMember, world.priorities.burglary, { title: "x", description: undefined, ownerAgencyId: undefined, ownerText: undefined, originalDueOn: undefined }, world.calendar),
      ),
    ).toBe(403);
  });

  it("edits and closes an action, after which it cannot be updated", async () => {
    const { id } = world.policeAction;
    let { version } = await actionRow(id);
    const edited = await editAction(policeEditor, id, {
      version,
      title: "Launch a target-hardening scheme in Childs Hill",
      description: undefined,
      ownerAgencyId: world.agencies.police,
      ownerText: undefined,
      originalDueOn: undefined,
    });
    expect(edited?.status).toBe("saved");
    version += 1;
    const closed = await closeAction(policeEditor, id, { version, outcome: "COMPLETE", note: "Delivered to 400 homes." }, "Europe/London");
    expect(closed?.status).toBe("saved");
    const row = await actionRow(id);
    expect(row).toMatchObject({ title: "Launch a target-hardening scheme in Childs Hill", status: "COMPLETE" });
    expect(row.closedAt).not.toBeNull();
    const again = await updateActionProgress(policeEditor, id, progress(row.version), "Europe/London");
    expect(again).toMatchObject({ status: "invalid" });
  });
});

describe("the audit trail", () => {
  it("cannot be changed or deleted by the app", async () => {
    const app = new pg.Client({ connectionString: inject("appUrl") });
    await app.connect();
    try {
      await app.query("begin");
      await app.query("select set_config('app.tenant_id', $1, true)", [world.partnershipId]);
      await expect(app.query('update "AuditEvent" set action = $1', ["forged"])).rejects.toMatchObject({ code: "42501" });
      await app.query("rollback");
      await app.query("begin");
      await app.query("select set_config('app.tenant_id', $1, true)", [world.partnershipId]);
      await expect(app.query('delete from "AuditEvent"')).rejects.toMatchObject({ code: "42501" });
      await app.query("rollback");
    } finally {
      await app.end();
    }
  });
});
