import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageChrome } from "~/components/page";
import { requireUser } from "~/modules/auth/auth.server";
import { listMembershipsOfUser } from "~/modules/registry/registry.server";
import { ROLE_LABELS } from "~/utils/labels";

export const meta: MetaFunction = () => [{ title: "Choose a partnership - Safer Partnerships" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const memberships = await listMembershipsOfUser(user.id);
  return {
    user: { name: user.name },
    memberships: memberships.map((m) => ({ slug: m.partnership.slug, name: m.partnership.name, role: m.role })),
  };
}

export default function ChoosePartnership() {
  const { user, memberships } = useLoaderData<typeof loader>();
  return (
    <PageChrome signedIn={user}>
      <h1 className="govuk-heading-l">Choose a partnership</h1>
      {memberships.length === 0 ? (
        <p className="govuk-body">
          You are not a member of any partnership yet. Ask your partnership manager to invite you.
        </p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {memberships.map((m) => (
            <li key={m.slug}>
              <Link to={`/${m.slug}`} className="govuk-link govuk-!-font-size-24 govuk-!-font-weight-bold">
                {m.name}
              </Link>
              <br />
              <span className="govuk-body-s govuk-!-margin-bottom-0">{ROLE_LABELS[m.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </PageChrome>
  );
}
