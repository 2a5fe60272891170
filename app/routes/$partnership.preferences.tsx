// A member's e-mail preferences in this partnership: each board's pre-meeting digest,
// and reminders to update what they lead. The digest's unsubscribe link writes the
// same choice without signing in.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxesField, ErrorSummary, summariseErrors } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { EmailPreferencesSchema } from "~/modules/digest/unsubscribe-preferences-schema";
import { getEmailPreferences, saveEmailPreferences } from "~/modules/digest/unsubscribe-preferences.server";

export const meta: MetaFunction = () => [{ title: "E-mail preferences - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const preferences = await getEmailPreferences(actor);
  return { slug: partnership.slug, partnershipName: partnership.name, saved: new URL(request.url).searchParams.has("saved"), ...preferences };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: EmailPreferencesSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await saveEmailPreferences(actor, submission.value);
  return redirect(`/${partnership.slug}/preferences?saved`);
}

export default function EmailPreferencesPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ digestBoardIds: string[] }>({
    id: "preferences",
    lastResult,
    defaultValue: { digestBoardIds: page.boards.filter((b) => b.digest).map((b) => b.id) },
    shouldValidate: "onSubmit",
  });
  const errors = summariseErrors(form, [fields.digestBoardIds]);
  const bounced = page.addresses.filter((a) => a.suppressed);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {page.saved && errors.length === 0 ? <SuccessBanner heading="Your e-mail preferences have been saved." /> : null}
        <h1 className="govuk-heading-l">E-mail preferences</h1>
        <p className="govuk-body">{`Choose which e-mails you get from ${page.partnershipName}.`}</p>
        {bounced.length > 0 ? (
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              {`E-mails to ${bounced.map((a) => a.email).join(" and ")} could not be delivered, so nothing is sent there. Ask a partnership manager to update your address.`}
            </strong>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          {page.boards.length > 0 ? (
            <CheckboxesField
              field={fields.digestBoardIds}
              label="Pre-meeting digests"
              hint="A briefing e-mail a few days before each meeting of the boards you sit on."
              options={page.boards.map((b) => ({ value: b.id, label: b.name }))}
            />
          ) : (
            <>
              <h2 className="govuk-heading-m">Pre-meeting digests</h2>
              <p className="govuk-body">You do not sit on any board, so you get no pre-meeting digests.</p>
            </>
          )}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Update reminders</legend>
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="reminders"
                    name="reminders"
                    type="checkbox"
                    value="on"
                    defaultChecked={page.reminders}
                    aria-describedby="reminders-hint"
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="reminders">
                    Remind me to update what I lead before a board meeting
                  </label>
                  <div id="reminders-hint" className="govuk-hint govuk-checkboxes__hint">
                    Only when something you lead has not been updated since the board last met.
                  </div>
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save preferences
          </button>
        </Form>
      </div>
    </div>
  );
}
