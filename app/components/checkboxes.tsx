import type { FieldMetadata } from "@conform-to/react";

/** GOV.UK checkboxes in a fieldset; the error summary links to the first box. */
export function CheckboxesField(props: {
  field: FieldMetadata<string[] | undefined>;
  label: string;
  hint?: string;
  options: Array<{ value: string; label: string; hint?: string }>;
}) {
  const { field } = props;
  const error = field.errors?.[0];
  const chosen = new Set(Array.isArray(field.initialValue) ? field.initialValue : field.initialValue ? [field.initialValue] : []);
  const describedBy = [props.hint ? `${field.id}-hint` : null, error ? `${field.id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{props.label}</legend>
        {props.hint ? (
          <div id={`${field.id}-hint`} className="govuk-hint">
            {props.hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${field.id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {props.options.map((option, index) => {
            const id = index === 0 ? field.id : `${field.id}-${index}`;
            return (
              <div key={option.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={field.name}
                  form={field.formId}
                  type="checkbox"
                  value={option.value}
                  defaultChecked={chosen.has(option.value)}
                  key={`${field.key ?? ""}-${option.value}`}
                  aria-describedby={option.hint ? `${id}-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
