// The second step of signing in, for people with two-step verification: a code from
// their authenticator app, or one of their recovery codes.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { AccountMessages, SecondStepSchema } from "~/modules/auth/account-schema";
import { getSession, needsSecondStep, safeRedirectPath } from "~/modules/auth/auth.server";
import { tooManyAttemptsMessage } from "~/modules/auth/throttle.server";
import { verifySecondStep } from "~/modules/auth/two-factor.server";

export const meta: MetaFunction = () => [{ title: "Enter your code - Safer Partnerships" }];

/** Only someone who has just entered their password belongs here. */
async function requirePasswordOnlySession(request: Request) {
  const session = await getSession(request);
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (!session) throw redirect(`/sign-in?${new URLSearchParams({ redirectTo })}`);
  if (!needsSecondStep(session)) throw redirect(redirectTo);
  return { session, redirectTo };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { redirectTo } = await requirePasswordOnlySession(request);
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await requirePasswordOnlySession(request);
  const submission = parseWithZod(await request.formData(), { schema: SecondStepSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await verifySecondStep(session, { code: submission.value.code });
  if (result.status === "verified") {
    return redirect(safeRedirectPath(submission.value.redirectTo, "/"));
  }
  const message =
    result.status === "throttled"
      ? tooManyAttemptsMessage(result.waitSeconds)
      : result.status === "used-recovery-code"
        ? AccountMessages.usedRecoveryCode
        : AccountMessages.wrongSecondStepCode;
  return data(submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }), {
    status: result.status === "throttled" ? 429 : 400,
  });
}

export default function SecondStep() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SecondStepSchema }),
  });
  const errors = summariseErrors(form, [fields.code]);
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Enter the code from your authenticator app</h1>
          <p className="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for Safer Partnerships.</p>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <TextField
              field={fields.code}
              label="Code"
              hint="If you do not have your phone, enter one of your recovery codes instead, like abcd-efgh-ijkl-mnop"
              autoComplete="one-time-code"
              spellCheck={false}
              className="govuk-input--width-20"
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Continue
            </button>
          </Form>
          <form method="post" action="/sign-out">
            <p className="govuk-body">If you have lost your phone and your recovery codes, contact your partnership manager.</p>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Cancel and sign out
            </button>
          </form>
        </div>
      </div>
    </PageChrome>
  );
}
