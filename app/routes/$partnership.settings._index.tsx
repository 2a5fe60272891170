// Settings: every section a partnership manager can change.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getBillingOverview } from "~/modules/billing/billing.server";
import { getSetupProgress } from "~/modules/onboarding/setup.server";

export const meta: MetaFunction = () => [{ title: "Settings - Safer Partnerships" }];

const SECTIONS = [
  { path: "settings/details", label: "Partnership details", hint: "Name, councils, police force area, financial year, residents and households" },
  { path: "settings/agencies", label: "Partner agencies", hint: "The organisations in the partnership" },
  { path: "settings/people", label: "Named people", hint: "Leads, chairs and board members who need no account" },
  { path: "settings/boards", label: "Boards", hint: "Boards and sub-boards, their chairs and members" },
  { path: "settings/strategy", label: "Strategy and priorities", hint: "The strategy period and its numbered priorities" },
  { path: "settings/indicators", label: "Indicators", hint: "Indicators, baselines and targets" },
  { path: "settings/rag", label: "RAG rules", hint: "When an indicator is green, amber or red" },
  { path: "settings/digest", label: "Briefing e-mails", hint: "Whether the briefing before each meeting includes progress notes" },
  { path: "settings/police-uk", label: "police.uk crime data", hint: "The partnership's area and which crime types count towards which indicators" },
  { path: "police-uk/import", label: "Import police.uk crime files", hint: "Monthly crime counts from data.police.uk's street-level files" },
  { path: "settings/publication", label: "Public page and open data", hint: "What residents can see at the public page, and approving each publication" },
  { path: "settings/profile", label: "Import or export the set-up", hint: "The whole configuration as one file" },
  { path: "settings/export", label: "Download all data", hint: "Everything the partnership holds" },
  { path: "settings/security", label: "Security", hint: "Two-step verification for managers" },
  { path: "settings/billing", label: "Billing", hint: "The subscription: pay by card or invoice, invoices and cancellation" },
];

const OPEN_WHILE_READ_ONLY = new Set(["settings/billing", "settings/export"]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  if (actor.readOnly) {
    // Subscription ended: nothing here can be changed, but billing and the export stay open.
    await getBillingOverview(actor); // managers only (403 otherwise)
    return { slug: partnership.slug, setupFinished: true, readOnly: true };
  }
  const progress = await getSetupProgress(actor); // managers only (403 otherwise)
  return { slug: partnership.slug, setupFinished: Boolean(progress.completedAt), readOnly: false };
}

export default function Settings() {
  const { slug, setupFinished, readOnly } = useLoaderData<typeof loader>();
  const sections = readOnly ? SECTIONS.filter((section) => OPEN_WHILE_READ_ONLY.has(section.path)) : SECTIONS;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Settings</h1>
        {setupFinished ? null : (
          <p className="govuk-body">
            <Link to={`/${slug}/setup`} className="govuk-link">
              Continue setting up the partnership
            </Link>
          </p>
        )}
        <ul className="govuk-list govuk-list--spaced">
          {sections.map((section) => (
            <li key={section.path}>
              <Link to={`/${slug}/${section.path}`} className="govuk-link govuk-!-font-weight-bold">
                {section.label}
              </Link>
              <br />
              <span className="govuk-body-s">{section.hint}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
