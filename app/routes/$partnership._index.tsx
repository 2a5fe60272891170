import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorTable } from "~/components/indicator-table";
import { ImportantBanner } from "~/components/notification-banner";
import { AreasOfSlippage, NotUpdated, PriorityProgressTable, RagCountTags } from "~/components/performance";
import { requirePartnershipMember, sectionsFor } from "~/modules/access/actor.server";
import { getPartnershipHome } from "~/modules/partnerships/home.server";
import { formatCalendarDate, formatTimeOfDay, strategyHeading } from "~/utils/dates";
import { BOARD_KIND_LABELS } from "~/utils/labels";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.partnership.name ?? "Partnership"} - Safer Partnerships` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { nextMeeting, lastMeeting, setup, ...home } = await getPartnershipHome(actor, partnership.timeZone);
  allowPageCache(actor.partnershipId);
  const meeting = nextMeeting ?? lastMeeting;
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    ...home,
    setup: sectionsFor(actor).settings
      ? {
          manager: true,
          finished: setup.finished,
          missing: setup.missing,
          stillBeingSetUp: false,
        }
      : {
          manager: false,
          finished: true,
          missing: [],
          stillBeingSetUp: !setup.finished && !setup.hasStrategy,
        },
    meeting: meeting && {
      upcoming: Boolean(nextMeeting),
      board: meeting.board.name,
      date: formatCalendarDate(meeting.heldOn),
      time: meeting.startTime ? formatTimeOfDay(meeting.startTime) : null,
      place: meeting.place,
      agenda: meeting.agendaItems,
    },
  };
}

export default function PartnershipHome() {
  const { partnership, councils, strategy, priorities, performance, boards, indicatorCount, meeting, setup } = useLoaderData<typeof loader>();
  const base = `/${partnership.slug}`;
  return (
    <>
      {setup.manager && !setup.finished ? (
        <ImportantBanner>
          <p className="govuk-notification-banner__heading">This partnership is not fully set up yet</p>
          {setup.missing.length > 0 ? (
            <>
              <p className="govuk-body">It still has:</p>
              <ul className="govuk-list govuk-list--bullet">
                {setup.missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="govuk-body">
            <Link to={`${base}/setup`} className="govuk-notification-banner__link">
              Continue setting up the partnership
            </Link>
          </p>
        </ImportantBanner>
      ) : null}
      {setup.stillBeingSetUp ? <p className="govuk-body govuk-hint">This partnership is still being set up.</p> : null}
      <span className="govuk-caption-l">{councils.join(", ")}</span>
      <h1 className="govuk-heading-xl">{partnership.name}</h1>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <AreasOfSlippage slippage={performance.slippage} slug={partnership.slug} />

          <h2 className="govuk-heading-l">Priorities</h2>
          {strategy ? (
            <>
              <p className="govuk-body">{strategyHeading(strategy)}</p>
              <PriorityProgressTable
                priorities={priorities}
                slug={partnership.slug}
                caption="Priorities, their leads and the RAG ratings of their actions and indicators"
              />
            </>
          ) : (
            <p className="govuk-body">No strategy has been set up yet.</p>
          )}

          <h2 className="govuk-heading-l">Indicators</h2>
          <p className="govuk-body">
            <RagCountTags counts={performance.summary.indicators} none="No indicators yet" />
          </p>
          <IndicatorTable
            indicators={performance.indicators}
            caption="Indicators with their baseline, target, latest figure and RAG"
            partnershipSlug={partnership.slug}
          />
          <p className="govuk-body">
            <Link to={`${base}/indicators`} className="govuk-link">
              {`See all ${indicatorCount} indicators`}
            </Link>
          </p>

          <NotUpdated notUpdated={performance.notUpdated} quarterLabel={performance.quarter.label} slug={partnership.slug} />
        </div>

        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">{meeting?.upcoming === false ? "Last meeting" : "Next meeting"}</h2>
          {meeting ? (
            <>
              <p className="govuk-body">
                <strong>{meeting.board}</strong>
                <br />
                {meeting.time ? `${meeting.date} at ${meeting.time}` : meeting.date}
                {meeting.place ? (
                  <>
                    <br />
                    {meeting.place}
                  </>
                ) : null}
              </p>
              {meeting.agenda.length > 0 ? (
                <ol className="govuk-list govuk-body-s">
                  {meeting.agenda.map((item) => (
                    <li key={item.id}>{`${item.number}. ${item.title}`}</li>
                  ))}
                </ol>
              ) : null}
              {meeting.upcoming ? null : <p className="govuk-body-s">No meeting is scheduled.</p>}
            </>
          ) : (
            <p className="govuk-body">No meetings have been recorded.</p>
          )}

          <h2 className="govuk-heading-m">Boards</h2>
          <ul className="govuk-list">
            {boards.map((board) => (
              <li key={board.id}>
                <Link to={`${base}/boards/${board.id}`} className="govuk-link">
                  {board.name}
                </Link>
                <br />
                <span className="govuk-body-s">{`${BOARD_KIND_LABELS[board.kind]}, ${board._count.members} members`}</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}
