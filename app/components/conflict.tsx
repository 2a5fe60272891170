import type { ReactNode } from "react";
import { formatInstant } from "~/utils/dates";

/**
 * Shown when someone else saved first: who and when, their version beside what this
 * user typed (still in the form below), so nothing is lost either way.
 */
export function ConflictNotice(props: {
  thing: string;
  changedBy: string;
  changedAt: Date;
  rows: Array<{ label: string; theirs: ReactNode; yours: ReactNode }>;
}) {
  return (
    <div className="govuk-notification-banner" role="alert" aria-labelledby="conflict-title" data-module="govuk-notification-banner">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="conflict-title">
          Not saved
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          {`This ${props.thing} was changed by ${props.changedBy} at ${formatInstant(props.changedAt)} since you opened it.`}
        </p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Their version and yours</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                &nbsp;<span className="govuk-visually-hidden">Field</span>
              </th>
              <th scope="col" className="govuk-table__header">{`Saved by ${props.changedBy}`}</th>
              <th scope="col" className="govuk-table__header">Yours, not saved</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {props.rows.map((row) => (
              <tr key={row.label} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {row.label}
                </th>
                <td className="govuk-table__cell">{row.theirs}</td>
                <td className="govuk-table__cell">{row.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="govuk-body">Check their changes. To keep yours instead, save the form below again.</p>
      </div>
    </div>
  );
}
