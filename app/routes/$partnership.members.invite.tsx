import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isSetupMode, SetupStepActions } from "~/components/setup-step";
import { ErrorSummary, SubmitAndCancel, summariseErrors, TextField } from "~/components/forms";
import { RoleAndAgencyFields } from "~/components/member-fields";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { INVITE_VALID_DAYS, InviteSchema } from "~/modules/invites/invite-schema";
import { getInviteForm, inviteMember } from "~/modules/invites/invites.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Invite someone to ${data?.partnershipName ?? "the partnership"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { agencies } = await getInviteForm(actor);
  return { base: `/${partnership.slug}`, slug: partnership.slug, partnershipName: partnership.name, agencies, setup: isSetupMode(request) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: InviteSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await inviteMember(actor, submission.value);
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const outcome = result.emailSuppressed ? "suppressed" : result.emailSent ? (result.resent ? "resent" : "invited") : "notSent";
  // From the set-up, invite the next lead officer (or finish the task) on the same page.
  if (isSetupMode(request)) return redirect(`/${partnership.slug}/members/invite?setup=1&${new URLSearchParams({ [outcome]: result.inviteId })}`);
  return redirect(`/${partnership.slug}/members?${new URLSearchParams({ [outcome]: result.inviteId })}`);
}

export default function InvitePage() {
  const { base, slug, partnershipName, agencies, setup } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const errors = summariseErrors(form, [fields.email, fields.role, fields.agencyId]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`${base}/members`} className="govuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{partnershipName}</span>
        <h1 className="govuk-heading-l">Invite someone</h1>
        <p className="govuk-body">
          {`We will email them a link to join. The link works once and lasts ${INVITE_VALID_DAYS} days. If they already have an invitation waiting, we will send it again with the role you choose here.`}
        </p>
        <Form method="post" {...getFormProps(form)} noValidate>
          <TextField field={fields.email} label="Email address" type="email" autoComplete="off" spellCheck={false} />
          <RoleAndAgencyFields fields={fields} agencies={agencies} noAgency="Choose an agency" />
          <SubmitAndCancel label="Send invitation" cancelTo={`${base}/members`} />
        </Form>
        {setup ? <SetupStepActions slug={slug} task="invites" /> : null}
      </div>
    </div>
  );
}
