import type { FieldMetadata } from "@conform-to/react";
import { RadiosField, SelectField, TextField } from "~/components/forms";
import { AGENCY_KIND_OPTIONS } from "~/modules/configuration/agency-schema";

type Field = FieldMetadata<string | undefined>;

/** An agency's own fields, for adding one (with hints) and for changing one. */
export function AgencyFields({
  fields,
  parentChoices,
  hints = false,
}: {
  fields: { name: Field; shortName: Field; kind: Field; isGroup: Field; parentAgencyId: Field };
  parentChoices: Array<{ id: string; name: string }>;
  hints?: boolean;
}) {
  return (
    <>
      <TextField field={fields.name} label="Agency name" />
      <TextField field={fields.shortName} label="Short name (optional)" hint={hints ? "For example, MPS" : undefined} className="govuk-input--width-10" />
      <SelectField field={fields.kind} label="Kind of agency" options={AGENCY_KIND_OPTIONS} placeholder="Choose a kind" />
      <RadiosField
        field={fields.isGroup}
        label="Is it a group of agencies that leads together?"
        inline
        small
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
      />
      <SelectField
        field={fields.parentAgencyId}
        label="Part of another agency (optional)"
        hint={hints ? "For a department, like a council's children's service" : undefined}
        options={parentChoices.map((a) => ({ value: a.id, label: a.name }))}
        placeholder="Not part of another agency"
      />
    </>
  );
}
