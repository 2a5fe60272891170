// The partnership's indicators for its managers: open one to edit it and its targets,
// add one from the national library or a local one, archive or restore.
import { SetupStepActions } from "~/components/setup-step";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listIndicatorSettings, setIndicatorArchived } from "~/modules/configuration/indicators-settings.server";
import { invariantResponse } from "~/utils/http";
import { DIRECTION_LABELS } from "~/utils/labels";
import { UNIT_LABELS } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Indicators - Settings - Safer Partnerships" }];

const ArchiveSchema = z.object({ intent: z.enum(["archive", "restore"]), indicatorId: z.string().trim().min(1) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  return { partnershipSlug: partnership.slug, setup: url.searchParams.has("setup"), saved: url.searchParams.has("saved"), ...(await listIndicatorSettings(actor)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const submission = parseWithZod(await request.formData(), { schema: ArchiveSchema });
  invariantResponse(submission.status === "success", "Choose an indicator", 400);
  const result = await setIndicatorArchived(actor, submission.value.indicatorId, submission.value.intent === "archive");
  invariantResponse(result, "Indicator not found");
  return data({ message: submission.value.intent === "archive" ? "Indicator archived" : "Indicator restored" });
}

export default function IndicatorSettings() {
  const { partnershipSlug, setup, saved, indicators, library } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const query = setup ? "?setup=1" : "";
  const base = `/${partnershipSlug}/settings/indicators`;
  return (
    <>
      <Link to={setup ? `/${partnershipSlug}/setup` : `/${partnershipSlug}/settings`} className="govuk-back-link">
        {setup ? "Back to set-up" : "Settings"}
      </Link>
      {actionData ? <SuccessBanner heading={actionData.message} /> : saved ? <SuccessBanner heading="Indicator saved" /> : null}
      <h1 className="govuk-heading-l">Indicators</h1>
      <div className="govuk-button-group">
        <Link to={`${base}/new${query}`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Create a local indicator
        </Link>
      </div>
      {indicators.length === 0 ? (
        <p className="govuk-body">No indicators yet: add one from the library below, or create a local one.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">This partnership&apos;s indicators</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Indicator</th>
              <th scope="col" className="govuk-table__header">Unit</th>
              <th scope="col" className="govuk-table__header">Better when</th>
              <th scope="col" className="govuk-table__header">Targets</th>
              <th scope="col" className="govuk-table__header">Change</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {indicators.map((indicator) => (
              <tr key={indicator.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link to={`${base}/${indicator.id}${query}`} className="govuk-link">
                    {indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name}
                  </Link>
                  {indicator.archivedAt ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-1">Archived</strong> : null}
                </td>
                <td className="govuk-table__cell">{UNIT_LABELS[indicator.unit]}</td>
                <td className="govuk-table__cell">{DIRECTION_LABELS[indicator.direction]}</td>
                <td className="govuk-table__cell">{indicator._count.targets}</td>
                <td className="govuk-table__cell">
                  <Form method="post">
                    <input type="hidden" name="indicatorId" value={indicator.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={indicator.archivedAt ? "restore" : "archive"}
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      data-module="govuk-button"
                    >
                      {indicator.archivedAt ? "Restore" : "Archive"}
                      <span className="govuk-visually-hidden">{` ${indicator.name}`}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-m">Add from the national indicator library</h2>
      <p className="govuk-body">
        The former National Indicator Set (abolished in 2011) is a starting point: once added, an indicator&apos;s name, unit and direction can be changed.
      </p>
      {library.length === 0 ? (
        <p className="govuk-body">Every library indicator has been added.</p>
      ) : (
        <ul className="govuk-list">
          {library.map((ni) => (
            <li key={ni.code}>
              <Link to={`${base}/new?${new URLSearchParams({ library: ni.code, ...(setup ? { setup: "1" } : {}) })}`} className="govuk-link">
                {`Add ${ni.code}: ${ni.name}`}
              </Link>
              <span className="govuk-body-s">{` (${ni.usualUnit}; ${DIRECTION_LABELS[ni.direction].toLowerCase()})`}</span>
            </li>
          ))}
        </ul>
      )}
      {setup ? <SetupStepActions slug={partnershipSlug} task="indicators" /> : null}
    </>
  );
}
