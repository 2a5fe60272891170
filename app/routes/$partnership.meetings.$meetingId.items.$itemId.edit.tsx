import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaItemForm } from "~/components/meeting-forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getAgendaItemForEdit, listAgendaLinkChoices, removeAgendaItem, updateAgendaItem } from "~/modules/meetings/agenda.server";
import { AgendaItemSchema } from "~/modules/meetings/meeting-schema";
import { formatCalendarDate } from "~/utils/dates";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Edit the agenda item - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getAgendaItemForEdit(actor, params.meetingId ?? "", params.itemId ?? "");
  invariantResponse(found, "Agenda item not found");
  return { slug: partnership.slug, ...found, ...(await listAgendaLinkChoices(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const meetingId = params.meetingId ?? "";
  const itemId = params.itemId ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "remove") {
    invariantResponse(await removeAgendaItem(actor, meetingId, itemId), "Agenda item not found");
    return redirect(`/${partnership.slug}/meetings/${meetingId}?saved=item-removed#agenda`);
  }
  const submission = parseWithZod(formData, { schema: AgendaItemSchema });
  if (submission.status !== "success") {
    invariantResponse(await getAgendaItemForEdit(actor, meetingId, itemId), "Agenda item not found");
    return data({ result: submission.reply() }, { status: 400 });
  }
  const result = await updateAgendaItem(actor, meetingId, itemId, submission.value);
  invariantResponse(result, "Agenda item not found");
  if (result.status !== "saved") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${meetingId}?saved=item-edited#agenda`);
}

export default function EditAgendaItem() {
  const { slug, meeting, item, priorities, indicators } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/${slug}/meetings/${meeting.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back to the meeting
        </Link>
        <span className="govuk-caption-l">{`${meeting.board.name}, ${formatCalendarDate(meeting.heldOn)}`}</span>
        <h1 className="govuk-heading-l">{`Edit agenda item ${item.number}`}</h1>
        <AgendaItemForm
          lastResult={actionData?.result}
          defaultValue={{
            number: item.number,
            title: item.title,
            reportOf: item.reportOf ?? undefined,
            purpose: item.purpose ?? undefined,
            decisionSought: item.decisionSought ?? undefined,
            priorityIds: item.priorities.map((p) => p.priorityId),
            indicatorIds: item.indicators.map((i) => i.indicatorId),
          }}
          priorities={priorities}
          indicators={indicators}
          submitLabel="Save item"
          cancelTo={back}
        />
        <h2 className="govuk-heading-m">Remove the item</h2>
        <p className="govuk-body">Its papers are removed with it.</p>
        <Form method="post">
          <button type="submit" name="intent" value="remove" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Remove item from the agenda
          </button>
        </Form>
      </div>
    </div>
  );
}
