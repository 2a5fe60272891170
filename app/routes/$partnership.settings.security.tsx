// A partnership's security settings, for its managers: whether managers must use
// two-step verification.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, RadiosField, summariseErrors } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { AccountMessages, SecuritySettingsSchema } from "~/modules/auth/account-schema";
import { getPartnershipSecurity, setManagerTwoFactorRequirement } from "~/modules/auth/partnership-security.server";

export const meta: MetaFunction = () => [{ title: "Security settings - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const settings = await getPartnershipSecurity(actor);
  return { ...settings, saved: new URL(request.url).searchParams.has("saved") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: SecuritySettingsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await setManagerTwoFactorRequirement(actor, submission.value.requireManagerTwoFactor === "yes");
  if (result.status === "turn-on-your-own-first") {
    return data(submission.reply({ fieldErrors: { requireManagerTwoFactor: [AccountMessages.turnOnYourOwnFirst] } }), { status: 400 });
  }
  return redirect(`/${partnership.slug}/settings/security?saved`);
}

export default function SecuritySettings() {
  const { requireManagerTwoFactor, saved } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: { requireManagerTwoFactor: requireManagerTwoFactor ? "yes" : "no" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecuritySettingsSchema }),
  });
  const errors = summariseErrors(form, [fields.requireManagerTwoFactor]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {saved && errors.length === 0 ? <SuccessBanner heading="Security settings saved" /> : null}
        <h1 className="govuk-heading-l">Security settings</h1>
        <Form method="post" {...getFormProps(form)} noValidate>
          <RadiosField
            field={fields.requireManagerTwoFactor}
            label="Must partnership managers use two-step verification?"
            hint="Partnership managers can invite people and change what they can do. With this on, a manager without two-step verification must set it up before they can open any page of this partnership."
            inline
            options={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save settings
          </button>
        </Form>
        <p className="govuk-body">
          <Link to="/account/two-factor" className="govuk-link">
            Your own two-step verification
          </Link>
        </p>
      </div>
    </div>
  );
}
