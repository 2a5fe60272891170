import { describeActor, describeChanges, describeWhen, type AuditEventLike } from "~/modules/audit/describe";
import { formatInstant } from "~/utils/dates";

/** The history of one thing: who changed what, and when. */
export function History({ events, heading = "History" }: { events: Array<AuditEventLike & { id: string }>; heading?: string }) {
  return (
    <section aria-labelledby="history-heading">
      <h2 className="govuk-heading-m" id="history-heading">
        {heading}
      </h2>
      {events.length === 0 ? (
        <p className="govuk-body">No changes have been recorded in Safer Partnerships yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {events.map((event) => (
            <li key={event.id}>
              <AuditSentence event={event} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function AuditSentence({ event }: { event: AuditEventLike }) {
  const changes = describeChanges(event);
  return (
    <>
      <span className="govuk-!-font-weight-bold">{`${capitalise(event.action)}`}</span>
      {changes.length > 0 ? `: ${changes.map((c) => (c.from === null ? `${c.label} ${c.to}` : `${c.label} ${c.from} → ${c.to}`)).join(", ")}` : ""}
      <br />
      <span className="govuk-body-s">
        {`by ${describeActor(event)}, `}
        <time dateTime={event.at.toISOString()} title={formatInstant(event.at)}>
          {describeWhen(event.at)}
        </time>
      </span>
    </>
  );
}

function capitalise(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
