import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { getSession, safeRedirectPath, signIn } from "~/modules/auth/auth.server";
import { SIGN_IN_FAILED, SignInSchema } from "~/modules/auth/sign-in-schema";

export const meta: MetaFunction = () => [{ title: "Sign in - Safer Partnerships" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");
  if (await getSession(request)) throw redirect(redirectTo || "/");
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const result = await signIn(submission.value.email, submission.value.password);
  if (!result) {
    // On the e-mail field, so the summary links to it and the message sits by it.
    return data(submission.reply({ fieldErrors: { email: [SIGN_IN_FAILED] }, hideFields: ["password"] }), { status: 400 });
  }
  // "/" sends a user with one partnership to it and a user with several to the choice.
  return redirect(safeRedirectPath(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": result.cookie } });
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
        </div>
      </div>
    </PageChrome>
  );
}
