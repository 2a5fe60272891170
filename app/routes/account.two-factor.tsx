// Two-step verification: set it up (scan, confirm with a code, keep the recovery
// codes), or turn it off. Managers of a partnership that requires it are sent here
// first (`?requiredBy=<slug>`), and go on to the partnership afterwards.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { ImportantBanner } from "~/components/notification-banner";
import { PageChrome } from "~/components/page";
import { AccountMessages, ConfirmSetupSchema, TurnOffSchema } from "~/modules/auth/account-schema";
import { requireSignedInSession } from "~/modules/auth/auth.server";
import { tooManyAttemptsMessage } from "~/modules/auth/throttle.server";
import {
  confirmTwoFactorSetup,
  resumeTwoFactorSetup,
  startTwoFactorSetup,
  turnOffTwoFactor,
  twoFactorStatus,
} from "~/modules/auth/two-factor.server";
import { listMembershipsOfUser } from "~/modules/registry/registry.server";

export const meta: MetaFunction = () => [{ title: "Two-step verification - Safer Partnerships" }];

/** The partnership that sent a manager here, if they manage it and it requires this. */
async function requiringPartnership(userId: string, request: Request) {
  const slug = new URL(request.url).searchParams.get("requiredBy");
  const memberships = await listMembershipsOfUser(userId);
  const managed = memberships.filter((m) => m.role === "PARTNERSHIP_MANAGER" && m.managersNeedTwoFactor);
  return {
    requiredBy: managed.find((m) => m.partnership.slug === slug)?.partnership ?? null,
    requiredByAny: managed.map((m) => m.partnership.name),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSignedInSession(request);
  const status = await twoFactorStatus(session.user.id);
  const { requiredBy, requiredByAny } = await requiringPartnership(session.user.id, request);
  return {
    user: { name: session.user.name },
    enabled: status.enabled,
    recoveryCodesLeft: status.recoveryCodesLeft,
    setup: status.enabled ? null : startTwoFactorSetup(session.user),
    requiredBy: requiredBy ? { slug: requiredBy.slug, name: requiredBy.name } : null,
    requiredByAny,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSignedInSession(request);
  const formData = await request.formData();

  if (formData.get("intent") === "turn-off") {
    const submission = parseWithZod(formData, { schema: TurnOffSchema });
    const hide = { hideFields: ["password", "code"] };
    if (submission.status !== "success") return data({ intent: "turn-off" as const, result: submission.reply(hide) }, { status: 400 });
    const { code, password } = submission.value;
    const result = await turnOffTwoFactor(session, code ? { code } : { password: password ?? "" });
    if (result.status === "turned-off" || result.status === "already-off") return redirect("/account?done=two-factor-off");
    const field = code ? "code" : "password";
    const message =
      result.status === "throttled"
        ? tooManyAttemptsMessage(result.waitSeconds)
        : result.status === "wrong-code"
          ? AccountMessages.wrongSetupCode
          : AccountMessages.wrongPassword;
    return data(
      { intent: "turn-off" as const, result: submission.reply({ ...hide, fieldErrors: { [field]: [message] } }) },
      { status: result.status === "throttled" ? 429 : 400 },
    );
  }

  const submission = parseWithZod(formData, { schema: ConfirmSetupSchema });
  const setupToken = String(formData.get("setupToken") ?? "");
  // After a wrong code the page keeps the key already scanned.
  const setup = resumeTwoFactorSetup(session.user, setupToken);
  if (submission.status !== "success") {
    return data({ intent: "turn-on" as const, result: submission.reply({ hideFields: ["code"] }), setup }, { status: 400 });
  }
  const result = await confirmTwoFactorSetup(session, submission.value);
  if (result.status === "already-on") return redirect("/account/two-factor");
  if (result.status === "turned-on") {
    const { requiredBy } = await requiringPartnership(session.user.id, request);
    return { intent: "turned-on" as const, recoveryCodes: result.recoveryCodes, continueTo: requiredBy ? `/${requiredBy.slug}` : "/account" };
  }
  const message = result.status === "wrong-code" ? AccountMessages.wrongSetupCode : AccountMessages.setupExpired;
  return data(
    { intent: "turn-on" as const, result: submission.reply({ fieldErrors: { code: [message] }, hideFields: ["code"] }), setup },
    { status: 400 },
  );
}

export default function TwoFactor() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (actionData?.intent === "turned-on") {
    return <RecoveryCodes name={loaderData.user.name} codes={actionData.recoveryCodes} continueTo={actionData.continueTo} />;
  }
  return (
    <PageChrome signedIn={loaderData.user}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {loaderData.enabled ? <TurnOff /> : <SetUp />}
          <p className="govuk-body">
            <Link to="/account" className="govuk-link">
              Back to your account
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}

function SetUp() {
  const { setup: freshSetup, requiredBy } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.intent === "turn-on" ? actionData.result : undefined;
  const setup = (actionData?.intent === "turn-on" ? actionData.setup : null) ?? freshSetup;
  const [form, fields] = useForm({
    id: "turn-on",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmSetupSchema }),
  });
  if (!setup) return null;
  const errors = summariseErrors(form, [fields.code]);
  return (
    <>
      <ErrorSummary errors={errors} />
      {requiredBy ? (
        <ImportantBanner>
          <p className="govuk-notification-banner__heading">
            {`${requiredBy.name} asks its partnership managers to use two-step verification. Set it up to continue.`}
          </p>
        </ImportantBanner>
      ) : null}
      <h1 className="govuk-heading-l">Set up two-step verification</h1>
      <p className="govuk-body">
        When you sign in, you will enter your password and then a code from an app on your phone. Someone who finds out your
        password cannot sign in without your phone.
      </p>
      <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
      <p className="govuk-body">
        Install an authenticator app on your phone if you do not have one, such as Microsoft Authenticator or Google
        Authenticator. Your organisation may tell you which to use.
      </p>
      <h2 className="govuk-heading-m">2. Scan the QR code</h2>
      <p className="govuk-body">In the app, add an account and scan this QR code with your phone&apos;s camera.</p>
      <div
        className="app-qr-code govuk-!-width-one-third govuk-!-margin-bottom-4"
        role="img"
        aria-label="QR code for your authenticator app"
        dangerouslySetInnerHTML={{ __html: setup.qrCodeSvg }}
      />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">I cannot scan the QR code</span>
        </summary>
        <div className="govuk-details__text">
          <p className="govuk-body">Choose to enter a key instead, and type this key. Spaces do not matter.</p>
          <p className="govuk-body govuk-!-font-weight-bold" id="two-factor-key">
            {setup.keyForTyping}
          </p>
          <p className="govuk-body">It is a time-based key for the account Safer Partnerships.</p>
        </div>
      </details>
      <h2 className="govuk-heading-m">3. Enter the code from the app</h2>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="turn-on" />
        <input type="hidden" name="setupToken" value={setup.setupToken} />
        <TextField
          field={fields.code}
          label="Code"
          hint="The 6-digit code the app shows for Safer Partnerships, like 123456"
          autoComplete="one-time-code"
          className="govuk-input--width-10"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Turn on two-step verification
        </button>
      </Form>
    </>
  );
}

function TurnOff() {
  const { recoveryCodesLeft, requiredByAny } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "turn-off",
    lastResult: actionData?.intent === "turn-off" ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TurnOffSchema }),
  });
  const errors = summariseErrors(form, [fields.code, fields.password]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Two-step verification</h1>
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--green">On</strong> Signing in needs your password and a code from your
        authenticator app.
      </p>
      <p className="govuk-body">
        {`You have ${recoveryCodesLeft} unused recovery ${recoveryCodesLeft === 1 ? "code" : "codes"}. Each works once, if you do not have your phone.`}
      </p>
      <h2 className="govuk-heading-m">Turn off two-step verification</h2>
      {requiredByAny.length > 0 ? (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            {`${requiredByAny.join(" and ")} ${requiredByAny.length === 1 ? "requires" : "require"} partnership managers to use two-step verification: you will have to set it up again before you can manage ${requiredByAny.length === 1 ? "it" : "them"}.`}
          </strong>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="turn-off" />
        <TextField
          field={fields.code}
          label="Code from your authenticator app"
          hint="If you do not have your phone, leave this empty and enter your password below"
          autoComplete="one-time-code"
          className="govuk-input--width-10"
        />
        <TextField field={fields.password} label="Password" type="password" autoComplete="current-password" />
        <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
          Turn off two-step verification
        </button>
      </Form>
    </>
  );
}

function RecoveryCodes(props: { name: string; codes: string[]; continueTo: string }) {
  return (
    <PageChrome signedIn={{ name: props.name }}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <div className="govuk-panel govuk-panel--confirmation">
            <h1 className="govuk-panel__title">Two-step verification is on</h1>
          </div>
          <h2 className="govuk-heading-m">Keep your recovery codes</h2>
          <p className="govuk-body">
            If you lose your phone, you can sign in with one of these codes instead of a code from the app. Each code works
            once.
          </p>
          <div className="govuk-warning-text">
            <span className="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong className="govuk-warning-text__text">
              <span className="govuk-visually-hidden">Warning</span>
              This is the only time we will show them. Write them down or print this page, and keep them somewhere safe, away
              from your phone.
            </strong>
          </div>
          <ol className="govuk-list govuk-list--number app-recovery-codes" aria-label="Recovery codes">
            {props.codes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ol>
          <p className="govuk-body">
            <Link to={props.continueTo} className="govuk-button" data-module="govuk-button" role="button">
              I have kept my recovery codes: continue
            </Link>
          </p>
        </div>
      </div>
    </PageChrome>
  );
}
