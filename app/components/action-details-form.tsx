import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { ActionDetailsSchema } from "~/modules/actions/action-schema";
import { DateField, ErrorSummary, SelectField, summariseErrors, TextareaField, TextField } from "./forms";

/** Add or edit an action: what it is, who owns it, when it is due. */
export function ActionDetailsForm(props: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: {
    title?: string;
    description?: string;
    ownerAgencyId?: string;
    ownerText?: string;
    originalDueOn?: { day: string; month: string; year: string };
  };
  agencies: Array<{ id: string; name: string }>;
  version?: number;
  submitLabel: string;
  above?: ReactNode;
}) {
  const [form, fields] = useForm<z.input<typeof ActionDetailsSchema>, z.output<typeof ActionDetailsSchema>>({
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionDetailsSchema }),
  });
  const errors = summariseErrors(form, [fields.title, fields.description, fields.ownerAgencyId, fields.ownerText, fields.originalDueOn]);
  return (
    <>
      <ErrorSummary errors={errors} />
      {props.above}
      <Form method="post" {...getFormProps(form)} noValidate>
        {props.version !== undefined ? <input type="hidden" name="version" value={props.version} /> : null}
        <TextField field={fields.title} label="Action" hint="What will be done, in a sentence" />
        <TextareaField field={fields.description} label="More detail (optional)" />
        <SelectField
          field={fields.ownerAgencyId}
          label="Owning agency"
          placeholder="No agency"
          options={props.agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        />
        <TextField field={fields.ownerText} label="Owner outside the partnership (optional)" hint="For example, Home Office" />
        <DateField field={fields.originalDueOn} label="Due date (optional)" hint="For example, 31 3 2027" />
        <button type="submit" className="govuk-button" data-module="govuk-button">
          {props.submitLabel}
        </button>
      </Form>
    </>
  );
}
