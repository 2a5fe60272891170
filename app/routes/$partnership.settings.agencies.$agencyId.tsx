// Settings: change, archive or delete one agency.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, RadiosField, SelectField, summariseErrors, TextField } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { deleteAgency, getAgencyForEdit, saveAgency, setAgencyArchived } from "~/modules/configuration/agencies.server";
import { AGENCY_KIND_OPTIONS, AgencySchema } from "~/modules/configuration/agency-schema";
import { notFound } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Change an agency - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getAgencyForEdit(actor, params.agencyId ?? "");
  if (!found) throw notFound();
  return { slug: partnership.slug, ...found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const agencyId = params.agencyId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const list = `/${partnership.slug}/settings/agencies`;
  if (intent === "archive" || intent === "restore") {
    await setAgencyArchived(actor, agencyId, intent === "archive");
    return redirect(list);
  }
  if (intent === "delete") {
    const result = await deleteAgency(actor, agencyId);
    if (result.status === "in-use") return data({ result: null, refused: result.message }, { status: 400 });
    return redirect(list);
  }
  const submission = parseWithZod(formData, { schema: AgencySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), refused: null }, { status: 400 });
  const result = await saveAgency(actor, agencyId, submission.value);
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), refused: null }, { status: 400 });
  return redirect(list);
}

export default function EditAgency() {
  const { slug, agency, parentChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<"intent" | "name" | "shortName" | "kind" | "isGroup" | "parentAgencyId", string>>({
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onSubmit",
    defaultValue: {
      name: agency.name,
      shortName: agency.shortName ?? "",
      kind: agency.kind,
      isGroup: agency.isGroup ? "yes" : "no",
      parentAgencyId: agency.parentAgencyId ?? "",
    },
  });
  const errors = [
    ...summariseErrors(form, [fields.name, fields.shortName, fields.kind, fields.isGroup, fields.parentAgencyId]),
    ...(actionData?.refused ? [{ fieldId: "delete-agency", message: actionData.refused }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={`/${slug}/settings/agencies`} className="govuk-back-link">
          Back to agencies
        </Link>
        <h1 className="govuk-heading-l">{`Change ${agency.name}`}</h1>
        {agency.archivedAt ? <p className="govuk-inset-text">This agency is archived: it is not offered in any list.</p> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="save" />
          <TextField field={fields.name} label="Agency name" />
          <TextField field={fields.shortName} label="Short name (optional)" className="govuk-input--width-10" />
          <SelectField field={fields.kind} label="Kind of agency" options={AGENCY_KIND_OPTIONS} placeholder="Choose a kind" />
          <RadiosField
            field={fields.isGroup}
            label="Is it a group of agencies that leads together?"
            inline
            small
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <SelectField
            field={fields.parentAgencyId}
            label="Part of another agency (optional)"
            options={parentChoices.map((a) => ({ value: a.id, label: a.name }))}
            placeholder="Not part of another agency"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save agency
          </button>
        </Form>
        <h2 className="govuk-heading-m">Archive or delete</h2>
        <p className="govuk-body">
          Archiving hides the agency from every list but keeps its history. An agency that leads anything, or has members,
          people, actions or indicators, cannot be deleted.
        </p>
        <div className="govuk-button-group">
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={agency.archivedAt ? "restore" : "archive"}
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
            >
              {agency.archivedAt ? "Bring back agency" : "Archive agency"}
            </button>
          </Form>
          <Form method="post">
            <div className={`govuk-form-group${actionData?.refused ? " govuk-form-group--error" : ""}`}>
              {actionData?.refused ? (
                <p id="delete-agency-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {actionData.refused}
                </p>
              ) : null}
              <button
                id="delete-agency"
                type="submit"
                name="intent"
                value="delete"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
                aria-describedby={actionData?.refused ? "delete-agency-error" : undefined}
              >
                Delete agency
              </button>
            </div>
          </Form>
        </div>
      </div>
    </div>
  );
}
