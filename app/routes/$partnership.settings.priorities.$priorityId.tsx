// Add a priority (/settings/priorities/new) or edit one: number, title, why, what we
// will do, responsible board and one or more leads (an agency, a person, or both).
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { MAX_LEADS, PrioritySchema } from "~/modules/configuration/strategy-schema";
import { getPriorityForm, savePriority } from "~/modules/configuration/strategy.server";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.priority ? `Edit priority ${data.priority.number}` : "Add a priority"} - Safer Partnerships` },
];

const idOf = (param: string | undefined) => (param === "new" ? null : (param ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const form = await getPriorityForm(actor, idOf(params.priorityId));
  invariantResponse(form, "Priority not found");
  return { partnershipSlug: partnership.slug, setup: new URL(request.url).searchParams.has("setup"), ...form };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: PrioritySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await savePriority(actor, idOf(params.priorityId), submission.value);
  invariantResponse(result, "Priority not found");
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }), { status: 400 });
  const setup = new URL(request.url).searchParams.has("setup");
  return redirect(`/${partnership.slug}/settings/strategy?saved=priority${setup ? "&setup=1" : ""}`);
}

export default function PriorityForm() {
  const { partnershipSlug, setup, priority, nextNumber, options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const leads = [...(priority?.leads ?? [])].map((l) => ({ agencyId: l.agencyId ?? "", personId: l.personId ?? "" }));
  while (leads.length < MAX_LEADS) leads.push({ agencyId: "", personId: "" });
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      version: priority ? String(priority.version) : undefined,
      number: String(priority?.number ?? nextNumber),
      title: priority?.title ?? "",
      whyPriority: priority?.whyPriority ?? "",
      whatWeWillDo: priority?.whatWeWillDo ?? "",
      responsibleBoardId: priority?.responsibleBoardId ?? "",
      leads,
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PrioritySchema }),
  });
  const leadRows = fields.leads.getFieldList().slice(0, MAX_LEADS);
  while (leadRows.length < MAX_LEADS) leadRows.push(fields.leads.getFieldList()[leadRows.length] ?? leadRows[0]!);
  const leadFields = leadRows.map((row) => row.getFieldset());
  const firstLead = leadFields[0]!.agencyId;
  const errors = [
    ...summariseErrors(form, [fields.number, fields.title, fields.whyPriority, fields.whatWeWillDo, fields.responsibleBoardId]),
    ...(fields.leads.errors ?? []).map((message) => ({ fieldId: firstLead.id, message })),
    ...leadFields.flatMap((lead) => [lead.agencyId, lead.personId].flatMap((f) => (f.errors ?? []).map((message) => ({ fieldId: f.id, message })))),
  ];
  const query = setup ? "?setup=1" : "";
  const leadError = fields.leads.errors?.[0];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${partnershipSlug}/settings/strategy${query}`} className="govuk-back-link">
          Strategy and priorities
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{priority ? `Edit priority ${priority.number}` : "Add a priority"}</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          {priority ? <input type="hidden" name="version" value={priority.version} /> : null}
          <TextField field={fields.number} label="Number" hint="Priorities are shown in this order" className="govuk-input--width-2" />
          <TextField field={fields.title} label="Title" hint="Like Reduce residential burglary" />
          <TextareaField field={fields.whyPriority} label="Why it is a priority (optional)" />
          <TextareaField field={fields.whatWeWillDo} label="What we will do (optional)" hint="Put each step on its own line" />
          <SelectField
            field={fields.responsibleBoardId}
            label="Responsible board (optional)"
            placeholder="No board"
            options={options.boards.map((b) => ({ value: b.id, label: b.name }))}
          />
          <div className={`govuk-form-group${leadError ? " govuk-form-group--error" : ""}`}>
            <fieldset className="govuk-fieldset" aria-describedby={`leads-hint${leadError ? " leads-error" : ""}`}>
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Leads</legend>
              <div id="leads-hint" className="govuk-hint">
                Each lead is an agency, a named person, or both. Add at least one; joint leads take a row each.
              </div>
              {leadError ? (
                <p id="leads-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {leadError}
                </p>
              ) : null}
              {leadFields.map((lead, index) => (
                <div key={index} className="govuk-!-margin-bottom-4">
                  <SelectField
                    field={lead.agencyId}
                    label={`Lead ${index + 1}: agency`}
                    placeholder="No agency"
                    options={options.agencies.map((a) => ({ value: a.id, label: a.name }))}
                  />
                  <SelectField
                    field={lead.personId}
                    label={`Lead ${index + 1}: person`}
                    placeholder="No person"
                    options={options.people.map((p) => ({ value: p.id, label: p.jobTitle ? `${p.name}, ${p.jobTitle}` : p.name }))}
                  />
                </div>
              ))}
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {priority ? "Save priority" : "Add priority"}
          </button>
        </Form>
      </div>
    </div>
  );
}
