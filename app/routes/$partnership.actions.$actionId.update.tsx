import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConflictNotice } from "~/components/conflict";
import { DateField, ErrorSummary, RadiosField, summariseErrors, TextareaField } from "~/components/forms";
import { RagTag } from "~/components/rag-tag";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ProgressUpdateSchema } from "~/modules/actions/action-schema";
import { getActionForUpdate, updateActionProgress } from "~/modules/actions/actions.server";
import { formatCalendarDate } from "~/utils/dates";
import { dateInputValue } from "~/utils/form-schemas";
import { invariantResponse } from "~/utils/http";
import { ACTION_STATUS_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Update progress: ${data?.action.title ?? "action"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getActionForUpdate(actor, params.actionId ?? "");
  invariantResponse(found, "Action not found");
  return { partnershipSlug: partnership.slug, action: found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: ProgressUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null }, { status: 400 });
  const result = await updateActionProgress(actor, params.actionId ?? "", submission.value, partnership.timeZone);
  invariantResponse(result, "Action not found");
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), conflict: null }, { status: 400 });
  if (result.status === "conflict") return data({ result: submission.reply(), conflict: result }, { status: 409 });
  return redirect(`/${partnership.slug}/actions/${result.actionId}?saved=progress`);
}

export default function UpdateActionProgress() {
  const { partnershipSlug, action: item } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const conflict = actionData?.conflict;
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: {
      status: item.status,
      rag: item.rag ?? undefined,
      revisedDueOn: dateInputValue(item.revisedDueOn),
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgressUpdateSchema }),
  });
  const errors = summariseErrors(form, [fields.status, fields.rag, fields.note, fields.noteDate, fields.revisedDueOn]);
  const version = conflict?.current.version ?? item.version;
  const typed = actionData?.result.initialValue as Record<string, unknown> | undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/actions/${item.id}`} className="govuk-back-link">
          Back to the action
        </Link>
        <ErrorSummary errors={errors} />
        {conflict ? (
          <ConflictNotice
            thing="action"
            changedBy={conflict.changedBy}
            changedAt={conflict.changedAt}
            rows={[
              { label: "Status", theirs: ACTION_STATUS_LABELS[conflict.current.status], yours: statusLabel(typed?.status) },
              { label: "RAG", theirs: <RagTag rag={conflict.current.rag} />, yours: ragTag(typed?.rag) },
              {
                label: "Latest note",
                theirs: conflict.current.latestNote ? `${formatCalendarDate(conflict.current.latestNote.writtenOn)}: ${conflict.current.latestNote.body}` : "None",
                yours: typeof typed?.note === "string" && typed.note ? typed.note : "None",
              },
            ]}
          />
        ) : null}
        <span className="govuk-caption-l">Update progress</span>
        <h1 className="govuk-heading-l">{item.title}</h1>
        {item.originalDueOn ? (
          <p className="govuk-body">{`Originally due ${formatCalendarDate(item.originalDueOn)}${item.revisedDueOn ? `, now due ${formatCalendarDate(item.revisedDueOn)}` : ""}.`}</p>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="version" value={version} />
          <RadiosField
            field={fields.status}
            label="Progress status"
            options={(["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "DROPPED"] as const).map((value) => ({ value, label: ACTION_STATUS_LABELS[value] }))}
          />
          <RadiosField
            field={fields.rag}
            label="RAG rating"
            hint="How confident are you that the action will be delivered on time?"
            options={[
              { value: "GREEN", label: "Green", hint: "On track" },
              { value: "AMBER", label: "Amber", hint: "At risk: some slippage or a problem being dealt with" },
              { value: "RED", label: "Red", hint: "Off track: the board needs to know" },
            ]}
          />
          <TextareaField field={fields.note} label="Progress note" hint="Required when the rating is red or amber. Say what has happened and what is being done." rows={6} />
          <DateField field={fields.noteDate} label="Date of the note" hint="Leave blank for today. For example, 27 3 2026" />
          <DateField
            field={fields.revisedDueOn}
            label="Revised due date (optional)"
            hint="If the action will finish later than planned. The original due date stays on record."
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save progress
          </button>
        </Form>
      </div>
    </div>
  );
}

function statusLabel(value: unknown) {
  return typeof value === "string" && value in ACTION_STATUS_LABELS ? ACTION_STATUS_LABELS[value as keyof typeof ACTION_STATUS_LABELS] : "None";
}

function ragTag(value: unknown) {
  return value === "RED" || value === "AMBER" || value === "GREEN" ? <RagTag rag={value} /> : "None";
}
