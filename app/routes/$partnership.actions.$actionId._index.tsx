import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { History } from "~/components/history";
import { SuccessBanner } from "~/components/notification-banner";
import { Prose } from "~/components/prose";
import { RagTag } from "~/components/rag-tag";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getAction } from "~/modules/actions/actions.server";
import { financialYearLabel, formatCalendarDate } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";
import { ACTION_STATUS_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.action.title ?? "Action"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getAction(actor, params.actionId ?? "");
  invariantResponse(found, "Action not found");
  return { partnershipSlug: partnership.slug, ...found };
}

const SAVED_MESSAGES: Record<string, string> = {
  progress: "Progress saved",
  details: "Action saved",
  closed: "Action closed",
  created: "Action added",
};

export default function ActionPage() {
  const { partnershipSlug, action: item, canUpdate, history } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = SAVED_MESSAGES[searchParams.get("saved") ?? ""];
  const owner = item.ownerAgency?.name ?? item.ownerPerson?.name ?? item.ownerText ?? "Not recorded";
  const slipped = item.originalDueOn && item.revisedDueOn && item.revisedDueOn > item.originalDueOn;
  return (
    <>
      {saved ? (
        <SuccessBanner heading={saved} />
      ) : null}
      {item.priority ? (
        <Link to={`/${partnershipSlug}/priorities/${item.priority.id}`} className="govuk-back-link">
          {`Back to priority ${item.priority.number}`}
        </Link>
      ) : null}
      <span className="govuk-caption-l">{`${item.deliveryPlan.title} (${financialYearLabel(item.deliveryPlan.financialYear)})`}</span>
      <h1 className="govuk-heading-xl">{item.reference ? `${item.reference} ${item.title}` : item.title}</h1>

      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">RAG rating</dt>
          <dd className="govuk-summary-list__value">
            <RagTag rag={item.rag} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">{`${ACTION_STATUS_LABELS[item.status]}${item.closedAt ? `, closed ${formatCalendarDate(item.closedAt)}` : ""}`}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Owner</dt>
          <dd className="govuk-summary-list__value">{owner}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Due</dt>
          <dd className="govuk-summary-list__value">
            {slipped ? (
              <>
                {`Revised to ${formatCalendarDate(item.revisedDueOn!)}`}
                <br />
                <span className="govuk-body-s">{`Originally due ${formatCalendarDate(item.originalDueOn!)}`}</span>
              </>
            ) : item.revisedDueOn || item.originalDueOn ? (
              formatCalendarDate((item.revisedDueOn ?? item.originalDueOn)!)
            ) : (
              "Not set"
            )}
          </dd>
        </div>
        {item.priority ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Priority</dt>
            <dd className="govuk-summary-list__value">{`${item.priority.number}. ${item.priority.title}`}</dd>
          </div>
        ) : null}
        {item.outcomeArea ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Outcome area</dt>
            <dd className="govuk-summary-list__value">{item.outcomeArea.title}</dd>
          </div>
        ) : null}
      </dl>

      {canUpdate && !item.closedAt ? (
        <div className="govuk-button-group">
          <Link to={`/${partnershipSlug}/actions/${item.id}/update`} className="govuk-button" data-module="govuk-button">
            Update progress
          </Link>
          <Link to={`/${partnershipSlug}/actions/${item.id}/edit`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Edit action
          </Link>
          <Link to={`/${partnershipSlug}/actions/${item.id}/close`} className="govuk-link">
            Close action
          </Link>
        </div>
      ) : null}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {item.description ? (
            <>
              <h2 className="govuk-heading-m">About this action</h2>
              <Prose text={item.description} />
            </>
          ) : null}
          <h2 className="govuk-heading-m">Progress notes</h2>
          {item.notes.length === 0 ? (
            <p className="govuk-body">No progress notes yet.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {item.notes.map((note) => (
                <li key={note.id}>
                  <span className="govuk-!-font-weight-bold">{formatCalendarDate(note.writtenOn)}</span>
                  {note.rag ? (
                    <>
                      {" "}
                      <RagTag rag={note.rag} />
                    </>
                  ) : null}
                  <Prose text={note.body} />
                </li>
              ))}
            </ul>
          )}
          <History events={history} />
        </div>
      </div>
    </>
  );
}
