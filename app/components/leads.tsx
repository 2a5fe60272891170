type Lead = {
  id: string;
  agency: { name: string; shortName: string | null } | null;
  person: { name: string; jobTitle?: string | null } | null;
};

/** "MPS (Adrian Usher); LBB: Jay Mercer" as the papers write leads. */
export function leadText(lead: Lead): string {
  const agency = lead.agency ? (lead.agency.shortName ?? lead.agency.name) : null;
  if (agency && lead.person) return `${lead.person.name} (${agency})`;
  return agency ?? lead.person?.name ?? "";
}

export function Leads({ leads }: { leads: Lead[] }) {
  if (leads.length === 0) return <span className="govuk-hint govuk-!-margin-0">No lead recorded</span>;
  return <>{leads.map(leadText).join("; ")}</>;
}
