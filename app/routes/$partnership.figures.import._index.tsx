// Importing figures from a CSV file: the upload. Checking the file leads to its preview
// ($partnership.figures.import.$draftId.tsx); nothing is saved before it is confirmed.
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CsvUploadForm } from "~/components/csv-upload";
import { ErrorSummary } from "~/components/forms";
import { SuccessBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { acceptedPeriodForms } from "~/modules/figures/figure-period";
import { FIGURE_CSV_MAX_BYTES, FILE_PROBLEMS, isFileProblem } from "~/modules/figures/figure-csv";
import { COUNT_LABEL } from "~/modules/figures/figure-reading";
import { createFigureImportDraft, getFigureImportPage, receiveFigureCsv } from "~/modules/figures/figure-import.server";
import uploadProgressCss from "~/styles/upload-progress.css";

export const meta: MetaFunction = () => [{ title: "Import figures from a CSV file - Safer Partnerships" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: uploadProgressCss }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const page = await getFigureImportPage(actor);
  const query = new URL(request.url).searchParams;
  const problem = query.get("problem");
  const count = (name: string) => Math.max(0, Number.parseInt(query.get(name) ?? "", 10) || 0);
  return {
    slug: partnership.slug,
    startMonth: partnership.financialYearStartMonth,
    ...page,
    problem: isFileProblem(problem) ? FILE_PROBLEMS[problem] : null,
    // csv-parse stays on the server: what the upload form needs travels as data.
    upload: { maxBytes: FIGURE_CSV_MAX_BYTES, tooLargeMessage: FILE_PROBLEMS["too-large"] },
    imported: query.has("imported") ? { created: count("imported"), changed: count("changed"), unchanged: count("unchanged") } : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const draft = await createFigureImportDraft(actor, await receiveFigureCsv(actor, request));
  // After a post, a redirect either way: reloading the page never posts the file again.
  if (!draft.ok) return redirect(`/${partnership.slug}/figures/import?problem=${draft.problem}`);
  return redirect(`/${partnership.slug}/figures/import/${draft.draftId}`);
}

export default function ImportFigures() {
  const { slug, startMonth, indicators, problem, imported, upload } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to={`/${slug}/indicators`} className="govuk-back-link">
          Back to indicators
        </Link>
        <ErrorSummary errors={problem ? [{ fieldId: "file", message: problem }] : []} />
        {imported ? (
          <SuccessBanner heading="Figures imported">
            <p className="govuk-body">
              {imported.created} added, {imported.changed} changed, {imported.unchanged} already up to date.{" "}
              <Link to={`/${slug}/indicators`} className="govuk-notification-banner__link">
                See the indicators
              </Link>
            </p>
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Import figures from a CSV file</h1>
        <p className="govuk-body">
          Add or update many figures at once from a spreadsheet saved as CSV. You will see every figure the file adds or changes, and any problem with it, before anything is saved.
          Then everything in the file is saved together, or nothing is.
        </p>

        <h2 className="govuk-heading-m">1. Download the template</h2>
        <p className="govuk-body">
          <a href={`/${slug}/figures/template.csv`} download className="govuk-link">
            Download the figures template (CSV)
          </a>{" "}
          with a line for each of the {indicators.length} indicator{indicators.length === 1 ? "" : "s"} you can import figures for.
        </p>

        <h2 className="govuk-heading-m">2. Fill it in</h2>
        <p className="govuk-body">The first line names the columns, in any order and in capitals or not. Each line after it is one figure.</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">The columns of the file</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Column
              </th>
              <th scope="col" className="govuk-table__header">
                What to put in it
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                indicator
              </th>
              <td className="govuk-table__cell">The indicator&apos;s code, like NI 16, or its name if it has no code</td>
            </tr>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                period
              </th>
              <td className="govuk-table__cell">The period the figure is for, written as {acceptedPeriodForms(startMonth)}</td>
            </tr>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                value
              </th>
              <td className="govuk-table__cell">
                The figure: a number like 1234.5 (&quot;1,234&quot; in quotation marks is read as 1234); a percentage like 60 or 60% for percentage indicators. Leave it empty for rates
                per residents or households
              </td>
            </tr>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                count
              </th>
              <td className="govuk-table__cell">
                For rates per residents or households: the {COUNT_LABEL.toLowerCase()}. The rate is worked out from it and that year&apos;s residents or households. Leave it empty
                for other indicators
              </td>
            </tr>
            <tr className="govuk-table__row">
              <th scope="row" className="govuk-table__header">
                note
              </th>
              <td className="govuk-table__cell">Optional. An empty note keeps the note a figure already has</td>
            </tr>
          </tbody>
        </table>
        <p className="govuk-body">
          Save the file as &quot;CSV UTF-8&quot; or &quot;CSV (comma delimited)&quot;; commas or semicolons between columns both work. A cell may not start with =, +, - or @, which
          spreadsheets run as formulas.
        </p>

        <h2 className="govuk-heading-m">3. Upload it</h2>
        <CsvUploadForm
          action={`/${slug}/figures/import`}
          label="Upload a CSV file of figures"
          hint="A CSV file, smaller than 5 MB"
          error={problem}
          maxBytes={upload.maxBytes}
          tooLargeMessage={upload.tooLargeMessage}
          buttonText="Check the file"
        />
      </div>
    </div>
  );
}
