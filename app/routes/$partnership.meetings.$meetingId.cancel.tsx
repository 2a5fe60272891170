import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { cancelMeeting, getMeetingForEdit } from "~/modules/meetings/meetings.server";
import { formatCalendarDate } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Cancel the meeting - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meeting = await getMeetingForEdit(actor, params.meetingId ?? "");
  invariantResponse(meeting, "Meeting not found");
  return { slug: partnership.slug, meeting };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  invariantResponse(await cancelMeeting(actor, params.meetingId ?? ""), "Meeting not found");
  return redirect(`/${partnership.slug}/meetings?saved=cancelled`);
}

export default function CancelMeeting() {
  const { slug, meeting } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${slug}/meetings/${meeting.id}`} className="govuk-back-link">
          Back to the meeting
        </Link>
        <h1 className="govuk-heading-l">{`Cancel the ${meeting.board.name} meeting on ${formatCalendarDate(meeting.heldOn)}?`}</h1>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            The meeting, its agenda and its papers will be removed. This cannot be undone.
          </strong>
        </div>
        <Form method="post">
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Cancel meeting
            </button>
            <Link to={`/${slug}/meetings/${meeting.id}`} className="govuk-link">
              Keep the meeting
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}
