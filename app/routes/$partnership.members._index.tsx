import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ImportantBanner, SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { InviteActionSchema } from "~/modules/invites/invite-schema";
import { resendInvite, revokeInvite } from "~/modules/invites/invites.server";
import { listMembers } from "~/modules/members/members.server";
import { formatInstant } from "~/utils/dates";
import { notFound } from "~/utils/http";
import { ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Members - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { members, invites } = await listMembers(actor);
  const now = Date.now();
  const tz = partnership.timeZone;
  return {
    base: `/${partnership.slug}`,
    notice: noticeFrom(new URL(request.url).searchParams, members, invites),
    members: members.map((m) => ({
      id: m.id,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      agency: m.agency?.name ?? null,
      isYou: m.id === actor.membershipId,
    })),
    invites: invites.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      agency: i.agency?.name ?? null,
      sent: formatInstant(i.lastSentAt, tz),
      expires: formatInstant(i.expiresAt, tz),
      expired: i.expiresAt.getTime() <= now,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: InviteActionSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const { intent, inviteId } = submission.value;
  const result = intent === "resend" ? await resendInvite(actor, { inviteId }) : await revokeInvite(actor, { inviteId });
  if (result.status === "not-found") throw notFound();
  const outcome = intent === "revoke" ? "revoked" : result.emailSuppressed ? "suppressed" : result.emailSent === false ? "notSent" : "resent";
  return redirect(`/${partnership.slug}/members?${new URLSearchParams({ [outcome]: inviteId })}`);
}

type Notice = { kind: "success" | "important"; text: string };

/**
 * The banner after a change, from the query the change redirected to. Ids are looked
 * up in this partnership's own lists, so a made-up URL shows nothing of anyone else.
 */
function noticeFrom(
  query: URLSearchParams,
  members: Array<{ id: string; user: { name: string } }>,
  invites: Array<{ id: string; email: string }>,
): Notice | null {
  const invite = (key: string) => invites.find((i) => i.id === query.get(key));
  const member = members.find((m) => m.id === query.get("changed"));
  const invited = invite("invited");
  if (invited) return { kind: "success", text: `Invitation sent to ${invited.email}` };
  const resent = invite("resent");
  if (resent) return { kind: "success", text: `Invitation sent again to ${resent.email}. The link in the earlier email no longer works.` };
  const notSent = invite("notSent");
  if (notSent) {
    return { kind: "important", text: `The invitation to ${notSent.email} is saved, but the email could not be sent. Use Resend to try again.` };
  }
  const suppressed = invite("suppressed");
  if (suppressed) {
    return {
      kind: "important",
      text: `The invitation to ${suppressed.email} is saved, but not sent: emails to this address have bounced or been reported as spam, so none are sent to it. Check the address with them, then revoke this invitation and invite them again.`,
    };
  }
  if (query.has("revoked")) return { kind: "success", text: "Invitation revoked. The link in it no longer works." };
  if (member) return { kind: "success", text: `${member.user.name}'s role and agency are saved` };
  if (query.has("removed")) return { kind: "success", text: "Member removed from the partnership" };
  return null;
}

export default function MembersPage() {
  const { base, notice, members, invites } = useLoaderData<typeof loader>();
  return (
    <>
      {notice?.kind === "success" ? <SuccessBanner heading={notice.text} /> : null}
      {notice?.kind === "important" ? (
        <ImportantBanner>
          <p className="govuk-notification-banner__heading">{notice.text}</p>
        </ImportantBanner>
      ) : null}
      <h1 className="govuk-heading-xl">Members</h1>
      <p className="govuk-body">People who can sign in to this partnership, and invitations that have not been accepted yet.</p>
      <Link to={`${base}/members/invite`} role="button" draggable={false} className="govuk-button" data-module="govuk-button">
        Invite someone
      </Link>

      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{`Members (${members.length})`}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Name</th>
            <th scope="col" className="govuk-table__header">Email</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Agency</th>
            <th scope="col" className="govuk-table__header">
              <span className="govuk-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {members.map((m) => (
            <tr key={m.id} className="govuk-table__row">
              <td className="govuk-table__cell">{m.isYou ? `${m.name} (you)` : m.name}</td>
              <td className="govuk-table__cell govuk-!-text-break-word">{m.email}</td>
              <td className="govuk-table__cell">{ROLE_LABELS[m.role]}</td>
              <td className="govuk-table__cell">{m.agency ?? ""}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-margin-bottom-0">
                  <li>
                    <Link to={`${base}/members/${m.id}`} className="govuk-link">
                      Change<span className="govuk-visually-hidden">{` the role or agency of ${m.name}`}</span>
                    </Link>
                  </li>
                  <li>
                    <Link to={`${base}/members/${m.id}/remove`} className="govuk-link">
                      Remove<span className="govuk-visually-hidden">{` ${m.name}`}</span>
                    </Link>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="govuk-heading-m">Invitations not yet accepted</h2>
      {invites.length === 0 ? (
        <p className="govuk-body">There are no invitations waiting.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Invitations not yet accepted</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Email</th>
              <th scope="col" className="govuk-table__header">Role</th>
              <th scope="col" className="govuk-table__header">Agency</th>
              <th scope="col" className="govuk-table__header">Sent</th>
              <th scope="col" className="govuk-table__header">Expires</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {invites.map((i) => (
              <tr key={i.id} className="govuk-table__row">
                <td className="govuk-table__cell govuk-!-text-break-word">{i.email}</td>
                <td className="govuk-table__cell">{ROLE_LABELS[i.role]}</td>
                <td className="govuk-table__cell">{i.agency ?? ""}</td>
                <td className="govuk-table__cell">{i.sent}</td>
                <td className="govuk-table__cell">
                  {i.expired ? <strong className="govuk-tag govuk-tag--grey">Expired</strong> : null}
                  {i.expired ? <span className="govuk-!-display-block">{i.expires}</span> : i.expires}
                </td>
                <td className="govuk-table__cell">
                  <Form method="post" className="govuk-!-margin-bottom-2">
                    <input type="hidden" name="inviteId" value={i.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="resend"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      Resend<span className="govuk-visually-hidden">{` the invitation to ${i.email}`}</span>
                    </button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="inviteId" value={i.id} />
                    <button
                      type="submit"
                      name="intent"
                      value="revoke"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      Revoke<span className="govuk-visually-hidden">{` the invitation to ${i.email}`}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
