// "Forgotten your password?": asks for the e-mail address and always answers with
// the same page, whether or not it belongs to an account.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { ForgotPasswordSchema } from "~/modules/auth/account-schema";
import { requestPasswordReset } from "~/modules/auth/password-reset.server";

export const meta: MetaFunction = () => [{ title: "Reset your password - Safer Partnerships" }];

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema });
  if (submission.status !== "success") return data({ sentTo: null, result: submission.reply() }, { status: 400 });
  await requestPasswordReset(submission.value.email);
  return { sentTo: submission.value.email, result: null };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  if (actionData?.sentTo) {
    return (
      <PageChrome>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h1 className="govuk-heading-l">Check your email</h1>
            <p className="govuk-body">
              If <strong>{actionData.sentTo}</strong> is the email address of a Safer Partnerships account, we have sent
              it a link to choose a new password.
            </p>
            <p className="govuk-body">The link works once, for 1 hour. It may take a few minutes to arrive: check your spam or junk folder too.</p>
            <p className="govuk-body">
              <Link to="/forgot-password" className="govuk-link">
                Send another link
              </Link>{" "}
              or{" "}
              <Link to="/sign-in" className="govuk-link">
                go back to sign in
              </Link>
              .
            </p>
          </div>
        </div>
      </PageChrome>
    );
  }
  const errors = summariseErrors(form, [fields.email]);
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Reset your password</h1>
          <p className="govuk-body">Enter the email address you sign in with. We will send you a link to choose a new password.</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <TextField field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Send the link
            </button>
          </Form>
          <p className="govuk-body">
            <Link to="/sign-in" className="govuk-link">
              Back to sign in
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}
