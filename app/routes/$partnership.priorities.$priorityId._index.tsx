import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { History } from "~/components/history";
import { IndicatorTable } from "~/components/indicator-table";
import { Leads } from "~/components/leads";
import { Prose } from "~/components/prose";
import { RagTag } from "~/components/rag-tag";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getPriority } from "~/modules/priorities/priorities.server";
import { formatCalendarDate, strategyHeading } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";
import { ACTION_STATUS_LABELS } from "~/utils/labels";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Priority ${data.priority.number}: ${data.priority.title} - Safer Partnerships` : "Safer Partnerships" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const priority = await getPriority(actor, params.priorityId ?? "");
  invariantResponse(priority, "Priority not found");
  allowPageCache(actor.partnershipId);
  return { partnershipSlug: partnership.slug, priority };
}

export default function PriorityPage() {
  const { partnershipSlug, priority } = useLoaderData<typeof loader>();
  return (
    <>
      <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
        <ol className="govuk-breadcrumbs__list">
          <li className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={`/${partnershipSlug}`}>
              Overview
            </Link>
          </li>
          <li className="govuk-breadcrumbs__list-item">{`Priority ${priority.number}`}</li>
        </ol>
      </nav>
      <span className="govuk-caption-l">
        {`${strategyHeading(priority.strategy)}, priority ${priority.number}`}
      </span>
      <h1 className="govuk-heading-xl">{priority.title}</h1>

      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Led by</dt>
          <dd className="govuk-summary-list__value">
            <Leads leads={priority.leads} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Responsible board</dt>
          <dd className="govuk-summary-list__value">{priority.responsibleBoard?.name ?? "Not recorded"}</dd>
        </div>
      </dl>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m">Why this is a priority</h2>
          <Prose text={priority.whyPriority} />
          <h2 className="govuk-heading-m">What we will do</h2>
          <Prose text={priority.whatWeWillDo} />
          <h2 className="govuk-heading-m">Progress</h2>
          <Prose text={priority.progressSummary} empty="No progress summary yet." />
          {priority.canUpdate ? (
            <p className="govuk-body">
              <Link to={`/${partnershipSlug}/priorities/${priority.id}/edit`} className="govuk-link">
                Update what we will do and progress<span className="govuk-visually-hidden">{` for priority ${priority.number}`}</span>
              </Link>
            </p>
          ) : null}
        </div>
      </div>

      <h2 className="govuk-heading-l">Actions</h2>
      {priority.canAddAction ? (
        <Link to={`/${partnershipSlug}/priorities/${priority.id}/actions/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add an action
        </Link>
      ) : null}
      {priority.actions.length === 0 ? (
        <p className="govuk-body">No delivery-plan actions are recorded under this priority.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Actions under this priority</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Owner</th>
              <th scope="col" className="govuk-table__header">Due</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">RAG</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {priority.actions.map((action) => {
              const slipped =
                action.originalDueOn && action.revisedDueOn && action.revisedDueOn > action.originalDueOn;
              const note = action.notes[0];
              return (
                <tr key={action.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link to={`/${partnershipSlug}/actions/${action.id}`} className="govuk-link">
                      {action.reference ? `${action.reference} ${action.title}` : action.title}
                    </Link>
                    {note ? (
                      <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1">
                        {`Last update ${formatCalendarDate(note.writtenOn)}`}
                      </span>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell">
                    {action.ownerAgency?.shortName ?? action.ownerAgency?.name ?? action.ownerPerson?.name ?? action.ownerText ?? "Not recorded"}
                  </td>
                  <td className="govuk-table__cell">
                    {slipped ? (
                      <>
                        <span className="app-slipped">{formatCalendarDate(action.originalDueOn!)}</span>
                        <br />
                        {`Revised to ${formatCalendarDate(action.revisedDueOn!)}`}
                      </>
                    ) : action.revisedDueOn || action.originalDueOn ? (
                      formatCalendarDate((action.revisedDueOn ?? action.originalDueOn)!)
                    ) : (
                      "Not set"
                    )}
                  </td>
                  <td className="govuk-table__cell">{ACTION_STATUS_LABELS[action.status]}</td>
                  <td className="govuk-table__cell">
                    <RagTag rag={action.rag} />
                    {action.canUpdate ? (
                      <Link
                        to={`/${partnershipSlug}/actions/${action.id}/update`}
                        className="govuk-link govuk-!-display-block govuk-!-margin-top-1"
                      >
                        Update<span className="govuk-visually-hidden">{` ${action.title}`}</span>
                      </Link>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <IndicatorTable indicators={priority.indicators} caption="How we measure it" partnershipSlug={partnershipSlug} />

      <History events={priority.history} />
    </>
  );
}
