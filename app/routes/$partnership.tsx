import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PageChrome } from "~/components/page";
import { requirePartnershipMember, sectionsFor } from "~/modules/access/actor.server";

/** Every page under /:partnership/ needs a membership of that partnership. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    user: { name: actor.userName },
    sections: sectionsFor(actor),
  };
}

export default function PartnershipLayout() {
  const { partnership, user, sections } = useLoaderData<typeof loader>();
  const base = `/${partnership.slug}`;
  return (
    <PageChrome
      serviceName={partnership.name}
      serviceUrl={base}
      signedIn={user}
      navigation={[
        { to: base, label: "Overview", end: true },
        { to: `${base}/indicators`, label: "Indicators" },
        { to: `${base}/boards`, label: "Boards" },
        ...(sections.members ? [{ to: `${base}/members`, label: "Members" }] : []),
        ...(sections.auditLog ? [{ to: `${base}/audit`, label: "Audit log" }] : []),
        ...(sections.settings ? [{ to: `${base}/settings`, label: "Settings" }] : []),
      ]}
    >
      <Outlet />
    </PageChrome>
  );
}
