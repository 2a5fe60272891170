import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Leads } from "~/components/leads";
import { RagTag } from "~/components/rag-tag";
import { ImportantBanner } from "~/components/notification-banner";
import { requirePartnershipMember, sectionsFor } from "~/modules/access/actor.server";
import { getPartnershipHome } from "~/modules/partnerships/home.server";
import { formatCalendarDate, formatTimeOfDay, strategyHeading } from "~/utils/dates";
import { BOARD_KIND_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.partnership.name ?? "Partnership"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { nextMeeting, lastMeeting, setup, ...home } = await getPartnershipHome(actor, partnership.timeZone);
  const meeting = nextMeeting ?? lastMeeting;
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    ...home,
    setup: sectionsFor(actor).settings
      ? { manager: true, finished: setup.finished, missing: setup.missing, stillBeingSetUp: false }
      : { manager: false, finished: true, missing: [], stillBeingSetUp: !setup.finished && !setup.hasStrategy },
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
  const { partnership, councils, strategy, priorities, boards, indicatorCount, meeting, setup } = useLoaderData<typeof loader>();
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
          <h2 className="govuk-heading-l">Priorities</h2>
          {strategy ? (
            <>
              <p className="govuk-body">{strategyHeading(strategy)}</p>
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Priorities, their leads and the RAG ratings of their actions</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Priority</th>
                    <th scope="col" className="govuk-table__header">Led by</th>
                    <th scope="col" className="govuk-table__header">Actions</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {priorities.map((priority) => (
                    <tr key={priority.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link to={`${base}/priorities/${priority.id}`} className="govuk-link">
                          {priority.number}. {priority.title}
                        </Link>
                      </td>
                      <td className="govuk-table__cell">
                        <Leads leads={priority.leads} />
                      </td>
                      <td className="govuk-table__cell">
                        <RagCounts counts={priority.ragCounts} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="govuk-body">No strategy has been set up yet.</p>
          )}
          <p className="govuk-body">
            <Link to={`${base}/indicators`} className="govuk-link">
              {`See all ${indicatorCount} indicators`}
            </Link>
          </p>
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
                <Link to={`${base}/boards#board-${board.id}`} className="govuk-link">
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

function RagCounts({ counts }: { counts: { RED: number; AMBER: number; GREEN: number; NOT_RATED: number } }) {
  const shown = (["RED", "AMBER", "GREEN", "NOT_RATED"] as const).filter((rag) => counts[rag] > 0);
  if (shown.length === 0) return <span className="govuk-hint govuk-!-margin-0">No actions</span>;
  return (
    <span className="app-rag-counts">
      {shown.map((rag) => (
        <RagTag key={rag} rag={rag} count={counts[rag]} />
      ))}
    </span>
  );
}
