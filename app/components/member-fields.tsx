import type { FieldMetadata } from "@conform-to/react";
import { RadiosField, SelectField } from "~/components/forms";
import { ROLE_OPTIONS } from "~/modules/members/member-schema";

type Field = FieldMetadata<string | undefined>;

/** A member's role and agency, for inviting someone and for changing a member. */
export function RoleAndAgencyFields({
  fields,
  agencies,
  noAgency,
}: {
  fields: { role: Field; agencyId: Field };
  agencies: Array<{ id: string; name: string }>;
  /** The empty choice of agency. */
  noAgency: string;
}) {
  return (
    <>
      <RadiosField field={fields.role} label="Role" options={ROLE_OPTIONS} />
      <SelectField
        field={fields.agencyId}
        label="Agency"
        hint="Required for an agency editor. Optional for other roles."
        placeholder={noAgency}
        options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      />
    </>
  );
}
