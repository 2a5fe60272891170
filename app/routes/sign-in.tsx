import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { getSignedInSession, safeRedirectPath, signIn } from "~/modules/auth/auth.server";
import { readSessionToken } from "~/modules/auth/session.server";
import { SIGN_IN_FAILED, SignInSchema } from "~/modules/auth/sign-in-schema";
import { tooManyAttemptsMessage } from "~/modules/auth/throttle.server";
import { clientIpOf } from "~/utils/request-context";

export const meta: MetaFunction = () => [{ title: "Sign in - Safer Partnerships" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  if (await getSignedInSession(request)) throw redirect(redirectTo || "/");
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn({
    email: submission.value.email,
    password: submission.value.password,
    clientIp: clientIpOf(context),
    presentedSessionToken: readSessionToken(request),
  });
  if (result.status !== "signed-in") {
    // On the e-mail field, so the summary links to it and the message sits by it.
    const message = result.status === "throttled" ? tooManyAttemptsMessage(result.waitSeconds) : SIGN_IN_FAILED;
    return data(submission.reply({ fieldErrors: { email: [message] }, hideFields: ["password"] }), {
      status: result.status === "throttled" ? 429 : 400,
    });
  }
  // "/" sends a user with one partnership to it and a user with several to the choice.
  const redirectTo = safeRedirectPath(submission.value.redirectTo, "/");
  const next = result.needsSecondStep ? `/sign-in/two-factor?${new URLSearchParams({ redirectTo })}` : redirectTo;
  return redirect(next, { headers: { "Set-Cookie": result.cookie } });
}

export default function SignIn() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  });
  const errors = summariseErrors(form, [fields.email, fields.password]);
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Sign in</h1>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <TextField field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
            <TextField field={fields.password} label="Password" type="password" autoComplete="current-password" />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Sign in
            </button>
          </Form>
          <p className="govuk-body">
            <Link to="/forgot-password" className="govuk-link">
              Forgotten your password?
            </Link>
          </p>
          <p className="govuk-body">
            <Link to="/sign-up" className="govuk-link">
              Create an account for a new partnership
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}
