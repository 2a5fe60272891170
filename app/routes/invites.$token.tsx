import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, summariseErrors, TextField } from "~/components/forms";
import { PageChrome } from "~/components/page";
import { getSignedInSession, requireUser } from "~/modules/auth/auth.server";
import { CreateAccountServerSchema } from "~/modules/invites/accept-schema.server";
import { CreateAccountSchema, INVITE_VALID_DAYS } from "~/modules/invites/invite-schema";
import {
  acceptInvitation,
  acceptInvitationWithNewAccount,
  viewInvitation,
  type InvitationView,
} from "~/modules/invites/invites.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? pageHeading(data.view) : "Invitation"} - Safer Partnerships` },
  // The token is in this page's address: never send it to another site as a referrer.
  { name: "referrer", content: "no-referrer" },
];

function signInFirst(token: string) {
  return redirect(`/sign-in?${new URLSearchParams({ redirectTo: `/invites/${token}` })}`);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  // Someone who has entered only their password (two-step verification) is not signed in yet.
  const session = await getSignedInSession(request);
  const view = await viewInvitation(token, session?.user ?? null);
  // The invited address has an account: sign in as it (both steps), and come back here to join.
  if (view.status === "usable" && view.next === "sign-in") await requireUser(request);
  return { view, signedIn: session ? { name: session.user.name } : undefined };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const formData = await request.formData();
  if (formData.get("intent") === "join") {
    const user = await requireUser(request);
    const result = await acceptInvitation(token, user);
    if (result.status === "joined") return redirect(`/${result.partnershipSlug}`);
    // The page, loaded again, says why (used, expired, another account...).
    return data({ refused: result.reason }, { status: 409 });
  }
  const submission = parseWithZod(formData, { schema: CreateAccountServerSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await acceptInvitationWithNewAccount(token, submission.value);
  if (result.status === "joined") {
    return redirect(`/${result.partnershipSlug}`, { headers: result.cookie ? { "Set-Cookie": result.cookie } : undefined });
  }
  if (result.reason === "has-account") throw signInFirst(token);
  return data({ refused: result.reason }, { status: 409 });
}

function pageHeading(view: InvitationView): string {
  if (view.status === "unusable") {
    return {
      unknown: "This invitation link does not work",
      expired: "This invitation has expired",
      revoked: "This invitation has been cancelled",
      used: "This invitation has already been used",
    }[view.problem];
  }
  return {
    "create-account": `Join ${view.partnershipName}`,
    "sign-in": `Join ${view.partnershipName}`,
    join: `Join ${view.partnershipName}`,
    "wrong-account": "You are signed in with a different email address",
    "already-member": `You are already a member of ${view.partnershipName}`,
  }[view.next];
}

export default function InvitationPage() {
  const { view, signedIn } = useLoaderData<typeof loader>();
  return (
    <PageChrome signedIn={signedIn}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {view.status === "unusable" ? <Unusable view={view} /> : <Usable view={view} />}
        </div>
      </div>
    </PageChrome>
  );
}

function Unusable({ view }: { view: Extract<InvitationView, { status: "unusable" }> }) {
  const who = view.partnershipName ?? "the partnership";
  return (
    <>
      <h1 className="govuk-heading-l">{pageHeading(view)}</h1>
      {view.problem === "unknown" ? (
        <>
          <p className="govuk-body">Check that you copied the whole link from the email.</p>
          <p className="govuk-body">If it still does not work, ask the partnership manager who invited you to send a new invitation.</p>
        </>
      ) : null}
      {view.problem === "expired" ? (
        <p className="govuk-body">{`Invitations last ${INVITE_VALID_DAYS} days. Ask ${who} for a new one: a partnership manager can send it again.`}</p>
      ) : null}
      {view.problem === "revoked" ? (
        <p className="govuk-body">{`${who} has cancelled this invitation. If you still need access, ask ${who} for a new one.`}</p>
      ) : null}
      {view.problem === "used" ? (
        <>
          <p className="govuk-body">Each invitation link works once. If you accepted it, sign in to use Safer Partnerships.</p>
          <p className="govuk-body">
            <Link to="/sign-in" className="govuk-link">
              Sign in
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function Usable({ view }: { view: Extract<InvitationView, { status: "usable" }> }) {
  const invited = `You have been invited to join ${view.partnershipName} as ${view.roleDescription}.`;
  switch (view.next) {
    case "create-account":
      return <CreateAccount view={view} />;
    case "join":
    case "sign-in":
      return (
        <>
          <h1 className="govuk-heading-l">{pageHeading(view)}</h1>
          <p className="govuk-body">{invited}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="join" />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {`Join ${view.partnershipName}`}
            </button>
          </Form>
        </>
      );
    case "wrong-account":
      return (
        <>
          <h1 className="govuk-heading-l">{pageHeading(view)}</h1>
          <p className="govuk-body govuk-!-text-break-word">
            {`This invitation was sent to ${view.email}, but you are signed in as ${view.signedInAs ?? "someone else"}.`}
          </p>
          <p className="govuk-body">Sign out, then open the link in the invitation again.</p>
          <form method="post" action="/sign-out">
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Sign out
            </button>
          </form>
        </>
      );
    case "already-member":
      return (
        <>
          <h1 className="govuk-heading-l">{pageHeading(view)}</h1>
          <p className="govuk-body">
            <Link to={`/${view.partnershipSlug}`} className="govuk-link">
              {`Go to ${view.partnershipName}`}
            </Link>
          </p>
        </>
      );
  }
}

function CreateAccount({ view }: { view: Extract<InvitationView, { status: "usable" }> }) {
  const actionData = useActionData<typeof action>();
  const lastResult = actionData && "refused" in actionData ? undefined : actionData;
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateAccountSchema }),
  });
  const errors = summariseErrors(form, [fields.name, fields.password]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">{pageHeading(view)}</h1>
      <p className="govuk-body">{`You have been invited to join ${view.partnershipName} as ${view.roleDescription}.`}</p>
      <h2 className="govuk-heading-m">Create your account</h2>
      <p className="govuk-body govuk-!-text-break-word">{`You will sign in with your email address, ${view.email}.`}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="create-account" />
        <TextField field={fields.name} label="Full name" autoComplete="name" spellCheck={false} />
        <TextField
          field={fields.password}
          label="Create a password"
          hint="Use 8 characters or more. Avoid common passwords and words that are easy to guess."
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {`Create account and join ${view.partnershipName}`}
        </button>
      </Form>
    </>
  );
}
