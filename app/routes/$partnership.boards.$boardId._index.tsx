import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorTable } from "~/components/indicator-table";
import { ActionsDue, AreasOfSlippage, ChangesSinceLastMeeting, NotUpdated, PriorityProgressTable, RagSummaryRows, SmallMultiples } from "~/components/performance";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getBoardPerformance } from "~/modules/performance/board-performance.server";
import { formatCalendarDate } from "~/utils/dates";
import { notFound } from "~/utils/http";
import { BOARD_KIND_LABELS } from "~/utils/labels";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.performance.board.name ?? "Board"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const performance = await getBoardPerformance(actor, params.boardId ?? "");
  if (!performance) throw notFound();
  allowPageCache(actor.partnershipId);
  return { slug: partnership.slug, performance };
}

export default function BoardPage() {
  const { slug, performance } = useLoaderData<typeof loader>();
  const { board, summary } = performance;
  const base = `/${slug}`;
  return (
    <>
      <Link to={`${base}/boards`} className="govuk-back-link">
        All boards
      </Link>
      <span className="govuk-caption-l">{BOARD_KIND_LABELS[board.kind]}</span>
      <h1 className="govuk-heading-xl">{board.name}</h1>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <dl className="govuk-summary-list">
            <RagSummaryRows summary={summary} />
            {board.parent ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Reports to</dt>
                <dd className="govuk-summary-list__value">
                  <Link to={`${base}/boards/${board.parent.id}`} className="govuk-link">
                    {board.parent.name}
                  </Link>
                </dd>
              </div>
            ) : null}
            {performance.subBoards.length > 0 ? (
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Boards reporting to it</dt>
                <dd className="govuk-summary-list__value">
                  <ul className="govuk-list">
                    {performance.subBoards.map((sub) => (
                      <li key={sub.id}>
                        <Link to={`${base}/boards/${sub.id}`} className="govuk-link">
                          {sub.name}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Next meeting</dt>
              <dd className="govuk-summary-list__value">{performance.nextMeeting ? formatCalendarDate(performance.nextMeeting.heldOn) : "None scheduled"}</dd>
            </div>
          </dl>
          <p className="govuk-body">
            <Link to={`${base}/boards/${board.id}/report`} className="govuk-link govuk-!-font-weight-bold">
              {`${board.name} progress report`}
            </Link>
            : ready to print or save as PDF, for today or another date.
          </p>
        </div>
      </div>

      <AreasOfSlippage slippage={performance.slippage} slug={slug} />

      {performance.subBoardConcerns.length > 0 ? (
        <section aria-labelledby="sub-board-concerns">
          <h2 className="govuk-heading-l" id="sub-board-concerns">
            Concerns of the boards reporting to it
          </h2>
          {performance.subBoardConcerns.map((concern) => (
            <AreasOfSlippage
              key={concern.board.id}
              slippage={concern.slippage}
              slug={slug}
              heading="h3"
              id={`concerns-${concern.board.id}`}
              title={concern.board.name}
              intro={false}
            />
          ))}
        </section>
      ) : null}

      <h2 className="govuk-heading-l">Priorities</h2>
      <PriorityProgressTable
        priorities={performance.priorities}
        slug={slug}
        caption={`Priorities ${board.name} is responsible for, their leads and the RAG ratings of their actions and indicators`}
      />

      <h2 className="govuk-heading-l">Indicators</h2>
      <IndicatorTable
        indicators={performance.indicators}
        caption={`Indicators ${board.name} owns or is responsible for, or that measure its priorities`}
        partnershipSlug={slug}
        showPriorities
      />
      <SmallMultiples indicators={performance.indicators} />

      <NotUpdated notUpdated={performance.notUpdated} quarterLabel={performance.quarter.label} slug={slug} />
      <ActionsDue actionsDue={performance.actionsDue} slug={slug} />
      <ChangesSinceLastMeeting changes={performance.changes} slug={slug} />
    </>
  );
}
