// Settings: change, archive or delete one named person.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { summariseErrors } from "~/components/forms";
import { PersonFields } from "~/components/person-fields";
import { SettingsForm, SettingsItem } from "~/components/settings-list";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { deletePerson, getPersonForEdit, savePerson, setPersonArchived } from "~/modules/configuration/people.server";
import { PersonSchema } from "~/modules/configuration/person-schema";
import { handleArchiveIntent } from "~/utils/archive-intent.server";
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
  const list = `/${partnership.slug}/settings/people`;
  const archiving = await handleArchiveIntent(formData, { actor, id: personId, done: list }, { setArchived: setPersonArchived, remove: deletePerson });
  if (archiving) return archiving;
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
  return (
    <SettingsItem
      slug={slug}
      section="people"
      noun="person"
      errors={summariseErrors(form, [fields.name, fields.jobTitle, fields.agencyId, fields.email])}
      title={`Change ${person.name}`}
      archived={Boolean(person.archivedAt)}
      archivedNotice="This person is archived: they are not offered in any list."
      deleteHint="Archiving hides the person from every list but keeps their history. Someone on a board or leading anything cannot be deleted."
      refused={actionData?.refused}
    >
      <SettingsForm form={form} intent="save" submit="Save person">
        <PersonFields fields={fields} agencyChoices={agencyChoices} />
      </SettingsForm>
    </SettingsItem>
  );
}
