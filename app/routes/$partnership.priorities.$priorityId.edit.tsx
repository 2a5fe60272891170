import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice } from "~/components/conflict";
import { ErrorSummary, summariseErrors, TextareaField } from "~/components/forms";
import { Prose } from "~/components/prose";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { PriorityUpdateSchema } from "~/modules/priorities/priority-schema";
import { getPriorityForEdit, updatePriority } from "~/modules/priorities/priorities.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Update priority - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const priority = await getPriorityForEdit(actor, params.priorityId ?? "");
  invariantResponse(priority, "Priority not found");
  return { partnershipSlug: partnership.slug, priority };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: PriorityUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await updatePriority(actor, params.priorityId ?? "", submission.value);
  invariantResponse(result, "Priority not found");
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result }, { status: 409 });
  return redirect(`/${partnership.slug}/priorities/${params.priorityId}`);
}

export default function EditPriority() {
  const { partnershipSlug, priority } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  const typed = actionData?.result.initialValue as Record<string, unknown> | undefined;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { whatWeWillDo: priority.whatWeWillDo ?? "", progressSummary: priority.progressSummary ?? "" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PriorityUpdateSchema }),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/priorities/${priority.id}`} className="govuk-back-link">
          {`Back to priority ${priority.number}`}
        </Link>
        <ErrorSummary errors={summariseErrors(form, [fields.whatWeWillDo, fields.progressSummary])} />
        {conflict ? (
          <ConflictNotice
            thing="priority"
            changedBy={conflict.changedBy}
            changedAt={conflict.changedAt}
            rows={[
              { label: "What we will do", theirs: <Prose text={conflict.current.whatWeWillDo} empty="None" />, yours: <Prose text={String(typed?.whatWeWillDo ?? "")} empty="None" /> },
              { label: "Progress", theirs: <Prose text={conflict.current.progressSummary} empty="None" />, yours: <Prose text={String(typed?.progressSummary ?? "")} empty="None" /> },
            ]}
          />
        ) : null}
        <span className="govuk-caption-l">{`Priority ${priority.number}`}</span>
        <h1 className="govuk-heading-l">{priority.title}</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="version" value={conflict?.current.version ?? priority.version} />
          <TextareaField field={fields.whatWeWillDo} label="What we will do" rows={10} hint="Put each step on its own line" />
          <TextareaField field={fields.progressSummary} label="Progress summary" rows={8} hint="What the board should know about progress on this priority" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save priority
          </button>
        </Form>
      </div>
    </div>
  );
}
