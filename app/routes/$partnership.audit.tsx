import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuditSentence } from "~/components/history";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { listAuditLog } from "~/modules/audit/audit.server";
import { addDays } from "date-fns";

export const meta: MetaFunction = () => [{ title: "Audit log - Safer Partnerships" }];

/** "2026-11-23" from a date input, or undefined for anything else. */
function dateParam(value: string | null): Date | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const url = new URL(request.url);
  const from = dateParam(url.searchParams.get("from"));
  const to = dateParam(url.searchParams.get("to"));
  const log = await listAuditLog(actor, {
    agencyId: url.searchParams.get("agency") ?? undefined,
    from,
    // "To 23 November" includes the whole of that day.
    to: to ? addDays(to, 1) : undefined,
    page: Number(url.searchParams.get("page")) || 1,
  });
  return {
    partnershipSlug: partnership.slug,
    ...log,
    filter: { agency: url.searchParams.get("agency") ?? "", from: url.searchParams.get("from") ?? "", to: url.searchParams.get("to") ?? "" },
  };
}

export default function AuditLog() {
  const { events, total, page, pageCount, agencies, filter } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => `?${new URLSearchParams({ ...filter, page: String(n) })}`;
  return (
    <>
      <h1 className="govuk-heading-xl">Audit log</h1>
      <p className="govuk-body">Every change made in Safer Partnerships, newest first: who made it, for which agency, and what changed.</p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="agency">
                Agency
              </label>
              <select className="govuk-select" id="agency" name="agency" defaultValue={filter.agency}>
                <option value="">All agencies</option>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="from">
                From
              </label>
              <input className="govuk-input" type="date" id="from" name="from" defaultValue={filter.from} />
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="to">
                To
              </label>
              <input className="govuk-input" type="date" id="to" name="to" defaultValue={filter.to} />
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Filter
        </button>
      </Form>
      <p className="govuk-body">{`${total} ${total === 1 ? "change" : "changes"}`}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Changes</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Change</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {events.map((event) => (
            <tr key={event.id} className="govuk-table__row">
              <td className="govuk-table__cell">{event.entityType}</td>
              <td className="govuk-table__cell">
                <AuditSentence event={event} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageCount > 1 ? (
        <nav className="govuk-pagination" aria-label="Pages of the audit log">
          {page > 1 ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={pageLink(page - 1)} rel="prev">
                <span className="govuk-pagination__link-title">Newer changes</span>
              </Link>
            </div>
          ) : null}
          {page < pageCount ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={pageLink(page + 1)} rel="next">
                <span className="govuk-pagination__link-title">Older changes</span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
