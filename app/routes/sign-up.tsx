// Sign-up: a community safety manager makes their account and their partnership, then
// goes to the guided set-up. Someone signed in sees the same form without the account
// fields, to create another partnership.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, summariseErrors, TextareaField, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { getSignedInSession } from "~/modules/auth/auth.server";
import { MONTH_OPTIONS } from "~/modules/configuration/fields";
import { NewPartnershipSchema } from "~/modules/onboarding/signup-schema";
import { SignUpSchema } from "~/modules/onboarding/signup-schema.server";
import { createPartnershipWithManager } from "~/modules/onboarding/signup.server";

export const meta: MetaFunction = () => [{ title: "Create a partnership - Safer Partnerships" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSignedInSession(request);
  return { signedIn: session ? { name: session.user.name } : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSignedInSession(request);
  const formData = await request.formData();
  if (session) {
    const submission = parseWithZod(formData, { schema: NewPartnershipSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await createPartnershipWithManager(submission.value, { user: session.user });
    if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    return redirect(`/${result.slug}/setup`);
  }
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { name, email, password, ...partnership } = submission.value;
  const result = await createPartnershipWithManager(partnership, { account: { name, email, password } });
  if (result.status === "invalid") {
    return data(submission.reply({ fieldErrors: result.fieldErrors, hideFields: ["password"] }), { status: 400 });
  }
  return redirect(`/${result.slug}/setup`, { headers: result.cookie ? { "Set-Cookie": result.cookie } : {} });
}

type SignUpForm = Record<
  | "name"
  | "email"
  | "password"
  | "partnershipName"
  | "councils"
  | "slug"
  | "policeForceArea"
  | "financialYearStartMonth"
  | "residents"
  | "households",
  string
>;

export default function SignUp() {
  const { signedIn } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // Checked on the server only: the password rules must not reach the browser.
  const [form, fields] = useForm<SignUpForm>({ lastResult, shouldValidate: "onSubmit", defaultValue: { financialYearStartMonth: "4" } });
  const ordered = [
    ...(signedIn ? [] : [fields.name, fields.email, fields.password]),
    fields.partnershipName,
    fields.councils,
    fields.slug,
    fields.policeForceArea,
    fields.financialYearStartMonth,
    fields.residents,
    fields.households,
  ];
  const errors = summariseErrors(form, ordered);
  return (
    <PageChrome signedIn={signedIn ?? undefined}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1 className="govuk-heading-l">{signedIn ? "Create another partnership" : "Create an account for your partnership"}</h1>
          <p className="govuk-body">
            Set up your community safety partnership. You will be its partnership manager, and can add its agencies, boards,
            strategy and indicators next.
          </p>
          <Form method="post" {...getFormProps(form)} noValidate>
            {signedIn ? null : (
              <fieldset className="govuk-fieldset">
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  <h2 className="govuk-fieldset__heading">Your account</h2>
                </legend>
                <TextField field={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
                <TextField field={fields.email} label="Email address" type="email" autoComplete="email" spellCheck={false} />
                <TextField
                  field={fields.password}
                  label="Password"
                  type="password"
                  autoComplete="new-password"
                  hint="At least 8 characters. A few unrelated words make a good password."
                />
              </fieldset>
            )}
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                <h2 className="govuk-fieldset__heading">Your partnership</h2>
              </legend>
              <TextField field={fields.partnershipName} label="Partnership name" hint="For example, Safer Tatton Vale Partnership" />
              <TextareaField
                field={fields.councils}
                label="Council or councils it covers"
                hint="One council on each line, for example Tatton Vale Borough Council"
                rows={3}
              />
              <TextField
                field={fields.slug}
                label="Web address"
                hint="Lower-case letters, numbers and hyphens, like tatton-vale. Your pages will be at /tatton-vale."
                spellCheck={false}
              />
              <TextField field={fields.policeForceArea} label="Police force area (optional)" hint="For example, Cheshire" />
              <SelectField field={fields.financialYearStartMonth} label="Month the financial year starts" options={MONTH_OPTIONS} />
              <TextField
                field={fields.residents}
                label="Residents this financial year"
                hint="A whole number, like 212000. Used to work out rates per 1,000 residents."
                className="govuk-input--width-10"
              />
              <TextField
                field={fields.households}
                label="Households this financial year"
                hint="A whole number, like 91000."
                className="govuk-input--width-10"
              />
            </fieldset>
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Create partnership
            </button>
          </Form>
          {signedIn ? null : (
            <p className="govuk-body">
              <Link to="/sign-in" className="govuk-link">
                I already have an account: sign in
              </Link>
            </p>
          )}
        </div>
      </div>
    </PageChrome>
  );
}
