import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PaperForm } from "~/components/meeting-forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getAgendaItemForEdit } from "~/modules/meetings/agenda.server";
import { PaperSchema } from "~/modules/meetings/meeting-schema";
import { addPaperFromUpload } from "~/modules/meetings/papers.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Add a paper - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getAgendaItemForEdit(actor, params.meetingId ?? "", params.itemId ?? "");
  invariantResponse(found, "Agenda item not found");
  return { slug: partnership.slug, meeting: found.meeting, item: { id: found.item.id, number: found.item.number, title: found.item.title } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const result = await addPaperFromUpload(actor, params.meetingId ?? "", params.itemId ?? "", request);
  invariantResponse(result, "Agenda item not found");
  if (result.status !== "saved") {
    const formData = new FormData();
    for (const [key, value] of Object.entries(result.fields)) formData.set(key, value);
    const submission = parseWithZod(formData, { schema: PaperSchema });
    return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirect(`/${partnership.slug}/meetings/${params.meetingId}?saved=paper-added#agenda`);
}

export default function NewPaper() {
  const { slug, meeting, item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const back = `/${slug}/meetings/${meeting.id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={back} className="govuk-back-link">
          Back to the meeting
        </Link>
        <span className="govuk-caption-l">{`Item ${item.number}: ${item.title}`}</span>
        <h1 className="govuk-heading-l">Add a paper</h1>
        <PaperForm lastResult={actionData?.result} defaultValue={{ kind: "file" }} cancelTo={back} />
      </div>
    </div>
  );
}
