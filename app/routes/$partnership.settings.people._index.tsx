// Settings: named people (leads, chairs, board members) who need no account.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { summariseErrors } from "~/components/forms";
import { PersonFields } from "~/components/person-fields";
import { SettingsForm, SettingsList } from "~/components/settings-list";
import { isSetupMode } from "~/components/setup-step";
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
    <SettingsList
      slug={slug}
      setup={setup}
      section="people"
      errors={errors}
      title="Named people"
      intro="The leads, chairs and board members your papers name. They do not need an account."
      caption="People"
      columns={[
        {
          header: "Name",
          cell: (person) => (
            <>
              {person.name}
              {person.jobTitle ? <span className="govuk-hint govuk-!-margin-0">{person.jobTitle}</span> : null}
            </>
          ),
        },
        { header: "Agency", cell: (person) => person.agency?.name ?? "" },
      ]}
      changeLinks
      items={people}
      empty="No people have been added yet."
      archivedHeading="Archived people"
      archived={archived}
    >
      <SettingsForm form={form} intent="save" heading="Add a person" submit="Add person" secondary>
        <PersonFields fields={fields} agencyChoices={agencyChoices} hints />
      </SettingsForm>
    </SettingsList>
  );
}
