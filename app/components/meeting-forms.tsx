// The forms of meetings: the meeting itself, an agenda item, a paper.
import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { z } from "zod";
import { AgendaItemSchema, PaperSchema, PAPER_TYPES, type MeetingSchema } from "~/modules/meetings/meeting-schema";
import { CheckboxesField, DateField, ErrorSummary, RadiosField, SelectField, SubmitAndCancel, summariseErrors, TextareaField, TextField } from "./forms";

type LastResult = SubmissionResult<string[]> | undefined;

export type MeetingFormValues = {
  boardId?: string;
  heldOn?: { day: string; month: string; year: string };
  startTime?: string;
  place?: string;
  onlineUrl?: string;
};

export function MeetingForm(props: {
  lastResult: LastResult;
  defaultValue: MeetingFormValues;
  boards: Array<{ id: string; name: string }>;
  submitLabel: string;
  cancelTo: string;
}) {
  const [form, fields] = useForm<z.input<typeof MeetingSchema>, z.output<typeof MeetingSchema>>({
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    // Checked on the server only: Conform does not report a date input's error (its
    // name is the group's, no input's) in the browser, so a bad date alone would
    // block the submit with nothing shown.
    shouldValidate: "onSubmit",
  });
  const errors = summariseErrors(form, [fields.boardId, fields.heldOn, fields.startTime, fields.place, fields.onlineUrl, fields.recordedAsPast]);
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <SelectField
          field={fields.boardId}
          label="Board"
          placeholder="Select a board"
          options={props.boards.map((board) => ({ value: board.id, label: board.name }))}
        />
        <DateField field={fields.heldOn} label="Date of the meeting" hint="For example, 16 7 2026" />
        <TextField field={fields.startTime} label="Start time" hint="Use the 24-hour clock, for example 18:30" className="govuk-input--width-5" />
        <TextField field={fields.place} label="Place (optional if the meeting is online)" hint="For example, Committee Room 1, Town Hall" />
        <TextField
          field={fields.onlineUrl}
          label="Online meeting link (optional if the meeting has a place)"
          hint="The full web address, starting with https://"
          spellCheck={false}
        />
        <CheckboxesField
          field={fields.recordedAsPast as unknown as FieldMetadata<string[] | undefined>}
          label="Recording a past meeting?"
          hint="Tick this only to record a meeting that has already happened, for example from old papers. Nothing is sent for it."
          options={[{ value: "yes", label: "This meeting has already happened" }]}
        />
        <SubmitAndCancel label={props.submitLabel} cancelTo={props.cancelTo} />
      </Form>
    </>
  );
}

export type AgendaItemFormValues = {
  number?: string;
  title?: string;
  reportOf?: string;
  purpose?: string;
  decisionSought?: string;
  priorityIds?: string[];
  indicatorIds?: string[];
};

export function AgendaItemForm(props: {
  lastResult: LastResult;
  defaultValue: AgendaItemFormValues;
  priorities: Array<{ id: string; number: number; title: string }>;
  indicators: Array<{ id: string; code: string | null; name: string }>;
  submitLabel: string;
  cancelTo: string;
}) {
  const [form, fields] = useForm<z.input<typeof AgendaItemSchema>, z.output<typeof AgendaItemSchema>>({
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AgendaItemSchema }),
  });
  const errors = summariseErrors(form, [
    fields.number,
    fields.title,
    fields.reportOf,
    fields.purpose,
    fields.decisionSought,
    fields.priorityIds,
    fields.indicatorIds,
  ] as Array<FieldMetadata<unknown>>);
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <TextField field={fields.number} label="Item number" hint="As printed on the agenda, for example 4 or 4.1" className="govuk-input--width-5" />
        <TextField field={fields.title} label="Title" />
        <TextField field={fields.reportOf} label="Report of (optional)" hint="Who presents it, for example Head of Community Safety" />
        <TextareaField field={fields.purpose} label="Purpose (optional)" rows={3} />
        <TextareaField field={fields.decisionSought} label="Decision sought (optional)" hint="What the board is asked to decide or note" rows={3} />
        {props.priorities.length > 0 ? (
          <CheckboxesField
            field={fields.priorityIds as FieldMetadata<string[] | undefined>}
            label="Priorities it reports on (optional)"
            options={props.priorities.map((p) => ({ value: p.id, label: `${p.number}. ${p.title}` }))}
          />
        ) : null}
        {props.indicators.length > 0 ? (
          <CheckboxesField
            field={fields.indicatorIds as FieldMetadata<string[] | undefined>}
            label="Indicators it reports on (optional)"
            options={props.indicators.map((i) => ({ value: i.id, label: i.code ? `${i.code}: ${i.name}` : i.name }))}
          />
        ) : null}
        <SubmitAndCancel label={props.submitLabel} cancelTo={props.cancelTo} />
      </Form>
    </>
  );
}

const ACCEPT = Object.keys(PAPER_TYPES)
  .map((extension) => `.${extension}`)
  .join(",");

/**
 * A paper: a file (posted as multipart, counted as it streams) or a link. Both inputs
 * are always on the page, so it works without JavaScript.
 */
export function PaperForm(props: { lastResult: LastResult; defaultValue: { kind?: string; title?: string; url?: string }; cancelTo: string }) {
  const [form, fields] = useForm<z.input<typeof PaperSchema> & { file?: string }, z.output<typeof PaperSchema>>({
    lastResult: props.lastResult,
    defaultValue: props.defaultValue,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PaperSchema }),
  });
  const fileError = fields.file.errors?.[0];
  const errors = summariseErrors(form, [fields.title, fields.kind, fields.file, fields.url] as Array<FieldMetadata<unknown>>);
  return (
    <>
      <ErrorSummary errors={errors} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} noValidate>
        <TextField field={fields.title} label="Title of the paper" hint="For example, Performance report quarter 2" />
        <RadiosField
          field={fields.kind}
          label="Is the paper a file or a link?"
          options={[
            { value: "file", label: "Upload a file", hint: "A PDF, Word, Excel, PowerPoint, OpenDocument, CSV or text file, up to 20 MB" },
            { value: "link", label: "Link to it on another website" },
          ]}
        />
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor={fields.file.id}>
            File (if uploading)
          </label>
          {fileError ? (
            <p id={`${fields.file.id}-error`} className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fileError}
            </p>
          ) : null}
          <input
            id={fields.file.id}
            name="file"
            type="file"
            accept={ACCEPT}
            className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
            aria-describedby={fileError ? `${fields.file.id}-error` : undefined}
          />
        </div>
        <TextField field={fields.url} label="Link (if linking)" hint="The full web address, starting with https://" spellCheck={false} />
        <SubmitAndCancel label="Add paper" cancelTo={props.cancelTo} />
      </Form>
    </>
  );
}
