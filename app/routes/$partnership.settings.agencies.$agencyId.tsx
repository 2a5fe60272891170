// Settings: change, archive or delete one agency.
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgencyFields } from "~/components/agency-fields";
import { summariseErrors } from "~/components/forms";
import { SettingsForm, SettingsItem } from "~/components/settings-list";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { deleteAgency, getAgencyForEdit, saveAgency, setAgencyArchived } from "~/modules/configuration/agencies.server";
import { AgencySchema } from "~/modules/configuration/agency-schema";
import { handleArchiveIntent } from "~/utils/archive-intent.server";
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
  const list = `/${partnership.slug}/settings/agencies`;
  const archiving = await handleArchiveIntent(formData, { actor, id: agencyId, done: list }, { setArchived: setAgencyArchived, remove: deleteAgency });
  if (archiving) return archiving;
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
  return (
    <SettingsItem
      slug={slug}
      section="agencies"
      noun="agency"
      errors={summariseErrors(form, [fields.name, fields.shortName, fields.kind, fields.isGroup, fields.parentAgencyId])}
      title={`Change ${agency.name}`}
      archived={Boolean(agency.archivedAt)}
      archivedNotice="This agency is archived: it is not offered in any list."
      deleteHint="Archiving hides the agency from every list but keeps its history. An agency that leads anything, or has members, people, actions or indicators, cannot be deleted."
      refused={actionData?.refused}
    >
      <SettingsForm form={form} intent="save" submit="Save agency">
        <AgencyFields fields={fields} parentChoices={parentChoices} />
      </SettingsForm>
    </SettingsItem>
  );
}
