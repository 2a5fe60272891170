// "Your account": change the password, sign out other devices, and reach the
// two-step verification settings.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { PageChrome } from "~/components/page";
import { changePassword, countOtherSessions, signOutOtherDevices } from "~/modules/auth/account.server";
import { AccountMessages, ChangePasswordSchema } from "~/modules/auth/account-schema";
import { ChangePasswordServerSchema } from "~/modules/auth/account-schema.server";
import { requireSignedInSession, signOutEverywhere } from "~/modules/auth/auth.server";
import { tooManyAttemptsMessage } from "~/modules/auth/throttle.server";
import { twoFactorStatus } from "~/modules/auth/two-factor.server";
import { listMembershipsOfUser } from "~/modules/registry/registry.server";

export const meta: MetaFunction = () => [{ title: "Your account - Safer Partnerships" }];

const DONE = {
  "password-changed": "Your password has been changed. Any other device signed in to your account has been signed out.",
  "signed-out-others": "All your other devices have been signed out.",
  "two-factor-off": "Two-step verification is off.",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSignedInSession(request);
  const done = new URL(request.url).searchParams.get("done");
  const memberships = await listMembershipsOfUser(session.user.id);
  return {
    user: { name: session.user.name, email: session.user.email },
    twoFactor: await twoFactorStatus(session.user.id),
    otherDevices: await countOtherSessions(session),
    managerOf: memberships
      .filter((m) => m.role === "PARTNERSHIP_MANAGER")
      .map((m) => ({ slug: m.partnership.slug, name: m.partnership.name })),
    done: done && done in DONE ? DONE[done as keyof typeof DONE] : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSignedInSession(request);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "sign-out-other-devices") {
    await signOutOtherDevices(session);
    return redirect("/account?done=signed-out-others");
  }
  if (intent === "sign-out-everywhere") {
    return redirect("/sign-in", { headers: { "Set-Cookie": await signOutEverywhere(session.user.id) } });
  }

  const submission = parseWithZod(formData, { schema: ChangePasswordServerSchema });
  const hide = { hideFields: ["currentPassword", "newPassword"] };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  const result = await changePassword(session, submission.value);
  if (result.status === "changed") return redirect("/account?done=password-changed");
  const message = result.status === "throttled" ? tooManyAttemptsMessage(result.waitSeconds) : AccountMessages.wrongCurrentPassword;
  return data(submission.reply({ ...hide, fieldErrors: { currentPassword: [message] } }), {
    status: result.status === "throttled" ? 429 : 400,
  });
}

export default function Account() {
  const { user, twoFactor, otherDevices, managerOf, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "change-password",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
  });
  const errors = summariseErrors(form, [fields.currentPassword, fields.newPassword]);
  return (
    <PageChrome signedIn={{ name: user.name }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          {done ? <SuccessBanner heading={done} /> : null}
          <h1 className="govuk-heading-l">Your account</h1>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Name</dt>
              <dd className="govuk-summary-list__value">{user.name}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Email address</dt>
              <dd className="govuk-summary-list__value">{user.email}</dd>
            </div>
          </dl>

          <h2 className="govuk-heading-m">Two-step verification</h2>
          {twoFactor.enabled ? (
            <>
              <p className="govuk-body">
                <strong className="govuk-tag govuk-tag--green">On</strong> Signing in needs a code from your authenticator app.
                You have {twoFactor.recoveryCodesLeft} unused recovery {twoFactor.recoveryCodesLeft === 1 ? "code" : "codes"}.
              </p>
              <p className="govuk-body">
                <Link to="/account/two-factor" className="govuk-link">
                  Manage two-step verification
                </Link>
              </p>
            </>
          ) : (
            <>
              <p className="govuk-body">
                <strong className="govuk-tag govuk-tag--grey">Off</strong> Signing in needs only your password. With two-step
                verification, someone who finds out your password still cannot sign in without your phone.
              </p>
              <p className="govuk-body">
                <Link to="/account/two-factor" className="govuk-link">
                  Set up two-step verification
                </Link>
              </p>
            </>
          )}

          <h2 className="govuk-heading-m">Change your password</h2>
          <Form method="post" {...getFormProps(form)} noValidate>
            <input type="hidden" name="intent" value="change-password" />
            <input type="text" hidden readOnly name="username" value={user.email} autoComplete="username" />
            <TextField field={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" />
            <TextField
              field={fields.newPassword}
              label="New password"
              hint="Use 8 characters or more. A few words together are easy to remember and hard to guess. Other devices will be signed out."
              type="password"
              autoComplete="new-password"
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Change password
            </button>
          </Form>

          <h2 className="govuk-heading-m">Where you are signed in</h2>
          <p className="govuk-body">
            {otherDevices === 0
              ? "You are not signed in on any other device."
              : `You are also signed in on ${otherDevices} other ${otherDevices === 1 ? "device or browser" : "devices or browsers"}.`}
          </p>
          <div className="govuk-button-group">
            <Form method="post">
              <button
                type="submit"
                name="intent"
                value="sign-out-other-devices"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
              >
                Sign out of all other devices
              </button>
            </Form>
            <Form method="post">
              <button type="submit" name="intent" value="sign-out-everywhere" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Sign out everywhere, including here
              </button>
            </Form>
          </div>

          {managerOf.length > 0 ? (
            <>
              <h2 className="govuk-heading-m">Partnerships you manage</h2>
              <ul className="govuk-list">
                {managerOf.map((p) => (
                  <li key={p.slug}>
                    <Link to={`/${p.slug}/settings/security`} className="govuk-link">
                      {`Security settings for ${p.name}`}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </PageChrome>
  );
}
