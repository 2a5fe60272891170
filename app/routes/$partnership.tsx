import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { PageChrome } from "~/components/page";
import { requirePartnershipMember } from "~/modules/access/actor.server";

/** Every page under /:partnership/ needs a membership of that partnership. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { partnership: { slug: partnership.slug, name: partnership.name }, user: { name: actor.userName } };
}

export default function PartnershipLayout() {
  const { partnership, user } = useLoaderData<typeof loader>();
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
      ]}
    >
      <Outlet />
    </PageChrome>
  );
}
