import type { FieldMetadata } from "@conform-to/react";
import { getInputProps } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

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

type FieldProps = { field: FieldMetadata<string | undefined>; label: string; hint?: string };

function describedBy(field: FieldMetadata<unknown>, hint?: string) {
  return [hint ? `${field.id}-hint` : null, field.errors?.[0] ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function HintAndError({ field, hint }: { field: FieldMetadata<unknown>; hint?: string }) {
  const error = field.errors?.[0];
  return (
    <>
      {hint ? (
        <div id={`${field.id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${field.id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
    </>
  );
}

/**
 * The GOV.UK form group around one control: its label, hint and error, or for a set of
 * radios or checkboxes a fieldset whose legend is the label.
 */
function FieldGroup(props: {
  field: FieldMetadata<unknown>;
  label: string;
  hint?: string;
  labelClassName?: string;
  fieldset?: boolean;
  children: ReactNode;
}) {
  const { field, hint } = props;
  return (
    <div className={`govuk-form-group${field.errors?.[0] ? " govuk-form-group--error" : ""}`}>
      {props.fieldset ? (
        <fieldset className="govuk-fieldset" aria-describedby={describedBy(field, hint)}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.label}</legend>
          <HintAndError field={field} hint={hint} />
          {props.children}
        </fieldset>
      ) : (
        <>
          <label className={props.labelClassName ?? "govuk-label govuk-label--s"} htmlFor={field.id}>
            {props.label}
          </label>
          <HintAndError field={field} hint={hint} />
          {props.children}
        </>
      )}
    </div>
  );
}

/** A GOV.UK text input with its label, hint and error message. */
export function TextField(props: FieldProps & { type?: "text" | "email" | "password"; autoComplete?: string; spellCheck?: boolean; className?: string }) {
  const { field } = props;
  const error = field.errors?.[0];
  return (
    <FieldGroup field={field} label={props.label} hint={props.hint} labelClassName="govuk-label">
      <input
        {...getInputProps(field, { type: props.type ?? "text", ariaAttributes: false })}
        className={`govuk-input${error ? " govuk-input--error" : ""}${props.className ? ` ${props.className}` : ""}`}
        aria-describedby={describedBy(field, props.hint)}
        aria-invalid={error ? true : undefined}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck}
      />
    </FieldGroup>
  );
}

/** A GOV.UK textarea. */
/**
 * What a textarea and a select share. Uncontrolled, like Conform's inputs: the field's key
 * (passed apart, as React wants keys) changes when Conform resets the form.
 */
function controlProps(field: FieldMetadata<string | undefined>, hint: string | undefined, className: "govuk-textarea" | "govuk-select") {
  const error = field.errors?.[0];
  return {
    id: field.id,
    name: field.name,
    form: field.formId,
    defaultValue: field.initialValue ?? "",
    className: `${className}${error ? ` ${className}--error` : ""}`,
    "aria-describedby": describedBy(field, hint),
    "aria-invalid": error ? true : undefined,
  };
}

export function TextareaField(props: FieldProps & { rows?: number }) {
  const { field } = props;
  return (
    <FieldGroup field={field} label={props.label} hint={props.hint}>
      <textarea key={field.key} {...controlProps(field, props.hint, "govuk-textarea")} rows={props.rows ?? 5} />
    </FieldGroup>
  );
}

/** A GOV.UK select; the first option may be an empty "choose" option. */
export function SelectField(props: FieldProps & { options: Array<{ value: string; label: string }>; placeholder?: string }) {
  const { field } = props;
  return (
    <FieldGroup field={field} label={props.label} hint={props.hint}>
      <select key={field.key} {...controlProps(field, props.hint, "govuk-select")}>
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldGroup>
  );
}

type Choice = { value: string; label: string; hint?: string };

/** One radio or checkbox with its label and hint; GOV.UK names their classes alike. */
function ChoiceItem(props: { type: "radio" | "checkbox"; field: FieldMetadata<unknown>; id: string; option: Choice; checked: boolean }) {
  const { field, id, option } = props;
  const kind = props.type === "radio" ? "govuk-radios" : "govuk-checkboxes";
  return (
    <div className={`${kind}__item`}>
      <input
        className={`${kind}__input`}
        id={id}
        name={field.name}
        form={field.formId}
        type={props.type}
        value={option.value}
        defaultChecked={props.checked}
        key={`${field.key ?? ""}-${option.value}`}
        aria-describedby={option.hint ? `${id}-hint` : undefined}
      />
      <label className={`govuk-label ${kind}__label`} htmlFor={id}>
        {option.label}
      </label>
      {option.hint ? (
        <div id={`${id}-hint`} className={`govuk-hint ${kind}__hint`}>
          {option.hint}
        </div>
      ) : null}
    </div>
  );
}

/** GOV.UK radios in a fieldset; the error summary links to the first radio. */
export function RadiosField(props: FieldProps & { options: Choice[]; inline?: boolean; small?: boolean }) {
  const { field } = props;
  return (
    <FieldGroup field={field} label={props.label} hint={props.hint} fieldset>
      <div
        className={`govuk-radios${props.inline ? " govuk-radios--inline" : ""}${props.small ? " govuk-radios--small" : ""}`}
        data-module="govuk-radios"
      >
        {props.options.map((option, index) => (
          <ChoiceItem
            key={option.value}
            type="radio"
            field={field}
            id={index === 0 ? field.id : `${field.id}-${option.value}`}
            option={option}
            checked={field.initialValue === option.value}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

/**
 * The GOV.UK date input: day, month and year as three inputs named
 * `<name>.day`, `<name>.month`, `<name>.year` (parse with `dateInputSchema`).
 */
export function DateField(props: {
  field: FieldMetadata<{ day?: string; month?: string; year?: string } | undefined>;
  label: string;
  hint?: string;
}) {
  const { field } = props;
  const parts = field.getFieldset();
  const error = field.errors?.[0] ?? parts.day.errors?.[0] ?? parts.month.errors?.[0] ?? parts.year.errors?.[0];
  const errorId = error ? `${field.id}-error` : undefined;
  const hintId = props.hint ? `${field.id}-hint` : undefined;
  const inputs = [
    { part: parts.day, label: "Day", width: 2 },
    { part: parts.month, label: "Month", width: 2 },
    { part: parts.year, label: "Year", width: 4 },
  ];
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.label}</legend>
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
        <div className="govuk-date-input">
          {inputs.map(({ part, label, width }, index) => (
            <div key={label} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={index === 0 ? field.id : part.id}>
                  {label}
                </label>
                <input
                  // The summary links to the field id: it lands on the day.
                  id={index === 0 ? field.id : part.id}
                  name={part.name}
                  form={part.formId}
                  defaultValue={part.initialValue ?? ""}
                  key={part.key}
                  inputMode="numeric"
                  className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** GOV.UK checkboxes in a fieldset; the error summary links to the first box. */
export function CheckboxesField(props: { field: FieldMetadata<string[] | undefined>; label: string; hint?: string; options: Choice[] }) {
  const { field } = props;
  const chosen = new Set(Array.isArray(field.initialValue) ? field.initialValue : field.initialValue ? [field.initialValue] : []);
  return (
    <FieldGroup field={field} label={props.label} hint={props.hint} fieldset>
      <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
        {props.options.map((option, index) => (
          <ChoiceItem
            key={option.value}
            type="checkbox"
            field={field}
            id={index === 0 ? field.id : `${field.id}-${index}`}
            option={option}
            checked={chosen.has(option.value)}
          />
        ))}
      </div>
    </FieldGroup>
  );
}

/** The form's button with a link that leaves without saving. */
export function SubmitAndCancel({ label, cancelTo }: { label: string; cancelTo: string }) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {label}
      </button>
      <Link to={cancelTo} className="govuk-link">
        Cancel
      </Link>
    </div>
  );
}
