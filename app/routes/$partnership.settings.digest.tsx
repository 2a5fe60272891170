// The partnership's briefing e-mail settings, for its managers: whether the digest
// before each meeting carries progress notes (they can be sensitive) or links to them.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, RadiosField, summariseErrors } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { DigestNotesSettingSchema } from "~/modules/digest/digest-settings-schema";
import { getDigestNotesSetting, saveDigestNotesSetting } from "~/modules/digest/digest-settings.server";

export const meta: MetaFunction = () => [{ title: "Briefing e-mails - Settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const setting = await getDigestNotesSetting(actor);
  return { slug: partnership.slug, ...setting, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: DigestNotesSettingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveDigestNotesSetting(actor, submission.value);
  return redirect(`/${partnership.slug}/settings/digest?saved`);
}

export default function DigestSettings() {
  const { slug, digestIncludesNotes, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { digestIncludesNotes: digestIncludesNotes ? "yes" : "no" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DigestNotesSettingSchema }),
  });
  const errors = summariseErrors(form, [fields.digestIncludesNotes]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${slug}/settings`} className="govuk-back-link">
          Settings
        </Link>
        <ErrorSummary errors={errors} />
        {saved && errors.length === 0 ? <SuccessBanner heading="Briefing e-mail settings saved" /> : null}
        <h1 className="govuk-heading-l">Briefing e-mails</h1>
        <p className="govuk-body">
          Before each meeting every member of the board gets a briefing e-mail built from the partnership&apos;s data. Each board&apos;s settings say how many
          days before the meeting it goes and whether a manager approves it first.
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <RadiosField
            field={fields.digestIncludesNotes}
            label="Should briefings include the text of progress notes?"
            hint="Notes can be sensitive (domestic abuse, offenders) and e-mail can be forwarded. Without them, briefings carry titles, owners and ratings, with links to the notes in the app."
            options={[
              { value: "no", label: "No, link to the notes in the app" },
              { value: "yes", label: "Yes, include the latest note of each action of concern" },
            ]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save settings
          </button>
        </Form>
      </div>
    </div>
  );
}
