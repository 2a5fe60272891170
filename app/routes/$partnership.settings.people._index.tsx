// Settings: named people (leads, chairs, board members) who need no account.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextField } from "~/components/forms";
import { isSetupMode, SetupStepActions } from "~/components/setup-step";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listPeopleSettings, savePerson } from "~/modules/configuration/people.server";
import { PersonSchema } from "~/modules/configuration/person-schema";

export const meta: MetaFunction = () => [{ title: "Named people - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { slug: partnership.slug, setup: isSetupMode(request), ...(await listPeopleSettings(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: PersonSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await savePerson(actor, null, submission.value);
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  return redirect(`/${partnership.slug}/settings/people${isSetupMode(request) ? "?setup=1" : ""}`);
}

export default function PeopleSettings() {
  const { slug, setup, people, archived, agencyChoices } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<Record<"intent" | "name" | "jobTitle" | "agencyId" | "email", string>>({ lastResult, shouldValidate: "onSubmit" });
  const errors = summariseErrors(form, [fields.name, fields.jobTitle, fields.agencyId, fields.email]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={setup ? `/${slug}/setup` : `/${slug}/settings`} className="govuk-back-link">
          Back
        </Link>
        <h1 className="govuk-heading-l">Named people</h1>
        <p className="govuk-body">The leads, chairs and board members your papers name. They do not need an account.</p>
        {people.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">People</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Name</th>
                <th scope="col" className="govuk-table__header">Agency</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Change</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {people.map((person) => (
                <tr key={person.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {person.name}
                    {person.jobTitle ? <span className="govuk-hint govuk-!-margin-0">{person.jobTitle}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{person.agency?.name ?? ""}</td>
                  <td className="govuk-table__cell">
                    <Link to={`/${slug}/settings/people/${person.id}`} className="govuk-link">
                      Change<span className="govuk-visually-hidden">{` ${person.name}`}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">No people have been added yet.</p>
        )}
        <Form method="post" {...getFormProps(form)} noValidate>
          <h2 className="govuk-heading-m">Add a person</h2>
          <input type="hidden" name="intent" value="save" />
          <TextField field={fields.name} label="Name" hint="As the papers give it, like Supt Jo Bloggs or the Cabinet Member for Community Safety" />
          <TextField field={fields.jobTitle} label="Job title (optional)" />
          <SelectField field={fields.agencyId} label="Agency (optional)" options={agencyChoices.map((a) => ({ value: a.id, label: a.name }))} placeholder="No agency" />
          <TextField field={fields.email} label="Email address (optional)" type="email" spellCheck={false} />
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Add person
          </button>
        </Form>
        {archived.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Archived people</h2>
            <ul className="govuk-list">
              {archived.map((person) => (
                <li key={person.id}>
                  <Link to={`/${slug}/settings/people/${person.id}`} className="govuk-link">
                    {person.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {setup ? <SetupStepActions slug={slug} task="people" /> : null}
      </div>
    </div>
  );
}
