// The audit trail: every write appends an AuditEvent in the same transaction as the
// change (so a rolled-back change leaves no record, and a change never goes
// unrecorded). The app role cannot update or delete these rows (scripts/lib/migrate.ts).
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { Prisma } from "~/generated/prisma/client";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";

export type AuditEntity = "Priority" | "Action" | "Figure" | "Indicator" | "Membership" | "Invite" | "Partnership" | "User" | "Agency" | "Person" | "Board" | "BoardMember" | "Strategy" | "Meeting" | "AgendaItem" | "MeetingPaper" | "Publication";

export type AuditInput = {
  /** What happened, in the past tense of the users' words: "updated", "created", "closed"... */
  action: string;
  entityType: AuditEntity;
  entityId: string;
  /** The changed fields before and after; whole rows for create and delete. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

export async function recordAudit(tx: TenantTx, actor: Actor, event: AuditInput) {
  const agency = actor.agencyId
    ? await tx.agency.findFirst({ where: { id: actor.agencyId, partnershipId: actor.partnershipId }, select: { name: true } })
    : null;
  await tx.auditEvent.create({
    data: {
      partnershipId: actor.partnershipId,
      actorUserId: actor.userId,
      actorName: actor.userName,
      actorAgencyId: actor.agencyId,
      actorAgencyName: agency?.name ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: toJson(event.before),
      after: toJson(event.after),
    },
  });
}

/** The fields that differ between two snapshots, as before/after objects of just those. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changedBefore: Record<string, unknown> = {};
  const changedAfter: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (comparable(before[key]) !== comparable(after[key])) {
      changedBefore[key] = before[key] ?? null;
      changedAfter[key] = after[key] ?? null;
    }
  }
  return { before: changedBefore, after: changedAfter, changed: Object.keys(changedAfter).length > 0 };
}

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  // A Decimal compares by value, so "12.50" from the database equals "12.5" typed.
  if (value instanceof Prisma.Decimal) return JSON.stringify(value.toString());
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return JSON.stringify(new Prisma.Decimal(value).toString());
  return JSON.stringify(value ?? null);
}

function toJson(value: Record<string, unknown> | null | undefined) {
  if (!value) return Prisma.JsonNull;
  return JSON.parse(
    JSON.stringify(value, (_key, v) => (v instanceof Prisma.Decimal ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

const eventSelect = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  actorName: true,
  actorAgencyName: true,
  before: true,
  after: true,
} as const;

export type AuditEventView = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/** The history of one thing, newest first. */
export async function historyOf(tx: TenantTx, partnershipId: string, entityType: AuditEntity, entityId: string) {
  return tx.auditEvent.findMany({
    where: { partnershipId, entityType, entityId },
    orderBy: { at: "desc" },
    take: 50,
    select: eventSelect,
  });
}

export type AuditLogFilter = { agencyId?: string; from?: Date; to?: Date; page?: number };
export const AUDIT_PAGE_SIZE = 50;

/** The partnership's whole log for managers, filterable by agency and date. */
export async function listAuditLog(actor: Actor, filter: AuditLogFilter) {
  assertCan(actor, "audit:read-all");
  const page = Math.max(1, filter.page ?? 1);
  return withTenant(actor.partnershipId, async (tx) => {
    const where: Prisma.AuditEventWhereInput = {
      partnershipId: actor.partnershipId,
      ...(filter.agencyId && isUuid(filter.agencyId) ? { actorAgencyId: filter.agencyId } : {}),
      ...(filter.from || filter.to ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
    };
    const [events, total, agencies] = [
      await tx.auditEvent.findMany({ where, orderBy: { at: "desc" }, skip: (page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE, select: eventSelect }),
      await tx.auditEvent.count({ where }),
      await tx.agency.findMany({ where: { partnershipId: actor.partnershipId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ];
    return { events, total, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), agencies };
  });
}
