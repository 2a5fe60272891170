import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaItemForm } from "~/components/meeting-forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { addAgendaItem, getMeetingForAgenda, listAgendaLinkChoices } from "~/modules/meetings/agenda.server";
import { AgendaItemSchema } from "~/modules/meetings/meeting-schema";
import { formatCalendarDate } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Add an agenda item - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meeting = await getMeetingForAgenda(actor, params.meetingId ?? "");
  invariantResponse(meeting, "Meeting not found");
  return { slug: partnership.slug, meeting, ...(await listAgendaLinkChoices(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: AgendaItemSchema });
  if (submission.status !== "success") {
    invariantResponse(await getMeetingForAgenda(actor, params.meetingId ?? ""), "Meeting not found");
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await addAgendaItem(actor, params.meetingId ?? "", submission.value);
  invariantResponse(result, "Meeting not found");
  if (result.status !== "saved") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${params.meetingId}?saved=item-added#agenda`);
}

export default function NewAgendaItem() {
  const { slug, meeting, priorities, indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/${slug}/meetings/${meeting.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back to the meeting
        </Link>
        <span className="govuk-caption-l">{`${meeting.board.name}, ${formatCalendarDate(meeting.heldOn)}`}</span>
        <h1 className="govuk-heading-l">Add an agenda item</h1>
        <AgendaItemForm
          lastResult={actionData?.result}
          defaultValue={{}}
          priorities={priorities}
          indicators={indicators}
          submitLabel="Add item"
          cancelTo={back}
        />
      </div>
    </div>
  );
}
