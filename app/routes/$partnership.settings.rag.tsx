// The partnership's RAG rule: how far a figure may miss its target and be amber.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { RagSettingsSchema } from "~/modules/rag/rag-schema";
import { getRagSettings, saveRagSettings } from "~/modules/rag/rag-settings.server";

export const meta: MetaFunction = () => [{ title: "RAG rules - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { partnershipSlug: partnership.slug, ...(await getRagSettings(actor)), saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: RagSettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveRagSettings(actor, submission.value);
  return redirect(`/${partnership.slug}/settings/rag?saved`);
}

export default function RagSettings() {
  const { partnershipSlug, tolerance, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { tolerance },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RagSettingsSchema }),
  });
  const errors = summariseErrors(form, [fields.tolerance]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/settings`} className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} />
        {saved && errors.length === 0 ? <SuccessBanner heading="RAG rules saved" /> : null}
        <h1 className="govuk-heading-l">RAG rules</h1>
        <p className="govuk-body">Every indicator&apos;s RAG is worked out from its latest figure, never typed:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>with a target value: green when it is met, amber when it is missed by no more than the tolerance, red beyond it</li>
          <li>with a target that is only a direction: against the baseline, green when better, amber when unchanged, red when worse</li>
          <li>grey when there is no figure yet</li>
        </ul>
        <Form method="post" {...getFormProps(form)} noValidate>
          <div className="govuk-form-group">
            <TextField
              field={fields.tolerance}
              label="Tolerance"
              hint="A percent of the target for counts and rates (5 makes 105 amber against a target of 100), and percentage points for percentages (5 makes 55% amber against 60%)"
              className="govuk-input--width-4"
            />
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save RAG rules
          </button>
        </Form>
      </div>
    </div>
  );
}
