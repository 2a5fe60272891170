// Turns audit events into the sentences people read in a history:
// "RAG Amber → Green, status In progress → Complete".
import { formatDistanceStrict } from "date-fns";
import { formatCalendarDate } from "~/utils/dates";
import { ACTION_STATUS_LABELS } from "~/utils/labels";

const FIELD_LABELS: Record<string, string> = {
  status: "status",
  rag: "RAG",
  revisedDueOn: "revised due date",
  originalDueOn: "due date",
  title: "title",
  description: "description",
  ownerAgencyId: "owning agency",
  ownerText: "owner",
  closedAt: "closed",
  whatWeWillDo: "what we will do",
  progressSummary: "progress summary",
  value: "figure",
  count: "count",
  note: "note",
  role: "role",
  agencyId: "agency",
  email: "e-mail",
};

const RAG_LABELS: Record<string, string> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };
const LONG_TEXT = 80;

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (field === "status") return ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS] ?? String(value);
  if (field === "rag") return RAG_LABELS[String(value)] ?? String(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatCalendarDate(new Date(value));
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT - 1)}…` : text;
}

export type AuditEventLike = {
  at: Date;
  action: string;
  actorName: string | null;
  actorAgencyName: string | null;
  before: unknown;
  after: unknown;
};

export type DescribedChange = { field: string; label: string; from: string | null; to: string };

export function describeChanges(event: Pick<AuditEventLike, "before" | "after">): DescribedChange[] {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  return Object.keys(after)
    .filter((field) => field in FIELD_LABELS || field === "period")
    .map((field) => ({
      field,
      label: field === "period" ? "period" : FIELD_LABELS[field]!,
      from: field in before ? show(field, before[field]) : null,
      to: show(field, after[field]),
    }));
}

/** "Insp Jo Bloggs, Metropolitan Police Service" */
export function describeActor(event: Pick<AuditEventLike, "actorName" | "actorAgencyName">): string {
  return [event.actorName ?? "Someone", event.actorAgencyName].filter(Boolean).join(", ");
}

/** "3 days ago" */
export function describeWhen(at: Date, now = new Date()): string {
  return formatDistanceStrict(at, now, { addSuffix: true });
}
