// The page a reset link opens: choose a new password. A link that was used, has
// expired or never existed gets one page that says so, with a way to ask again.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { ResetPasswordSchema } from "~/modules/auth/account-schema";
import { ResetPasswordServerSchema } from "~/modules/auth/account-schema.server";
import { checkResetLink, resetPassword } from "~/modules/auth/password-reset.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password - Safer Partnerships" }];

// The token is in the address: keep the page out of shared caches and history stores.
const noStore = { "Cache-Control": "no-store" };

export async function loader({ params }: LoaderFunctionArgs) {
  const check = await checkResetLink(params.token ?? "");
  if (check.status !== "usable") return data({ usable: false as const, email: null }, { status: 410, headers: noStore });
  return data({ usable: true as const, email: check.email }, { headers: noStore });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const gone = () => data({ unusable: true, result: null }, { status: 410, headers: noStore });
  // A dead link says so before anything about the password typed.
  if ((await checkResetLink(params.token ?? "")).status !== "usable") return gone();
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordServerSchema });
  if (submission.status !== "success") {
    return data({ unusable: false, result: submission.reply({ hideFields: ["password"] }) }, { status: 400, headers: noStore });
  }
  const outcome = await resetPassword(params.token ?? "", submission.value.password);
  if (outcome.status !== "reset") return gone();
  // "/" goes on to the second step first for someone with two-step verification.
  return redirect("/", { headers: { "Set-Cookie": outcome.cookie } });
}

export default function ResetPassword() {
  const { usable, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });
  if (!usable || actionData?.unusable) return <LinkUnusable />;
  const errors = summariseErrors(form, [fields.password]);
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">Choose a new password</h1>
          <p className="govuk-body">
            For the account <strong>{email}</strong>. Choosing a new password signs you out everywhere else.
          </p>
          <Form method="post" {...getFormProps(form)} noValidate>
            {/* Lets password managers save the new password against the right account. */}
            <input type="text" hidden readOnly name="username" value={email ?? ""} autoComplete="username" />
            <TextField
              field={fields.password}
              label="New password"
              hint="Use 8 characters or more. A few words together are easy to remember and hard to guess."
              type="password"
              autoComplete="new-password"
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Save the new password
            </button>
          </Form>
        </div>
      </div>
    </PageChrome>
  );
}

function LinkUnusable() {
  return (
    <PageChrome>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
          <p className="govuk-body">A link to reset your password works once, for 1 hour after we send it.</p>
          <p className="govuk-body">
            <Link to="/forgot-password" className="govuk-link">
              Ask for a new link
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}
