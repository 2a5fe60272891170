// The words users see for the model's enums, in one place.
export const ROLE_LABELS = {
  PARTNERSHIP_MANAGER: "Partnership manager",
  AGENCY_EDITOR: "Agency editor",
  BOARD_MEMBER: "Board member",
  VIEWER: "Viewer",
} as const;

export const BOARD_KIND_LABELS = {
  PARTNERSHIP_BOARD: "Partnership board",
  EXECUTIVE_BOARD: "Executive board",
  SUB_BOARD: "Sub-board",
  SCRUTINY_COMMITTEE: "Scrutiny committee",
  OTHER: "Board",
} as const;

export const BOARD_ROLE_LABELS = {
  CHAIR: "Chair",
  VICE_CHAIR: "Vice-chair",
  CO_CHAIR: "Co-chair",
  MEMBER: "Member",
} as const;

export const ACTION_STATUS_LABELS = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETE: "Complete",
  DROPPED: "Dropped",
} as const;

export const DIRECTION_LABELS = {
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
} as const;

export const REQUIRED_DIRECTION_LABELS = {
  INCREASE: "Increase",
  REDUCE: "Reduction",
  MAINTAIN: "Maintain",
} as const;

export const FREQUENCY_LABELS = {
  WEEKLY: "Weekly",
  MONTHLY: "Monthly",
  QUARTERLY: "Quarterly",
  YEARLY: "Yearly",
} as const;
