import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { IndicatorTable } from "~/components/indicator-table";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listIndicators } from "~/modules/indicators/indicators.server";

export const meta: MetaFunction = () => [{ title: "Indicators - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  return { partnershipSlug: partnership.slug, indicators: await listIndicators(actor) };
}

export default function IndicatorsPage() {
  const { indicators, partnershipSlug } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Indicators</h1>
      <p className="govuk-body">
        National indicators (codes beginning NI) and the partnership&apos;s local measures, with their baseline, target and
        latest figure.
      </p>
      <IndicatorTable indicators={indicators} caption={`${indicators.length} indicators`} partnershipSlug={partnershipSlug} showPriorities />
    </>
  );
}
