import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { SuccessBanner } from "~/components/notification-banner";
import { Prose } from "~/components/prose";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { moveAgendaItem } from "~/modules/meetings/agenda.server";
import { getMeeting } from "~/modules/meetings/meetings.server";
import { removePaper } from "~/modules/meetings/papers.server";
import { formatCalendarDate, formatTimeOfDay } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.meeting.board.name} meeting, ${formatCalendarDate(data.meeting.heldOn)} - Safer Partnerships` : "Meeting - Safer Partnerships" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getMeeting(actor, params.meetingId ?? "", partnership.timeZone);
  invariantResponse(found, "Meeting not found");
  return { slug: partnership.slug, ...found };
}

const PageAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.enum(["move-up", "move-down"]), itemId: z.string() }),
  z.object({ intent: z.literal("remove-paper"), paperId: z.string() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meetingId = params.meetingId ?? "";
  const parsed = PageAction.safeParse(Object.fromEntries(await request.formData()));
  invariantResponse(parsed.success, "Reload the page and try again", 400);
  const input = parsed.data;
  if (input.intent === "remove-paper") {
    invariantResponse(await removePaper(actor, meetingId, input.paperId), "Paper not found");
    return redirect(`/${partnership.slug}/meetings/${meetingId}?saved=paper-removed#agenda`);
  }
  invariantResponse(await moveAgendaItem(actor, meetingId, input.itemId, input.intent === "move-up" ? "up" : "down"), "Agenda item not found");
  return redirect(`/${partnership.slug}/meetings/${meetingId}#item-${input.itemId}`);
}

const SAVED: Record<string, string> = {
  created: "Meeting added",
  edited: "Meeting saved",
  "item-added": "Agenda item added",
  "item-edited": "Agenda item saved",
  "item-removed": "Agenda item removed",
  "paper-added": "Paper added",
  "paper-removed": "Paper removed",
};

function fileSize(bytes: number) {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const FILE_KINDS: Record<string, string> = {
  "application/pdf": "PDF",
  "text/csv": "CSV",
  "text/plain": "Text",
};

export default function MeetingPage() {
  const { slug, meeting, canRecord, canManage } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const saved = SAVED[searchParams.get("saved") ?? ""];
  const base = `/${slug}/meetings/${meeting.id}`;
  const items = meeting.agendaItems;
  return (
    <>
      {saved ? <SuccessBanner heading={saved} /> : null}
      <Link to={`/${slug}/meetings`} className="govuk-back-link">
        Back to meetings
      </Link>
      <span className="govuk-caption-xl">{meeting.board.name}</span>
      <h1 className="govuk-heading-xl">{`Meeting on ${formatCalendarDate(meeting.heldOn)}`}</h1>
      {meeting.recordedAsPast ? <p className="govuk-inset-text">Recorded after the meeting was held. Nothing was sent for it.</p> : null}
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Date</dt>
          <dd className="govuk-summary-list__value">{formatCalendarDate(meeting.heldOn)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Start time</dt>
          <dd className="govuk-summary-list__value">{meeting.startTime ? formatTimeOfDay(meeting.startTime) : "Not recorded"}</dd>
        </div>
        {meeting.place ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Place</dt>
            <dd className="govuk-summary-list__value">{meeting.place}</dd>
          </div>
        ) : null}
        {meeting.onlineUrl ? (
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Online</dt>
            <dd className="govuk-summary-list__value">
              <a href={meeting.onlineUrl} className="govuk-link" rel="noreferrer noopener">
                Join the meeting online
              </a>
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="govuk-button-group">
        <a href={`${base}/calendar.ics`} className="govuk-button govuk-button--secondary" data-module="govuk-button" download>
          Add to calendar
        </a>
        {canManage ? (
          <Link to={`${base}/edit`} className="govuk-link">
            Edit the meeting
          </Link>
        ) : null}
        {canManage ? (
          <Link to={`${base}/digest`} className="govuk-link">
            Briefing e-mail to members
          </Link>
        ) : null}
      </div>

      <h2 className="govuk-heading-l" id="agenda">
        Agenda
      </h2>
      {items.length === 0 ? <p className="govuk-body">No agenda items yet.</p> : null}
      <ol className="govuk-list app-agenda">
        {items.map((item, index) => (
          <li key={item.id} id={`item-${item.id}`} className="govuk-!-margin-bottom-7">
            <h3 className="govuk-heading-m">{`${item.number}. ${item.title}`}</h3>
            <dl className="govuk-summary-list govuk-summary-list--no-border">
              {item.reportOf ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Report of</dt>
                  <dd className="govuk-summary-list__value">{item.reportOf}</dd>
                </div>
              ) : null}
              {item.purpose ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Purpose</dt>
                  <dd className="govuk-summary-list__value">
                    <Prose text={item.purpose} />
                  </dd>
                </div>
              ) : null}
              {item.decisionSought ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Decision sought</dt>
                  <dd className="govuk-summary-list__value">
                    <Prose text={item.decisionSought} />
                  </dd>
                </div>
              ) : null}
              {item.priorities.length > 0 ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Priorities</dt>
                  <dd className="govuk-summary-list__value">
                    <ul className="govuk-list">
                      {item.priorities.map(({ priority }) => (
                        <li key={priority.id}>
                          <Link to={`/${slug}/priorities/${priority.id}`} className="govuk-link">{`${priority.number}. ${priority.title}`}</Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {item.indicators.length > 0 ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Indicators</dt>
                  <dd className="govuk-summary-list__value">
                    <ul className="govuk-list">
                      {item.indicators.map(({ indicator }) => (
                        <li key={indicator.id}>
                          <Link to={`/${slug}/indicators/${indicator.id}`} className="govuk-link">
                            {indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
              {item.decision ? (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Decision</dt>
                  <dd className="govuk-summary-list__value">
                    <Prose text={item.decision} />
                  </dd>
                </div>
              ) : null}
            </dl>
            {item.papers.length > 0 ? (
              <>
                <h4 className="govuk-heading-s">Papers</h4>
                <ul className="govuk-list">
                  {item.papers.map((paper) => (
                    <li key={paper.id}>
                      {paper.url ? (
                        <a href={paper.url} className="govuk-link" rel="noreferrer noopener">
                          {paper.title}
                        </a>
                      ) : (
                        <a href={`${base}/papers/${paper.id}`} className="govuk-link" download>
                          {`${paper.title} (${FILE_KINDS[paper.contentType ?? ""] ?? "document"}, ${fileSize(paper.size ?? 0)})`}
                        </a>
                      )}
                      {canManage ? (
                        <Form method="post" className="app-inline-form">
                          <input type="hidden" name="paperId" value={paper.id} />
                          <button type="submit" name="intent" value="remove-paper" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2 app-button--small">
                            Remove<span className="govuk-visually-hidden">{` paper ${paper.title}`}</span>
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {canManage ? (
              <div className="govuk-button-group">
                <Link to={`${base}/items/${item.id}/edit`} className="govuk-link">
                  Edit<span className="govuk-visually-hidden">{` item ${item.number}`}</span>
                </Link>
                <Link to={`${base}/items/${item.id}/papers/new`} className="govuk-link">
                  Add a paper<span className="govuk-visually-hidden">{` to item ${item.number}`}</span>
                </Link>
                <Form method="post" className="govuk-button-group govuk-!-margin-bottom-0">
                  <input type="hidden" name="itemId" value={item.id} />
                  {index > 0 ? (
                    <button type="submit" name="intent" value="move-up" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      Move up<span className="govuk-visually-hidden">{` item ${item.number}`}</span>
                    </button>
                  ) : null}
                  {index < items.length - 1 ? (
                    <button type="submit" name="intent" value="move-down" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
                      Move down<span className="govuk-visually-hidden">{` item ${item.number}`}</span>
                    </button>
                  ) : null}
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {canManage ? (
        <Link to={`${base}/items/new`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add an agenda item
        </Link>
      ) : null}
      {canRecord || meeting.attendances.length > 0 || meeting.actionsArising.length > 0 ? <MeetingRecord /> : null}
    </>
  );
}

function MeetingRecord() {
  const { slug, meeting, boardMembers, canManage } = useLoaderData<typeof loader>();
  const status = new Map(meeting.attendances.map((a) => [a.boardMemberId, a.status]));
  const label = { PRESENT: "Present", APOLOGIES: "Apologies", ABSENT: "Absent" } as const;
  const recorded = meeting.attendances.length > 0 || meeting.otherAttendees || meeting.actionsArising.length > 0;
  return (
    <>
      <h2 className="govuk-heading-l" id="record">
        After the meeting
      </h2>
      {!recorded ? <p className="govuk-body">Attendance and actions arising have not been recorded yet.</p> : null}
      {meeting.attendances.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Attendance</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Board member</th>
              <th scope="col" className="govuk-table__header">Attendance</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {boardMembers.map((member) => (
              <tr key={member.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">{`${member.person.name}${member.agency ? ` (${member.agency.name})` : ""}`}</th>
                <td className="govuk-table__cell">{status.has(member.id) ? label[status.get(member.id)!] : "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {meeting.otherAttendees ? (
        <>
          <h3 className="govuk-heading-m">Also attending</h3>
          <Prose text={meeting.otherAttendees} />
        </>
      ) : null}
      {meeting.actionsArising.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Actions arising</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Action</th>
              <th scope="col" className="govuk-table__header">Owner</th>
              <th scope="col" className="govuk-table__header">Due</th>
              <th scope="col" className="govuk-table__header">In the delivery plan</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {meeting.actionsArising.map((arising) => (
              <tr key={arising.id} className="govuk-table__row">
                <td className="govuk-table__cell">{arising.title}</td>
                <td className="govuk-table__cell">{arising.ownerAgency?.name ?? "Not recorded"}</td>
                <td className="govuk-table__cell">{arising.dueOn ? formatCalendarDate(arising.dueOn) : "Not recorded"}</td>
                <td className="govuk-table__cell">
                  {arising.actionId ? (
                    <Link to={`/${slug}/actions/${arising.actionId}`} className="govuk-link">
                      View action<span className="govuk-visually-hidden">{` ${arising.title}`}</span>
                    </Link>
                  ) : (
                    "Not yet"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canManage ? (
        <Link to={`/${slug}/meetings/${meeting.id}/record`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Record attendance, decisions and actions
        </Link>
      ) : null}
    </>
  );
}
