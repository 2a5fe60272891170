import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/forms";
import { SetupStepActions } from "~/components/setup-step";

type Named = { id: string; name: string };
type SummaryErrors = Array<{ fieldId: string; message: string }>;

/** A settings page's name in its URL, which is also its task in the set-up list. */
export type SettingsSection = "agencies" | "people" | "boards";

/**
 * The page listing a partnership's agencies, people or boards: those in use as a table,
 * the forms that add more (children), then links to the archived ones.
 */
export function SettingsList<T extends Named>(props: {
  slug: string;
  setup: boolean;
  section: SettingsSection;
  errors: SummaryErrors;
  title: string;
  intro?: string;
  caption: string;
  columns: Array<{ header: string; cell: (item: T) => ReactNode }>;
  /** A last column of "Change" links, where the name itself is not the link. */
  changeLinks?: boolean;
  items: T[];
  empty: string;
  archivedHeading: string;
  archived: Named[];
  children: ReactNode;
}) {
  const { slug, section } = props;
  const itemLink = (id: string) => `/${slug}/settings/${section}/${id}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <Link to={props.setup ? `/${slug}/setup` : `/${slug}/settings`} className="govuk-back-link">
          Back
        </Link>
        <h1 className="govuk-heading-l">{props.title}</h1>
        {props.intro ? <p className="govuk-body">{props.intro}</p> : null}
        {props.items.length > 0 ? (
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{props.caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                {props.columns.map((column) => (
                  <th key={column.header} scope="col" className="govuk-table__header">
                    {column.header}
                  </th>
                ))}
                {props.changeLinks ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Change</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {props.items.map((item) => (
                <tr key={item.id} className="govuk-table__row">
                  {props.columns.map((column) => (
                    <td key={column.header} className="govuk-table__cell">
                      {column.cell(item)}
                    </td>
                  ))}
                  {props.changeLinks ? (
                    <td className="govuk-table__cell">
                      <Link to={itemLink(item.id)} className="govuk-link">
                        Change<span className="govuk-visually-hidden">{` ${item.name}`}</span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="govuk-body">{props.empty}</p>
        )}
        {props.children}
        {props.archived.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{props.archivedHeading}</h2>
            <ul className="govuk-list">
              {props.archived.map((item) => (
                <li key={item.id}>
                  <Link to={itemLink(item.id)} className="govuk-link">
                    {item.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {props.setup ? <SetupStepActions slug={slug} task={section} /> : null}
      </div>
    </div>
  );
}

/**
 * The page changing one agency, person or board: its forms (children), then the
 * archive or restore and delete buttons. A refused delete is shown by its button and in
 * the error summary.
 */
export function SettingsItem(props: {
  slug: string;
  setup?: boolean;
  section: SettingsSection;
  /** "agency", "person", "board": the words on the buttons. */
  noun: string;
  errors: SummaryErrors;
  title: string;
  archived: boolean;
  archivedNotice: string;
  deleteHint: string;
  refused: string | null | undefined;
  children: ReactNode;
}) {
  const { slug, section, noun, refused } = props;
  const deleteId = `delete-${noun}`;
  const errors = [...props.errors, ...(refused ? [{ fieldId: deleteId, message: refused }] : [])];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Link to={`/${slug}/settings/${section}${props.setup ? "?setup=1" : ""}`} className="govuk-back-link">
          {`Back to ${section}`}
        </Link>
        <h1 className="govuk-heading-l">{props.title}</h1>
        {props.archived ? <p className="govuk-inset-text">{props.archivedNotice}</p> : null}
        {props.children}
        <h2 className="govuk-heading-m">Archive or delete</h2>
        <p className="govuk-body">{props.deleteHint}</p>
        <div className="govuk-button-group">
          <Form method="post">
            <button
              type="submit"
              name="intent"
              value={props.archived ? "restore" : "archive"}
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
            >
              {props.archived ? `Bring back ${noun}` : `Archive ${noun}`}
            </button>
          </Form>
          <Form method="post">
            <div className={`govuk-form-group${refused ? " govuk-form-group--error" : ""}`}>
              {refused ? (
                <p id={`${deleteId}-error`} className="govuk-error-message">
                  <span className="govuk-visually-hidden">Error:</span> {refused}
                </p>
              ) : null}
              <button
                id={deleteId}
                type="submit"
                name="intent"
                value="delete"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
                aria-describedby={refused ? `${deleteId}-error` : undefined}
              >
                {`Delete ${noun}`}
              </button>
            </div>
          </Form>
        </div>
        {props.setup ? <SetupStepActions slug={slug} task={section} /> : null}
      </div>
    </div>
  );
}

/**
 * One form on a settings page: the hidden intent that tells the action which form it is,
 * then an optional heading, the fields (children) and the button.
 */
export function SettingsForm<Schema extends Record<string, unknown>>(props: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  heading?: string;
  submit: string;
  secondary?: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(props.form)} noValidate>
      {props.heading ? <h2 className="govuk-heading-m">{props.heading}</h2> : null}
      <input type="hidden" name="intent" value={props.intent} />
      {props.children}
      <button type="submit" className={`govuk-button${props.secondary ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
        {props.submit}
      </button>
    </Form>
  );
}
