import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice } from "~/components/conflict";
import { ErrorSummary, RadiosField, summariseErrors, TextareaField } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { CloseActionSchema } from "~/modules/actions/action-schema";
import { closeAction, getActionForUpdate } from "~/modules/actions/actions.server";
import { invariantResponse } from "~/utils/http";
import { ACTION_STATUS_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Close action - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getActionForUpdate(actor, params.actionId ?? "");
  invariantResponse(found, "Action not found");
  return { partnershipSlug: partnership.slug, action: found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: CloseActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await closeAction(actor, params.actionId ?? "", submission.value, partnership.timeZone);
  invariantResponse(result, "Action not found");
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 });
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result }, { status: 409 });
  return redirect(`/${partnership.slug}/actions/${result.actionId}?saved=closed`);
}

export default function CloseAction() {
  const { partnershipSlug, action: item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CloseActionSchema }),
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/actions/${item.id}`} className="govuk-back-link">
          Back to the action
        </Link>
        <ErrorSummary errors={summariseErrors(form, [fields.outcome, fields.note])} />
        {conflict ? (
          <ConflictNotice
            thing="action"
            changedBy={conflict.changedBy}
            changedAt={conflict.changedAt}
            rows={[{ label: "Status", theirs: ACTION_STATUS_LABELS[conflict.current.status], yours: "Closed" }]}
          />
        ) : null}
        <span className="govuk-caption-l">{item.title}</span>
        <h1 className="govuk-heading-l">Close this action</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="version" value={conflict?.current.version ?? item.version} />
          <RadiosField
            field={fields.outcome}
            label="Why is it closing?"
            options={[
              { value: "COMPLETE", label: "It is complete" },
              { value: "DROPPED", label: "It has been dropped", hint: "It will no longer be delivered" },
            ]}
          />
          <TextareaField field={fields.note} label="Closing note" hint="What was achieved, or why it was dropped" />
          <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
            Close action
          </button>
        </Form>
      </div>
    </div>
  );
}
