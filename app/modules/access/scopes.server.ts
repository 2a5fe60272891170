// Which agencies lead or own a thing: what an agency-scoped permission is checked
// against. A department's parent agency counts too (an LBB editor may update what
// "LBB Children's Service" leads), and so does the agency of a lead named as a person.
import type { TenantTx } from "~/utils/db.server";
import type { Scope } from "./permissions";

const agencyWithParent = { select: { id: true, parentAgencyId: true } } as const;
export type AgencyRef = { id: string; parentAgencyId: string | null } | null | undefined;

/** The scope made of these agencies and their parents. */
export function scopeOf(agencies: AgencyRef[]): Scope {
  const ids = new Set<string>();
  for (const agency of agencies) {
    if (!agency) continue;
    ids.add(agency.id);
    if (agency.parentAgencyId) ids.add(agency.parentAgencyId);
  }
  return { agencyIds: [...ids] };
}

const priorityLeadsSelect = {
  leads: { select: { agency: agencyWithParent, person: { select: { agency: agencyWithParent } } } },
} as const;

type PriorityLeads = { leads: Array<{ agency: AgencyRef; person: { agency: AgencyRef } | null }> };

function priorityLeadAgencies(priority: PriorityLeads): AgencyRef[] {
  return priority.leads.flatMap((lead) => [lead.agency, lead.person?.agency]);
}

export async function priorityScope(tx: TenantTx, partnershipId: string, priorityId: string): Promise<Scope | null> {
  const priority = await tx.priority.findFirst({ where: { id: priorityId, partnershipId }, select: priorityLeadsSelect });
  return priority && scopeOf(priorityLeadAgencies(priority));
}

export async function actionScope(tx: TenantTx, partnershipId: string, actionId: string): Promise<Scope | null> {
  const action = await tx.action.findFirst({
    where: { id: actionId, partnershipId },
    select: { ownerAgency: agencyWithParent, priority: { select: priorityLeadsSelect } },
  });
  return action && scopeOf([action.ownerAgency, ...(action.priority ? priorityLeadAgencies(action.priority) : [])]);
}

export async function indicatorScope(tx: TenantTx, partnershipId: string, indicatorId: string): Promise<Scope | null> {
  const indicator = await tx.indicator.findFirst({
    where: { id: indicatorId, partnershipId },
    select: { leadAgency: agencyWithParent },
  });
  return indicator && scopeOf([indicator.leadAgency]);
}

/** The scope of a new action: the agency that will own it and the priority it sits under. */
export async function newActionScope(
  tx: TenantTx,
  partnershipId: string,
  input: { ownerAgencyId: string | null; priorityId: string | null },
): Promise<Scope> {
  const owner = input.ownerAgencyId
    ? await tx.agency.findFirst({ where: { id: input.ownerAgencyId, partnershipId }, ...agencyWithParent })
    : null;
  const priority = input.priorityId
    ? await tx.priority.findFirst({ where: { id: input.priorityId, partnershipId }, select: priorityLeadsSelect })
    : null;
  return scopeOf([owner, ...(priority ? priorityLeadAgencies(priority) : [])]);
}
