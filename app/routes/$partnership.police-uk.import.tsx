// Import police.uk street-level crime files: upload, see what was counted and what was
// left out (and why), and the months imported before. Without JavaScript the form
// posts here; with it, the page uploads to /police-uk/upload and shows progress.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigate } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { ErrorSummary } from "~/components/forms";
import { UploadProgress, useUploadWithProgress } from "~/components/upload-progress";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getPoliceUkImports } from "~/modules/police-uk/police-uk.server";
import { POLICE_UK_FILES_FIELD } from "~/modules/police-uk/police-uk-schema";
import { importPoliceUkUpload } from "~/modules/police-uk/police-uk-upload.server";
import { formatInstant } from "~/utils/dates";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import type { UploadAnswer } from "./$partnership.police-uk.upload";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.report.length ? "police.uk figures imported" : "Import police.uk crime files"} - Safer Partnerships` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const months = (new URL(request.url).searchParams.get("months") ?? "").split(",").filter(Boolean);
  return { slug: partnership.slug, ...(await getPoliceUkImports(actor, months)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const result = await importPoliceUkUpload(actor, request);
  if (result.status === "refused") return data({ problems: result.problems }, { status: 400 });
  return redirect(`/${partnership.slug}/police-uk/import?${new URLSearchParams({ months: result.months.join(",") })}`);
}

const n = (value: number) => formatNumber(String(value));

export default function PoliceUkImport() {
  const { slug, areaDescription, mappings, maxMegabytes, imports, report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [uploadProblems, setUploadProblems] = useState<string[] | null>(null);
  const problems = uploadProblems ?? actionData?.problems ?? [];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <Link to={`/${slug}/settings/police-uk`} className="govuk-back-link">
          police.uk settings
        </Link>
        <ErrorSummary errors={problems.map((message) => ({ fieldId: POLICE_UK_FILES_FIELD, message }))} />
        {report.length > 0 && problems.length === 0 ? <ImportReport report={report} slug={slug} /> : null}
        <h1 className="govuk-heading-l">{report.length > 0 && problems.length === 0 ? "Import more police.uk crime files" : "Import police.uk crime files"}</h1>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <p className="govuk-body">
              Download the street-level crime files for the partnership&apos;s police force from data.police.uk and upload them here, one month or several. For each month in the
              files, the crimes in the partnership&apos;s area ({areaDescription}) are counted into these indicators, replacing any earlier import of that month:
            </p>
            {mappings.length > 0 ? (
              <ul className="govuk-list govuk-list--bullet">
                {mappings.map((m) => (
                  <li key={m.crimeType}>{`${m.crimeType}: ${m.indicator}`}</li>
                ))}
              </ul>
            ) : (
              <p className="govuk-body govuk-!-font-weight-bold">No crime type counts towards an indicator yet.</p>
            )}
            <p className="govuk-body">
              <Link to={`/${slug}/settings/police-uk`} className="govuk-link">
                Change the area or the crime types
              </Link>
            </p>
            <UploadForm slug={slug} maxMegabytes={maxMegabytes} error={problems.length > 0 ? problems : null} onProblems={setUploadProblems} />
          </div>
        </div>
        <PastImports imports={imports} />
      </div>
    </div>
  );
}

/**
 * A plain multipart form. With JavaScript it is sent with XMLHttpRequest instead, the
 * one browser API that reports upload progress.
 */
function UploadForm(props: { slug: string; maxMegabytes: number; error: string[] | null; onProblems: (problems: string[] | null) => void }) {
  const navigate = useNavigate();
  const { progress, uploading, upload, stop } = useUploadWithProgress();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    props.onProblems(null);
    const fail = (problems: string[]) => {
      stop();
      props.onProblems(problems);
    };
    upload(`/${props.slug}/police-uk/upload`, new FormData(event.currentTarget), {
      accept: "application/json",
      onLoad: (request) => {
        let answer: UploadAnswer | null = null;
        try {
          answer = JSON.parse(request.responseText) as UploadAnswer;
        } catch {
          answer = null;
        }
        if (answer?.ok) {
          stop();
          navigate(answer.redirectTo);
        } else fail(answer?.problems ?? ["The files could not be imported: reload the page and try again"]);
      },
      onNetworkError: () => props.onProblems(["The upload stopped before it finished: check the connection and upload the files again"]),
    });
  }

  const error = props.error;
  return (
    <form method="post" encType="multipart/form-data" onSubmit={onSubmit} noValidate>
      <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--m" htmlFor={POLICE_UK_FILES_FIELD}>
          Upload street-level crime files
        </label>
        <div id={`${POLICE_UK_FILES_FIELD}-hint`} className="govuk-hint">
          {`CSV files as police.uk gives them, such as 2024-03-tatton-vale-street.csv, each ${props.maxMegabytes} MB or smaller`}
        </div>
        {error ? (
          <p id={`${POLICE_UK_FILES_FIELD}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error.length === 1 ? error[0] : `${error.length} problems, listed at the top of the page`}
          </p>
        ) : null}
        <input
          id={POLICE_UK_FILES_FIELD}
          name={POLICE_UK_FILES_FIELD}
          type="file"
          multiple
          accept=".csv,text/csv"
          disabled={uploading}
          className={`govuk-file-upload${error ? " govuk-file-upload--error" : ""}`}
          aria-describedby={`${POLICE_UK_FILES_FIELD}-hint${error ? ` ${POLICE_UK_FILES_FIELD}-error` : ""}`}
        />
      </div>
      <UploadProgress progress={progress} uploadingText="Uploading and counting" finishingText="Counting the last rows and saving the figures" />
      <button type="submit" className="govuk-button" data-module="govuk-button" disabled={uploading} aria-disabled={uploading}>
        Import the files
      </button>
    </form>
  );
}

type Report = ReturnType<typeof useLoaderData<typeof loader>>["report"];

function ImportReport({ report, slug }: { report: Report; slug: string }) {
  return (
    <>
      <SuccessBanner heading={`police.uk figures imported for ${report.map((m) => m.label).join(", ")}`} />
      {report.map((month) => (
        <section key={month.month} className="govuk-!-margin-bottom-8" aria-labelledby={`report-${month.month}`}>
          <h2 className="govuk-heading-m" id={`report-${month.month}`}>
            {month.label}
          </h2>
          <p className="govuk-body-s">{`From ${month.fileName}`}</p>
          <dl className="govuk-summary-list">
            {[
              ["Rows read", month.rowsRead],
              ["Counted into indicators", month.rowsCounted],
              ["Outside the partnership's area", month.rowsOutsideArea],
              ["Without a location", month.rowsWithoutLocation],
              ["In the area, of crime types no indicator takes", month.rowsUnmappedType],
            ].map(([label, value]) => (
              <div className="govuk-summary-list__row" key={label}>
                <dt className="govuk-summary-list__key">{label}</dt>
                <dd className="govuk-summary-list__value">{n(value as number)}</dd>
              </div>
            ))}
          </dl>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{`Figures for ${month.label}`}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Indicator
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Crimes counted
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Figure
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {month.figures.map((f) => (
                <tr className="govuk-table__row" key={f.indicatorId}>
                  <th scope="row" className="govuk-table__header">
                    <Link to={`/${slug}/indicators/${f.indicatorId}`} className="govuk-link">
                      {f.indicator}
                    </Link>
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{f.count === null ? "" : formatNumber(f.count)}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatIndicatorValue(f.value, f.unit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{`Crimes in the area in ${month.label}, by police.uk crime type`}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Crime type
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Crimes
                </th>
                <th scope="col" className="govuk-table__header">
                  Counted into
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {month.crimeTypes.map((c) => (
                <tr className="govuk-table__row" key={c.crimeType}>
                  <th scope="row" className="govuk-table__header">
                    {c.crimeType}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{n(c.count)}</td>
                  <td className="govuk-table__cell">{c.indicator ?? "Not counted: no indicator takes this crime type"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}

function PastImports({ imports }: { imports: ReturnType<typeof useLoaderData<typeof loader>>["imports"] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Months imported</h2>
      {imports.length === 0 ? (
        <p className="govuk-body">No police.uk file has been imported yet.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">Months imported from police.uk, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Month
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Rows read
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Counted
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Outside the area
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                No location
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Types not counted
              </th>
              <th scope="col" className="govuk-table__header">
                Imported
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {imports.map((i) => (
              <tr className="govuk-table__row" key={i.month}>
                <th scope="row" className="govuk-table__header">
                  {i.label}
                </th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(i.rowsRead)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(i.rowsCounted)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(i.rowsOutsideArea)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(i.rowsWithoutLocation)}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{n(i.rowsUnmappedType)}</td>
                <td className="govuk-table__cell">{`${formatInstant(new Date(i.importedAt))} by ${i.importedBy}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
