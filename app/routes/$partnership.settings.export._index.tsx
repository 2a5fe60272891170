// Download all of the partnership's data, for its managers: for their records, or to leave.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { describeDataExport } from "~/modules/data-export/data-export.server";

export const meta: MetaFunction = () => [{ title: "Download all data - Safer Partnerships" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { tables } = await describeDataExport(actor);
  return { partnershipName: partnership.name, slug: partnership.slug, tables };
}

export default function DataExport() {
  const { partnershipName, slug, tables } = useLoaderData<typeof loader>();
  const total = tables.reduce((n, t) => n + t.rows, 0);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">Settings</span>
        <h1 className="govuk-heading-l">Download all data</h1>
        <p className="govuk-body">
          Download everything Safer Partnerships holds for {partnershipName}: {total.toLocaleString("en-GB")} records. Use it for your own records, or to move to another system.
        </p>
        <p className="govuk-body">The download is a zip file with:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>one spreadsheet (CSV) file for each kind of record</li>
          <li>one JSON file with all of the records, for loading into another system</li>
        </ul>
        <div className="govuk-inset-text">Invitation tokens and passwords are not included.</div>
        <p className="govuk-body">
          <a href={`/${slug}/settings/export/download`} download className="govuk-button" data-module="govuk-button">
            Download all data (zip)
          </a>
        </p>
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">What the download contains</span>
          </summary>
          <div className="govuk-details__text">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--s">Records in each file</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    File
                  </th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                    Records
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {tables.map((t) => (
                  <tr key={t.table} className="govuk-table__row">
                    <td className="govuk-table__cell">{t.table}.csv</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{t.rows}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <p className="govuk-body">
          <Link to="../profile" relative="path" className="govuk-link">
            Download or import the partnership profile
          </Link>
        </p>
      </div>
    </div>
  );
}
