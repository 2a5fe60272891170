// Settings: change, archive or delete one named person.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextField } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { deletePerson, getPersonForEdit, savePerson, setPersonArchived } from "~/modules/configuration/people.server";
import { PersonSchema } from "~/modules/configuration/person-schema";
import { notFound } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Change a person - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getPersonForEdit(actor, params.personId ?? "");
  if (!found) throw notFound();
  return { slug: partnership.slug, ...found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const personId = params.personId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const list = `/${partnership.slug}/settings/people`;
  if (intent === "archive" || intent === "restore") {
    await setPersonArchived(actor, personId, intent === "archive");
    return redirect(list);
  }
  if (intent === "delete") {
    const result = await deletePerson(actor, personId);
    if (result.status === "in-use") return data({ result: null, refused: result.message }, { status: 400 });
    return redirect(list);
  }
  const submission = parseWithZod(formData, { schema: PersonSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), refused: null }, { status: 400 });
  const result = await savePerson(actor, personId, submission.value);
  if (result.status === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), refused: null }, { status: 400 });
  return redirect(list);
}

export default function EditPerson() {
  const { slug, person, agencyChoices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<Record<"intent" | "name" | "jobTitle" | "agencyId" | "email", string>>({
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onSubmit",
    defaultValue: { name: person.name, jobTitle: person.jobTitle ?? "", agencyId: person.agencyId ?? "", email: person.email ?? "" },
  });
  const errors = [
    ...summariseErrors(form, [fields.name, fields.jobTitle, fields.agencyId, fields.email]),
    ...(actionData?.refused ? [{ fieldId: "delete-person", message: actionData.refused }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={`/${slug}/settings/people`} className="govuk-back-link">
          Back to people
        </Link>
        <h1 className="govuk-heading-l">{`Change ${person.name}`}</h1>
        {person.archivedAt ? <p className="govuk-inset-text">This person is archived: they are not offered in any list.</p> : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="intent" value="save" />
          <TextField field={fields.name} label="Name" />
          <TextField field={fields.jobTitle} label="Job title (optional)" />
          <SelectField field={fields.agencyId} label="Agency (optional)" options={agencyChoices.map((a) => ({ value: a.id, label: a.name }))} placeholder="No agency" />
          <TextField field={fields.email} label="Email address (optional)" type="email" spellCheck={false} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save person
          </button>
        </Form>
        <h2 className="govuk-heading-m">Archive or delete</h2>
        <p className="govuk-body">Archiving hides the person from every list but keeps their history. Someone on a board or leading anything cannot be deleted.</p>
        <div className="govuk-button-group">
          <Form method="post">
            <button type="submit" name="intent" value={person.archivedAt ? "restore" : "archive"} className="govuk-button govuk-button--secondary" data-module="govuk-button">
              {person.archivedAt ? "Bring back person" : "Archive person"}
            </button>
          </Form>
          <Form method="post">
            <div className={`govuk-form-group${actionData?.refused ? " govuk-form-group--error" : ""}`}>
              {actionData?.refused ? (
                <p id="delete-person-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {actionData.refused}
                </p>
              ) : null}
              <button
                id="delete-person"
                type="submit"
                name="intent"
                value="delete"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
                aria-describedby={actionData?.refused ? "delete-person-error" : undefined}
              >
                Delete person
              </button>
            </div>
          </Form>
        </div>
      </div>
    </div>
  );
}
