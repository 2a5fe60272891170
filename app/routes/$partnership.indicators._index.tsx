import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { IndicatorTable } from "~/components/indicator-table";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listIndicators } from "~/modules/indicators/indicators.server";

export const meta: MetaFunction = () => [{ title: "Indicators - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const indicators = await listIndicators(actor);
  // Who can enter a figure for any indicator can import figures for those indicators.
  return { partnershipSlug: partnership.slug, indicators, canImportFigures: indicators.some((indicator) => indicator.canEnterFigure) };
}

export default function IndicatorsPage() {
  const { indicators, partnershipSlug, canImportFigures } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-xl">Indicators</h1>
      <p className="govuk-body">
        National indicators (codes beginning NI) and the partnership&apos;s local measures, with their baseline, target and
        latest figure.
      </p>
      {canImportFigures ? (
        <p className="govuk-body">
          <Link to={`/${partnershipSlug}/figures/import`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Import figures from a CSV file
          </Link>
        </p>
      ) : null}
      <IndicatorTable indicators={indicators} caption={`${indicators.length} indicators`} partnershipSlug={partnershipSlug} showPriorities />
    </>
  );
}
