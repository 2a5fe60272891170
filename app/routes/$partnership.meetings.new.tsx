import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meeting-forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { MeetingSchema } from "~/modules/meetings/meeting-schema";
import { createMeeting, listBoardChoices } from "~/modules/meetings/meetings.server";

export const meta: MetaFunction = () => [{ title: "Add a meeting - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, boards: await listBoardChoices(actor) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createMeeting(actor, submission.value, partnership.timeZone);
  if (result.status !== "saved") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  return redirect(`/${partnership.slug}/meetings/${result.id}?saved=created`);
}

export default function NewMeeting() {
  const { slug, boards } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${slug}/meetings`} className="govuk-back-link">
          Back to meetings
        </Link>
        <h1 className="govuk-heading-l">Add a meeting</h1>
        <MeetingForm
          lastResult={actionData?.result}
          defaultValue={{ boardId: boards.length === 1 ? boards[0]!.id : undefined }}
          boards={boards}
          submitLabel="Add meeting"
          cancelTo={`/${slug}/meetings`}
        />
      </div>
    </div>
  );
}
