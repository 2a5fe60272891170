// Settings: the partnership's agencies. Add them from templates by kind, or one by one.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-fields";
import { CheckboxesField, summariseErrors } from "~/components/forms";
import { SettingsForm, SettingsList } from "~/components/settings-list";
import { isSetupMode } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { addAgenciesFromTemplates, listAgencySettings, saveAgency } from "~/modules/configuration/agencies.server";
import { AGENCY_KIND_LABELS, AgencySchema, AgencyTemplatesSchema } from "~/modules/configuration/agency-schema";

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
    <SettingsList
      slug={slug}
      setup={setup}
      section="agencies"
      errors={errors}
      title="Partner agencies"
      intro="The organisations that work together in the partnership. Agencies lead priorities, own actions and report indicators."
      caption="Agencies"
      columns={[
        {
          header: "Name",
          cell: (agency) => (
            <>
              {agency.name}
              {agency.shortName ? ` (${agency.shortName})` : ""}
              {agency.parentAgency ? <span className="govuk-hint govuk-!-margin-0">{`Department of ${agency.parentAgency.name}`}</span> : null}
              {agency.isGroup ? <span className="govuk-hint govuk-!-margin-0">A group of agencies</span> : null}
            </>
          ),
        },
        { header: "Kind", cell: (agency) => AGENCY_KIND_LABELS[agency.kind] },
      ]}
      changeLinks
      items={agencies}
      empty="The partnership has no agencies yet."
      archivedHeading="Archived agencies"
      archived={archived}
    >
      {templates.length > 0 ? (
        <SettingsForm form={templateForm} intent="add-templates" heading="Add agencies most partnerships have" submit="Add chosen agencies" secondary>
          <CheckboxesField
            field={templateFields.templates}
            label="Choose the agencies to add"
            hint="You can change their names afterwards."
            options={templates.map((t) => ({ value: t.name, label: t.name, hint: AGENCY_KIND_LABELS[t.kind] }))}
          />
        </SettingsForm>
      ) : null}
      <SettingsForm form={agencyForm} intent="save" heading="Add another agency" submit="Add agency" secondary>
        <AgencyFields fields={agencyFields} parentChoices={parentChoices} hints />
      </SettingsForm>
    </SettingsList>
  );
}
