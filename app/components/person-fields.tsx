import type { FieldMetadata } from "@conform-to/react";
import { SelectField, TextField } from "~/components/forms";

type Field = FieldMetadata<string | undefined>;

/** A named person's fields, for adding one (with a hint) and for changing one. */
export function PersonFields({
  fields,
  agencyChoices,
  hints = false,
}: {
  fields: { name: Field; jobTitle: Field; agencyId: Field; email: Field };
  agencyChoices: Array<{ id: string; name: string }>;
  hints?: boolean;
}) {
  return (
    <>
      <TextField
        field={fields.name}
        label="Name"
        hint={hints ? "As the papers give it, like Supt Jo Bloggs or the Cabinet Member for Community Safety" : undefined}
      />
      <TextField field={fields.jobTitle} label="Job title (optional)" />
      <SelectField field={fields.agencyId} label="Agency (optional)" options={agencyChoices.map((a) => ({ value: a.id, label: a.name }))} placeholder="No agency" />
      <TextField field={fields.email} label="Email address (optional)" type="email" spellCheck={false} />
    </>
  );
}
