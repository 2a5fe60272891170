import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextareaField, TextField } from "~/components/forms";
import { BOARD_KIND_LABELS } from "~/utils/labels";

type Field = FieldMetadata<string | undefined>;

/** A board's own fields, for adding one and for changing one. */
export function BoardFields({
  fields,
  parentChoices,
}: {
  fields: { name: Field; shortName: Field; kind: Field; parentBoardId: Field; description: Field; reportsToParent: Field };
  parentChoices: Array<{ id: string; name: string }>;
}) {
  return (
    <>
      <TextField field={fields.name} label="Board name" />
      <TextField field={fields.shortName} label="Short name (optional)" className="govuk-input--width-10" />
      <SelectField
        field={fields.kind}
        label="Kind of board"
        options={Object.entries(BOARD_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        placeholder="Choose a kind"
      />
      <SelectField
        field={fields.parentBoardId}
        label="Reports to (optional)"
        hint="The board this one is a sub-board of"
        options={parentChoices.map((b) => ({ value: b.id, label: b.name }))}
        placeholder="Does not report to another board"
      />
      <TextField field={fields.reportsToParent} label="How often it reports (optional)" hint="For example, twice a year" />
      <TextareaField field={fields.description} label="What it does (optional)" rows={3} />
    </>
  );
}
