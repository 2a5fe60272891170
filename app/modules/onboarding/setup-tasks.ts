// The set-up's tasks, their names and where each is done (shared by pages and server).
export const SETUP_TASKS = ["details", "agencies", "people", "boards", "strategy", "indicators", "invites"] as const;
export type SetupTask = (typeof SETUP_TASKS)[number];
export type SetupTaskStatus = "done" | "skipped" | "in-progress" | "not-started";

export const SETUP_TASK_LABELS: Record<SetupTask, string> = {
  details: "Partnership details",
  agencies: "Partner agencies",
  people: "Named people",
  boards: "Boards",
  strategy: "Strategy and priorities",
  indicators: "Indicators",
  invites: "Invite lead officers",
};

/** What the home page says is missing, for each task with nothing in it. */
export const SETUP_MISSING: Record<SetupTask, string> = {
  details: "the partnership's details have not been checked",
  agencies: "no partner agencies",
  people: "no named people (leads and chairs)",
  boards: "no boards",
  strategy: "no strategy or priorities",
  indicators: "no indicators",
  invites: "no lead officers invited",
};

/** Where each task is done, under /:partnership. */
export const SETUP_TASK_PATHS: Record<SetupTask, string> = {
  details: "settings/details",
  agencies: "settings/agencies",
  people: "settings/people",
  boards: "settings/boards",
  strategy: "settings/strategy",
  indicators: "settings/indicators",
  invites: "members/invite",
};

export function isSetupTask(value: unknown): value is SetupTask {
  return typeof value === "string" && (SETUP_TASKS as readonly string[]).includes(value);
}

