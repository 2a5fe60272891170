import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listMeetings } from "~/modules/meetings/meetings.server";
import { formatCalendarDate, formatTimeOfDay } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Meetings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, ...(await listMeetings(actor, partnership.timeZone)) };
}

type Listed = Awaited<ReturnType<typeof loader>>["upcoming"][number];

function MeetingTable({ meetings, caption, slug }: { meetings: Listed[]; caption: string; slug: string }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m govuk-visually-hidden">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Date</th>
          <th scope="col" className="govuk-table__header">Board</th>
          <th scope="col" className="govuk-table__header">Where</th>
          <th scope="col" className="govuk-table__header">Add to calendar</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {meetings.map((meeting) => (
          <tr key={meeting.id} className="govuk-table__row">
            <td className="govuk-table__cell">
              <Link to={`/${slug}/meetings/${meeting.id}`} className="govuk-link">
                {`${formatCalendarDate(meeting.heldOn)}${meeting.startTime ? `, ${formatTimeOfDay(meeting.startTime)}` : ""}`}
              </Link>
            </td>
            <td className="govuk-table__cell">{meeting.board.name}</td>
            <td className="govuk-table__cell">{[meeting.place, meeting.onlineUrl ? "Online" : null].filter(Boolean).join(" and ")}</td>
            <td className="govuk-table__cell">
              <a href={`/${slug}/meetings/${meeting.id}/calendar.ics`} className="govuk-link" download>
                {"Calendar file"}
                <span className="govuk-visually-hidden">{` for the ${meeting.board.name} meeting on ${formatCalendarDate(meeting.heldOn)}`}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function MeetingsPage() {
  const { slug, upcoming, past, canManage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <>
      {searchParams.get("saved") === "cancelled" ? <SuccessBanner heading="Meeting cancelled" /> : null}
      <h1 className="govuk-heading-xl">Meetings</h1>
      {canManage ? (
        <Link to={`/${slug}/meetings/new`} className="govuk-button" data-module="govuk-button">
          Add a meeting
        </Link>
      ) : null}
      <h2 className="govuk-heading-l" id="upcoming-meetings">Upcoming meetings</h2>
      {upcoming.length === 0 ? (
        <p className="govuk-body">No meetings are scheduled.</p>
      ) : (
        <MeetingTable meetings={upcoming} caption="Upcoming meetings" slug={slug} />
      )}
      <h2 className="govuk-heading-l" id="past-meetings">Past meetings</h2>
      {past.length === 0 ? (
        <p className="govuk-body">No past meetings have been recorded.</p>
      ) : (
        <MeetingTable meetings={past} caption="Past meetings" slug={slug} />
      )}
    </>
  );
}
