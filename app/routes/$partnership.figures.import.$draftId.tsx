// A checked figures file: every problem by line and column, or what importing it would
// add and change, and the button that saves it all in one go.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { CsvUploadForm } from "~/components/csv-upload";
import { ErrorSummary } from "~/components/forms";
import { ImportantBanner } from "~/components/notification-banner";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { describeCsvProblem, FIGURE_CSV_MAX_BYTES, FILE_PROBLEMS } from "~/modules/figures/figure-csv";
import { confirmFigureImport, getFigureImportPreview, type PlannedFigure } from "~/modules/figures/figure-import.server";
import uploadProgressCss from "~/styles/upload-progress.css";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { invariantResponse } from "~/utils/http";

export const meta: MetaFunction = () => [{ title: "Check the figures file - Safer Partnerships" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: uploadProgressCss }];

/** Lists longer than this are cut short on the page; confirming still imports every line. */
const SHOWN_ROWS = 500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const preview = await getFigureImportPreview(actor, params.draftId ?? "", partnership);
  invariantResponse(preview, "This import was not found: it may have been imported already, or been waiting more than an hour. Upload the file again.");
  const { plan } = preview;
  return {
    slug: partnership.slug,
    fileName: preview.fileName,
    encoding: preview.encoding,
    delimiter: preview.delimiter === ";" ? "semicolons" : "commas",
    problems: plan.problems.map(describeCsvProblem),
    created: plan.created.slice(0, SHOWN_ROWS),
    changed: plan.changed.slice(0, SHOWN_ROWS),
    unchanged: plan.unchanged.slice(0, SHOWN_ROWS),
    counts: { created: plan.created.length, changed: plan.changed.length, unchanged: plan.unchanged.length },
    signature: plan.signature,
    upload: { maxBytes: FIGURE_CSV_MAX_BYTES, tooLargeMessage: FILE_PROBLEMS["too-large"] },
  };
}

const ConfirmSchema = z.object({ signature: z.string().max(64) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const input = ConfirmSchema.safeParse(Object.fromEntries(await request.formData()));
  const result = await confirmFigureImport(actor, params.draftId ?? "", input.success ? input.data.signature : "", partnership);
  invariantResponse(result, "This import was not found: it may have been imported already, or been waiting more than an hour. Upload the file again.");
  if (result.status === "not-ready") return data({ reason: result.reason }, { status: 409 });
  const query = new URLSearchParams({ imported: String(result.created), changed: String(result.changed), unchanged: String(result.unchanged) });
  return redirect(`/${partnership.slug}/figures/import?${query}`);
}

export default function CheckFiguresFile() {
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const { slug, counts } = page;

  if (page.problems.length > 0) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-full">
          <ErrorSummary
            errors={[
              { fieldId: "problems", message: `${page.fileName} has ${page.problems.length === 1 ? "a problem" : `${page.problems.length} problems`}: nothing has been imported` },
            ]}
          />
          <span className="govuk-caption-l">Import figures</span>
          <h1 className="govuk-heading-l">Fix the file and upload it again</h1>
          <p className="govuk-body">
            Nothing from <strong>{page.fileName}</strong> has been saved. Fix every line listed below in the spreadsheet, save it as CSV again, and upload it.
          </p>
          <table className="govuk-table" id="problems">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {page.problems.length === 1 ? "1 problem" : `${page.problems.length} problems`}
            </caption>
            <tbody className="govuk-table__body">
              {page.problems.map((problem, i) => (
                <tr key={i} className="govuk-table__row">
                  <td className="govuk-table__cell">{problem}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">
              <CsvUploadForm
                action={`/${slug}/figures/import`}
                label="Upload the corrected file"
                hint="A CSV file, smaller than 5 MB"
                maxBytes={page.upload.maxBytes}
                tooLargeMessage={page.upload.tooLargeMessage}
                buttonText="Check the file"
              />
              <p className="govuk-body">
                <Link to={`/${slug}/figures/import`} className="govuk-link">
                  How to fill in the file, and the template
                </Link>
              </p>
            </div>
          </div>
        </div>
      </div>
    );
  }

  const toSave = counts.created + counts.changed;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {refused ? (
          <ImportantBanner>
            <p className="govuk-notification-banner__heading">
              {refused.reason === "problems"
                ? "The file no longer fits the partnership's indicators: check the problems below."
                : "Some of these figures changed after the file was checked, so nothing was imported. Check what the file will change now, then import it."}
            </p>
          </ImportantBanner>
        ) : null}
        <span className="govuk-caption-l">Import figures</span>
        <h1 className="govuk-heading-l">Check the figures before you import them</h1>
        <p className="govuk-body">
          <strong>{page.fileName}</strong> was read as {page.encoding} text with {page.delimiter} between columns, and every line is correct.
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{counts.created} new figure{counts.created === 1 ? "" : "s"} to add</li>
          <li>{counts.changed} figure{counts.changed === 1 ? "" : "s"} to change</li>
          <li>{counts.unchanged} already up to date (left as they are)</li>
        </ul>

        {page.created.length > 0 ? <FigureTable caption="Figures to add" rows={page.created} total={counts.created} /> : null}
        {page.changed.length > 0 ? <FigureTable caption="Figures to change" rows={page.changed} total={counts.changed} showBefore /> : null}
        {page.unchanged.length > 0 ? (
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Figures already up to date ({counts.unchanged})</span>
            </summary>
            <div className="govuk-details__text">
              <FigureTable caption="Figures already up to date" rows={page.unchanged} total={counts.unchanged} />
            </div>
          </details>
        ) : null}

        {toSave === 0 ? (
          <div className="govuk-inset-text">Every figure in the file is already saved as it is: importing it would change nothing.</div>
        ) : (
          <div className="govuk-inset-text">The figures are saved together, or none is. Each one shows in its indicator&apos;s history as imported by you.</div>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="signature" value={page.signature} />
          <div className="govuk-button-group">
            {toSave > 0 ? (
              <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy}>
                Import {toSave} figure{toSave === 1 ? "" : "s"}
              </button>
            ) : null}
            <Link to={`/${slug}/figures/import`} className="govuk-link">
              {toSave > 0 ? "Cancel" : "Upload another file"}
            </Link>
          </div>
        </Form>
      </div>
    </div>
  );
}

type Row = PlannedFigure & { before?: { value: string; count: string | null; note: string | null } };

function FigureTable({ caption, rows, total, showBefore = false }: { caption: string; rows: Row[]; total: number; showBefore?: boolean }) {
  const show = (row: Row, value: string) => formatIndicatorValue(value, row.unit, row.denominatorName);
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">
        {caption}
        {total > rows.length ? ` (the first ${rows.length} of ${total})` : ""}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Line
          </th>
          <th scope="col" className="govuk-table__header">
            Indicator
          </th>
          <th scope="col" className="govuk-table__header">
            Period
          </th>
          {showBefore ? (
            <th scope="col" className="govuk-table__header">
              Now
            </th>
          ) : null}
          <th scope="col" className="govuk-table__header">
            {showBefore ? "Will be" : "Figure"}
          </th>
          <th scope="col" className="govuk-table__header">
            Note
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr key={row.line} className="govuk-table__row">
            <td className="govuk-table__cell">{row.line}</td>
            <td className="govuk-table__cell">{row.indicator}</td>
            <td className="govuk-table__cell">{row.period}</td>
            {showBefore && row.before ? <td className="govuk-table__cell">{withCount(show(row, row.before.value), row.before.count)}</td> : null}
            <td className="govuk-table__cell">{withCount(show(row, row.value), row.count)}</td>
            <td className="govuk-table__cell">{row.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function withCount(value: string, count: string | null) {
  return count === null ? value : `${value} (count ${formatNumber(count)})`;
}
