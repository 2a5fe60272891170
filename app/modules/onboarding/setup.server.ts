// The guided set-up: a task list a new partnership's manager works through, saved at
// every step (Partnership.setupTasks holds the tasks marked done or skipped), so
// leaving and coming back resumes it. A task nobody marked is "in progress" once
// something of it exists.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isSetupTask, SETUP_MISSING, SETUP_TASK_LABELS, SETUP_TASK_PATHS, SETUP_TASKS, type SetupTask, type SetupTaskStatus } from "./setup-tasks";

export { SETUP_TASKS, type SetupTask };

function marksOf(json: unknown): Partial<Record<SetupTask, "done" | "skipped">> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const marks: Partial<Record<SetupTask, "done" | "skipped">> = {};
  for (const [key, value] of Object.entries(json)) {
    if (isSetupTask(key) && (value === "done" || value === "skipped")) marks[key] = value;
  }
  return marks;
}

/** What exists of each task, in one round of counts. */
async function existing(tx: TenantTx, partnershipId: string): Promise<Record<SetupTask, boolean>> {
  const where = { partnershipId };
  const [agencies, people, boards, strategies, indicators, invites, members] = await Promise.all([
    tx.agency.count({ where: { ...where, archivedAt: null } }),
    tx.person.count({ where: { ...where, archivedAt: null } }),
    tx.board.count({ where: { ...where, archivedAt: null } }),
    tx.strategy.count({ where }),
    tx.indicator.count({ where: { ...where, archivedAt: null } }),
    tx.invite.count({ where }),
    tx.membership.count({ where }),
  ]);
  return {
    details: true,
    agencies: agencies > 0,
    people: people > 0,
    boards: boards > 0,
    strategy: strategies > 0,
    indicators: indicators > 0,
    invites: invites > 0 || members > 1,
  };
}

export async function readSetupProgress(tx: TenantTx, partnershipId: string) {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { setupTasks: true, setupCompletedAt: true },
  });
  const marks = marksOf(partnership.setupTasks);
  const exists = await existing(tx, partnershipId);
  const tasks = SETUP_TASKS.map((task) => {
    const status: SetupTaskStatus = marks[task] ?? (exists[task] && task !== "details" ? "in-progress" : "not-started");
    return { task, label: SETUP_TASK_LABELS[task], path: SETUP_TASK_PATHS[task], status, exists: exists[task] };
  });
  return {
    completedAt: partnership.setupCompletedAt,
    tasks,
    /** The things still missing, in the home page's words. */
    missing: tasks.filter((t) => t.task !== "details" && t.task !== "invites" && !t.exists).map((t) => SETUP_MISSING[t.task]),
    hasStrategy: exists.strategy,
  };
}

export async function getSetupProgress(actor: Actor) {
  assertCan(actor, "settings:manage");
  return withTenant(actor.partnershipId, (tx) => readSetupProgress(tx, actor.partnershipId));
}

/** Marks a task done or skipped, inside the caller's transaction (a settings page's save). */
export async function markSetupTaskIn(tx: TenantTx, actor: Actor, task: SetupTask, mark: "done" | "skipped") {
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { setupTasks: true } });
  const before = marksOf(partnership.setupTasks);
  if (before[task] === mark) return;
  const after = { ...before, [task]: mark };
  await tx.partnership.update({ where: { id: actor.partnershipId }, data: { setupTasks: after } });
  await recordAudit(tx, actor, {
    action: mark === "done" ? "marked a set-up task done" : "skipped a set-up task",
    entityType: "Partnership",
    entityId: actor.partnershipId,
    before: { [`setup.${task}`]: before[task] ?? null },
    after: { [`setup.${task}`]: mark },
  });
}

export async function markSetupTask(actor: Actor, task: SetupTask, mark: "done" | "skipped") {
  assertCan(actor, "settings:manage");
  if (!isSetupTask(task)) throw new Response("No such set-up task", { status: 400 });
  await withTenant(actor.partnershipId, (tx) => markSetupTaskIn(tx, actor, task, mark));
}

export async function finishSetup(actor: Actor) {
  assertCan(actor, "settings:manage");
  await withTenant(actor.partnershipId, async (tx) => {
    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: actor.partnershipId }, select: { setupCompletedAt: true } });
    if (partnership.setupCompletedAt) return;
    const now = new Date();
    await tx.partnership.update({ where: { id: actor.partnershipId }, data: { setupCompletedAt: now } });
    await recordAudit(tx, actor, {
      action: "finished the set-up",
      entityType: "Partnership",
      entityId: actor.partnershipId,
      before: { setupCompletedAt: null },
      after: { setupCompletedAt: now },
    });
  });
}
