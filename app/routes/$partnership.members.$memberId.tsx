import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SubmitAndCancel, summariseErrors } from "~/components/forms";
import { RoleAndAgencyFields } from "~/components/member-fields";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { ChangeMemberSchema } from "~/modules/members/member-schema";
import { changeMember, getMember } from "~/modules/members/members.server";
import { invariantResponse, notFound } from "~/utils/http";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Change ${data.member.name}` : "Change a member"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getMember(actor, params.memberId ?? "");
  invariantResponse(found, "Member not found");
  const { member, agencies, isYou, onlyManager } = found;
  return {
    base: `/${partnership.slug}`,
    member: { id: member.id, name: member.user.name, email: member.user.email, role: member.role, agencyId: member.agencyId },
    agencies,
    isYou,
    onlyManager,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: ChangeMemberSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const membershipId = params.memberId ?? "";
  const result = await changeMember(actor, { membershipId, ...submission.value });
  if (result.status === "not-found") throw notFound("Member not found");
  if (result.status === "invalid") return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  // A manager who has just made themselves something else can no longer see the members page.
  if (membershipId === actor.membershipId && submission.value.role !== "PARTNERSHIP_MANAGER") {
    return redirect(`/${partnership.slug}`);
  }
  return redirect(`/${partnership.slug}/members${result.changed ? `?changed=${membershipId}` : ""}`);
}

export default function ChangeMemberPage() {
  const { base, member, agencies, isYou, onlyManager } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { role: member.role, agencyId: member.agencyId ?? "" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangeMemberSchema }),
  });
  const errors = summariseErrors(form, [fields.role, fields.agencyId]);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`${base}/members`} className="govuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l govuk-!-text-break-word">{member.email}</span>
        <h1 className="govuk-heading-l">{isYou ? "Change your role or agency" : `Change the role or agency of ${member.name}`}</h1>
        {onlyManager ? (
          <div className="govuk-inset-text">
            {`${isYou ? "You are" : `${member.name} is`} the only partnership manager. There must be at least one, so make someone else a partnership manager before changing this role.`}
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <RoleAndAgencyFields fields={fields} agencies={agencies} noAgency="No agency" />
          <SubmitAndCancel label="Save changes" cancelTo={`${base}/members`} />
        </Form>
        <p className="govuk-body">
          <Link to={`${base}/members/${member.id}/remove`} className="govuk-link">
            {isYou ? "Remove yourself from the partnership" : `Remove ${member.name} from the partnership`}
          </Link>
        </p>
      </div>
    </div>
  );
}
