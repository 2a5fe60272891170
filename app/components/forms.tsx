import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";

/** The GOV.UK error summary: each message links to its field. Shown above the form. */
export function ErrorSummary({ errors }: { errors: Array<{ fieldId: string; message: string }> }) {
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1} role="alert">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId}-${error.message}`}>
                <a href={`#${error.fieldId}`}>{error.message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/**
 * The errors of a Conform form for the summary, in the order the fields appear.
 * Fields are listed explicitly: Conform's field map is a lazy proxy that cannot be
 * enumerated. Form-level errors link to the first field.
 */
export function summariseErrors(form: { errors?: string[] }, orderedFields: Array<FieldMetadata<unknown>>) {
  const firstFieldId = orderedFields[0]?.id ?? "";
  return [
    ...(form.errors ?? []).map((message) => ({ fieldId: firstFieldId, message })),
    ...orderedFields.flatMap((field) => (field.errors ?? []).map((message) => ({ fieldId: field.id, message }))),
  ];
}

/** A GOV.UK text input with its label, hint and error message. */
export function TextField(props: {
  field: FieldMetadata<string | undefined>;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  spellCheck?: boolean;
  className?: string;
}) {
  const { field } = props;
  const error = field.errors?.[0];
  const hintId = props.hint ? `${field.id}-hint` : undefined;
  const errorId = error ? `${field.id}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={field.id}>
        {props.label}
      </label>
      {props.hint ? (
        <div id={hintId} className="govuk-hint">
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        {...getInputProps(field, { type: props.type ?? "text", ariaAttributes: false })}
        className={`govuk-input${error ? " govuk-input--error" : ""}${props.className ? ` ${props.className}` : ""}`}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        aria-invalid={error ? true : undefined}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
      />
    </div>
  );
}
