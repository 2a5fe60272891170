import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meeting-forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { MeetingSchema } from "~/modules/meetings/meeting-schema";
import { getMeetingForEdit, listBoardChoices, timeInputValue, updateMeeting } from "~/modules/meetings/meetings.server";
import { dateInputValue } from "~/utils/form-schemas";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Edit the meeting - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meeting = await getMeetingForEdit(actor, params.meetingId ?? "");
  invariantResponse(meeting, "Meeting not found");
  return { slug: partnership.slug, meeting, boards: await listBoardChoices(actor) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema });
  if (submission.status !== "success") {
    // A stranger's id is a 404 whatever they typed.
    invariantResponse(await getMeetingForEdit(actor, params.meetingId ?? ""), "Meeting not found");
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await updateMeeting(actor, params.meetingId ?? "", submission.value, partnership.timeZone);
  invariantResponse(result, "Meeting not found");
  if (result.status !== "saved") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${result.id}?saved=edited`);
}

export default function EditMeeting() {
  const { slug, meeting, boards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/${slug}/meetings/${meeting.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back to the meeting
        </Link>
        <h1 className="govuk-heading-l">Edit the meeting</h1>
        <MeetingForm
          lastResult={actionData?.result}
          defaultValue={{
            boardId: meeting.boardId,
            heldOn: dateInputValue(meeting.heldOn),
            startTime: timeInputValue(meeting.startTime),
            place: meeting.place ?? undefined,
            onlineUrl: meeting.onlineUrl ?? undefined,
          }}
          boards={boards}
          submitLabel="Save meeting"
          cancelTo={back}
        />
        <p className="govuk-body">
          <Link to={`/${slug}/meetings/${meeting.id}/cancel`} className="govuk-link">
            Cancel this meeting
          </Link>
        </p>
      </div>
    </div>
  );
}
