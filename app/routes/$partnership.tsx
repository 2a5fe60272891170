import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { BillingBanner } from "~/components/billing-banner";
import { PageChrome } from "~/components/page";
import { requirePartnershipMember, sectionsFor } from "~/modules/access/actor.server";
import { billingBanner } from "~/modules/billing/billing.server";

/** Every page under /:partnership/ needs a membership of that partnership. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return {
    partnership: { slug: partnership.slug, name: partnership.name },
    user: { name: actor.userName },
    sections: sectionsFor(actor),
    billingBanner: billingBanner(actor, partnership),
  };
}

export default function PartnershipLayout() {
  const { partnership, user, sections, billingBanner } = useLoaderData<typeof loader>();
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
        { to: `${base}/meetings`, label: "Meetings" },
        ...(sections.members ? [{ to: `${base}/members`, label: "Members" }] : []),
        ...(sections.auditLog ? [{ to: `${base}/audit`, label: "Audit log" }] : []),
        ...(sections.settings ? [{ to: `${base}/settings`, label: "Settings" }] : []),
        { to: `${base}/preferences`, label: "E-mail preferences" },
      ]}
    >
      <BillingBanner kind={billingBanner} billingUrl={sections.settings ? `${base}/settings/billing` : null} />
      <Outlet />
    </PageChrome>
  );
}
