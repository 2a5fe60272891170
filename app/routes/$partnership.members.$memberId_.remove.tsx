import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getMember, removeMember } from "~/modules/members/members.server";
import { invariantResponse, notFound } from "~/utils/http";
import { ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Remove ${data.member.name}` : "Remove a member"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const found = await getMember(actor, params.memberId ?? "");
  invariantResponse(found, "Member not found");
  const { member, isYou, onlyManager } = found;
  return {
    base: `/${partnership.slug}`,
    partnershipName: partnership.name,
    member: {
      id: member.id,
      name: member.user.name,
      email: member.user.email,
      role: member.role,
      agency: member.agency?.name ?? null,
    },
    isYou,
    onlyManager,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const result = await removeMember(actor, { membershipId: params.memberId ?? "" });
  if (result.status === "not-found") throw notFound("Member not found");
  if (result.status === "invalid") return data({ errors: result.formErrors }, { status: 400 });
  // Someone who has removed themselves has nothing more to see here.
  return redirect(result.removedYourself ? "/" : `/${partnership.slug}/members?removed=1`);
}

const ONLY_MANAGER = "There must be at least one partnership manager, so make someone else a partnership manager first.";

export default function RemoveMemberPage() {
  const { base, partnershipName, member, isYou, onlyManager } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = (actionData?.errors ?? []).map((message) => ({ fieldId: "remove-member", message }));
  const who = isYou ? "yourself" : member.name;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`${base}/members`} className="govuk-back-link">
          Back to members
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{`Remove ${who} from ${partnershipName}?`}</h1>
        <dl className="govuk-summary-list">
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Name</dt>
            <dd className="govuk-summary-list__value">{member.name}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Email</dt>
            <dd className="govuk-summary-list__value govuk-!-text-break-word">{member.email}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Role</dt>
            <dd className="govuk-summary-list__value">{ROLE_LABELS[member.role]}</dd>
          </div>
          <div className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">Agency</dt>
            <dd className="govuk-summary-list__value">{member.agency ?? "None"}</dd>
          </div>
        </dl>
        {onlyManager ? (
          // The error summary links here if the page was out of date when the button was pressed.
          <div className="govuk-inset-text" id="remove-member">
            {`${isYou ? "You are" : `${member.name} is`} the only partnership manager. ${ONLY_MANAGER}`}
          </div>
        ) : (
          <p className="govuk-body">
            {isYou
              ? "You will no longer be able to see this partnership. Another partnership manager can invite you again."
              : `${member.name} will no longer be able to see this partnership. Their account stays, and you can invite them again.`}
          </p>
        )}
        {onlyManager ? (
          <p className="govuk-body">
            <Link to={`${base}/members`} className="govuk-link">
              Back to members
            </Link>
          </p>
        ) : (
          <Form method="post">
            <div className={`govuk-form-group${errors.length > 0 ? " govuk-form-group--error" : ""}`}>
              {errors.map((error) => (
                <p key={error.message} id="remove-member-error" className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {error.message}
                </p>
              ))}
              <div className="govuk-button-group">
                <button
                  type="submit"
                  id="remove-member"
                  className="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                  aria-describedby={errors.length > 0 ? "remove-member-error" : undefined}
                >
                  {isYou ? "Remove yourself" : `Remove ${member.name}`}
                </button>
                <Link to={`${base}/members`} className="govuk-link">
                  Cancel
                </Link>
              </div>
            </div>
          </Form>
        )}
      </div>
    </div>
  );
}
