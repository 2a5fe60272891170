// A meeting's briefing e-mail, for its managers: preview exactly what a named member
// will receive, send it now (or approve it, for a board whose briefings need approval),
// and see how the send went and whom it cannot reach.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getDigestPage, sendDigestNow } from "~/modules/digest/report.server";
import { digestOptOutReport } from "~/modules/digest/unsubscribe-report.server";
import { formatCalendarDate, formatInstant } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Briefing e-mail, ${data.page.meeting.boardName} meeting on ${formatCalendarDate(data.page.meeting.heldOn)} - Safer Partnerships` : "Briefing e-mail - Safer Partnerships" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  const page = await getDigestPage(actor, params.meetingId ?? "", url.searchParams.get("member"));
  invariantResponse(page, "Meeting not found");
  const optOuts = await digestOptOutReport(actor, params.meetingId ?? "");
  return { slug: partnership.slug, timeZone: partnership.timeZone, page, optOuts, sent: url.searchParams.get("sent") === "1" };
}

const SendForm = z.object({ intent: z.literal("send") });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meetingId = params.meetingId ?? "";
  invariantResponse(SendForm.safeParse(Object.fromEntries(await request.formData())).success, "Reload the page and try again", 400);
  const result = await sendDigestNow(actor, meetingId);
  invariantResponse(result, "Meeting not found");
  if (result.status === "refused") return data({ refused: result.message }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${meetingId}/digest?sent=1`);
}

const RUN_STATUS = { SENDING: "Sending", SENT: "Sent", FAILED: "Finished, with failures" } as const;

export default function DigestPage() {
  const { slug, timeZone, page, optOuts, sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { meeting, board, report, member, preview } = page;
  const base = `/${slug}/meetings/${meeting.id}`;
  const heldOn = new Date(meeting.heldOn);
  const closed = meeting.isPast || meeting.recordedAsPast;
  const unsubscribed = new Set(optOuts?.unsubscribed.map((person) => person.personId));
  const reachable = page.members.filter((m) => m.email !== null && !unsubscribed.has(m.personId)).length;
  return (
    <>
      {sent ? (
        <SuccessBanner heading="The briefing is being sent">
          <p className="govuk-body">Each member with an e-mail address gets it once. This page shows how the send is going.</p>
        </SuccessBanner>
      ) : null}
      {actionData?.refused ? (
        <div className="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{actionData.refused}</p>
            </div>
          </div>
        </div>
      ) : null}
      <Link to={base} className="govuk-back-link">
        Back to the meeting
      </Link>
      <span className="govuk-caption-xl">{meeting.boardName}</span>
      <h1 className="govuk-heading-xl">{`Briefing e-mail for the meeting on ${formatCalendarDate(heldOn)}`}</h1>

      {closed ? (
        <p className="govuk-inset-text">The meeting has already happened: no briefing is sent for it.</p>
      ) : (
        <p className="govuk-body">
          {board.digestNeedsApproval
            ? `The board's briefings need a manager's approval: nothing goes until you approve it. Once approved it goes at once.`
            : `It goes automatically on ${formatCalendarDate(new Date(board.dueOn))}, ${board.digestDaysBefore} days before the meeting, to every member with an e-mail address. You can send it earlier.`}{" "}
          <Link to={`/${slug}/settings/boards/${meeting.boardId}#briefing-settings`} className="govuk-link">
            Change the board&apos;s briefing settings
          </Link>
        </p>
      )}

      <h2 className="govuk-heading-l" id="status">
        Sending
      </h2>
      {report.run ? (
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Status</dt>
            <dd className="govuk-summary-list__value">{RUN_STATUS[report.run.status]}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Started</dt>
            <dd className="govuk-summary-list__value">{formatInstant(new Date(report.run.startedAt), timeZone)}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Sent</dt>
            <dd className="govuk-summary-list__value">{`${report.counts.sent} of ${report.run.recipientCount}`}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Waiting to send</dt>
            <dd className="govuk-summary-list__value">{report.counts.pending}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Failed</dt>
            <dd className="govuk-summary-list__value">{report.counts.failed}</dd>
          </div>
        </dl>
      ) : (
        <p className="govuk-body">{closed ? "Nothing was sent." : `Not sent yet. It will go to ${reachable} of the board's ${page.members.length} members.`}</p>
      )}
      {report.failed.length > 0 ? (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">Could not be sent</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Member</th>
              <th scope="col" className="govuk-table__header">Address</th>
              <th scope="col" className="govuk-table__header">Tries</th>
              <th scope="col" className="govuk-table__header">Error</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {report.failed.map((failure) => (
              <tr key={failure.personId} className="govuk-table__row">
                <td className="govuk-table__cell">{failure.name}</td>
                <td className="govuk-table__cell">{failure.email}</td>
                <td className="govuk-table__cell">{failure.attempts}</td>
                <td className="govuk-table__cell">{failure.lastError ?? "Not recorded"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.unreachable.length > 0 ? (
        <>
          <h3 className="govuk-heading-m">Not reachable</h3>
          <p className="govuk-body">These members have no e-mail address, so they will not get the briefing. Add an address in named people to include them.</p>
          <ul className="govuk-list govuk-list--bullet" id="unreachable">
            {report.unreachable.map((person) => (
              <li key={person.personId}>{`${person.name}: no e-mail address`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {optOuts && (optOuts.unsubscribed.length > 0 || optOuts.bounced.length > 0) ? (
        <>
          <h3 className="govuk-heading-m">Unsubscribed or bounced</h3>
          <p className="govuk-body">These members will not get the briefing: they unsubscribed from this board&apos;s briefings, or mail to their address bounced.</p>
          <ul className="govuk-list govuk-list--bullet" id="opted-out">
            {optOuts.unsubscribed.map((person) => (
              <li key={`u-${person.personId}`}>{`${person.name}: unsubscribed`}</li>
            ))}
            {optOuts.bounced.map((person) => (
              <li key={`b-${person.personId}`}>{`${person.name}: mail to ${person.email} bounced`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {!closed && !report.run ? (
        <Form method="post">
          <button type="submit" name="intent" value="send" className="govuk-button" data-module="govuk-button">
            {board.digestNeedsApproval ? "Approve and send now" : "Send now"}
          </button>
        </Form>
      ) : null}

      <h2 className="govuk-heading-l" id="preview">
        Preview
      </h2>
      {page.members.length === 0 ? (
        <p className="govuk-body">The board has no members yet.</p>
      ) : (
        <Form method="get" className="govuk-!-margin-bottom-6">
          <div className="govuk-form-group">
            <label className="govuk-label" htmlFor="member">
              Show the e-mail for
            </label>
            <select id="member" name="member" className="govuk-select" defaultValue={member?.personId}>
              {page.members.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.email ? m.name : `${m.name} (no e-mail address)`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Show preview
          </button>
        </Form>
      )}
      {member && preview ? (
        <>
          <h3 className="govuk-heading-m">{`What ${member.name} ${preview.stored ? "was sent" : "will receive"}`}</h3>
          {member.email ? null : <p className="govuk-inset-text">{`${member.name} has no e-mail address: this is what they would receive if they had one.`}</p>}
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">To</dt>
              <dd className="govuk-summary-list__value">{member.email ?? "No e-mail address"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Subject</dt>
              <dd className="govuk-summary-list__value" id="preview-subject">
                {preview.subject}
              </dd>
            </div>
          </dl>
          <p className="govuk-body">
            <a href={`${base}/digest/email?member=${member.personId}`} className="govuk-link">
              {`Open the e-mail as ${member.name} will see it`}
            </a>
          </p>
          <h4 className="govuk-heading-s">Plain text version</h4>
          <pre className="app-digest-text" id="preview-text">
            {preview.text}
          </pre>
        </>
      ) : null}
    </>
  );
}
