// Settings: the partnership's agencies. Add them from templates by kind, or one by one.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxesField, ErrorSummary, RadiosField, SelectField, summariseErrors, TextField } from "~/components/forms";
import { isSetupMode, SetupStepActions } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { addAgenciesFromTemplates, listAgencySettings, saveAgency } from "~/modules/configuration/agencies.server";
import { AGENCY_KIND_LABELS, AGENCY_KIND_OPTIONS, AgencySchema, AgencyTemplatesSchema } from "~/modules/configuration/agency-schema";

export const meta: MetaFunction = () => [{ title: "Partner agencies - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, setup: isSetupMode(request), ...(await listAgencySettings(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const formData = await request.formData();
  const back = `/${partnership.slug}/settings/agencies${isSetupMode(request) ? "?setup=1" : ""}`;
  if (formData.get("intent") === "add-templates") {
    const submission = parseWithZod(formData, { schema: AgencyTemplatesSchema });
    if (submission.status !== "success") return data({ form: "templates" as const, result: submission.reply() }, { status: 400 });
    const result = await addAgenciesFromTemplates(actor, submission.value.templates);
    if (result.status === "invalid") {
      return data({ form: "templates" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    }
    return redirect(back);
  }
  const submission = parseWithZod(formData, { schema: AgencySchema });
  if (submission.status !== "success") return data({ form: "agency" as const, result: submission.reply() }, { status: 400 });
  const result = await saveAgency(actor, null, submission.value);
  if (result.status === "invalid") {
    return data({ form: "agency" as const, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
  }
  return redirect(back);
}

export default function AgencySettings() {
  const { slug, setup, agencies, archived, templates, parentChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [templateForm, templateFields] = useForm<{ intent: string; templates: string[] }>({
    id: "templates",
    lastResult: actionData?.form === "templates" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
  });
  const [agencyForm, agencyFields] = useForm<Record<"intent" | "name" | "shortName" | "kind" | "isGroup" | "parentAgencyId", string>>({
    id: "agency",
    lastResult: actionData?.form === "agency" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    defaultValue: { isGroup: "no" },
  });
  const errors = [
    ...summariseErrors(templateForm, [templateFields.templates]),
    ...summariseErrors(agencyForm, [agencyFields.name, agencyFields.shortName, agencyFields.kind, agencyFields.isGroup, agencyFields.parentAgencyId]),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={setup ? `/${slug}/setup` : `/${slug}/settings`} className="govuk-back-link">
          Back
        </Link>
        <h1 className="govuk-heading-l">Partner agencies</h1>
        <p className="govuk-body">The organisations that work together in the partnership. Agencies lead priorities, own actions and report indicators.</p>

        {agencies.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Agencies</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Kind</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {agencies.map((agency) => (
                <tr key={agency.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {agency.name}
                    {agency.shortName ? ` (${agency.shortName})` : ""}
                    {agency.parentAgency ? <span className="govuk-hint govuk-!-margin-0">{`Department of ${agency.parentAgency.name}`}</span> : null}
                    {agency.isGroup ? <span className="govuk-hint govuk-!-margin-0">A group of agencies</span> : null}
                  </td>
                  <td className="govuk-table__cell">{AGENCY_KIND_LABELS[agency.kind]}</td>
                  <td className="govuk-table__cell">
                    <Link to={`/${slug}/settings/agencies/${agency.id}`} className="govuk-link">
                      Change<span className="govuk-visually-hidden">{` ${agency.name}`}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">The partnership has no agencies yet.</p>
        )}

        {templates.length > 0 ? (
          <Form method="post" {...getFormProps(templateForm)} noValidate>
            <h2 className="govuk-heading-m">Add agencies most partnerships have</h2>
            <input type="hidden" name="intent" value="add-templates" />
            <CheckboxesField
              field={templateFields.templates}
              label="Choose the agencies to add"
              hint="You can change their names afterwards."
              options={templates.map((t) => ({ value: t.name, label: t.name, hint: AGENCY_KIND_LABELS[t.kind] }))}
            />
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Add chosen agencies
            </button>
          </Form>
        ) : null}

        <Form method="post" {...getFormProps(agencyForm)} noValidate>
          <h2 className="govuk-heading-m">Add another agency</h2>
          <input type="hidden" name="intent" value="save" />
          <TextField field={agencyFields.name} label="Agency name" />
          <TextField field={agencyFields.shortName} label="Short name (optional)" hint="For example, MPS" className="govuk-input--width-10" />
          <SelectField field={agencyFields.kind} label="Kind of agency" options={AGENCY_KIND_OPTIONS} placeholder="Choose a kind" />
          <RadiosField
            field={agencyFields.isGroup}
            label="Is it a group of agencies that leads together?"
            inline
            small
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <SelectField
            field={agencyFields.parentAgencyId}
            label="Part of another agency (optional)"
            hint="For a department, like a council's children's service"
            options={parentChoices.map((a) => ({ value: a.id, label: a.name }))}
            placeholder="Not part of another agency"
          />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Add agency
          </button>
        </Form>

        {archived.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Archived agencies</h2>
            <ul className="govuk-list">
              {archived.map((agency) => (
                <li key={agency.id}>
                  <Link to={`/${slug}/settings/agencies/${agency.id}`} className="govuk-link">
                    {agency.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {setup ? <SetupStepActions slug={slug} task="agencies" /> : null}
      </div>
    </div>
  );
}
