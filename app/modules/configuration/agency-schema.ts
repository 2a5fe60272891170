// The agency forms' fields, shared by the form and the server.
import { z } from "zod";
import { optionalId, optionalText, requiredText, yesNo } from "./fields";

export const AGENCY_KINDS = [
  "POLICE",
  "FIRE_AND_RESCUE",
  "PROBATION",
  "COUNCIL",
  "HEALTH",
  "YOUTH_OFFENDING",
  "CRIMINAL_JUSTICE",
  "VOLUNTARY",
  "OTHER",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  POLICE: "Police force",
  FIRE_AND_RESCUE: "Fire and rescue service",
  PROBATION: "Probation",
  COUNCIL: "Council",
  HEALTH: "Health",
  YOUTH_OFFENDING: "Youth offending service",
  CRIMINAL_JUSTICE: "Criminal justice",
  VOLUNTARY: "Voluntary sector",
  OTHER: "Other",
};

export const AGENCY_KIND_OPTIONS = AGENCY_KINDS.map((kind) => ({ value: kind, label: AGENCY_KIND_LABELS[kind] }));

export const AgencySchema = z.object({
  intent: z.literal("save"),
  name: requiredText("the agency's name"),
  shortName: optionalText("short name", 30),
  kind: z.enum(AGENCY_KINDS, { error: "Choose what kind of agency it is" }),
  isGroup: yesNo,
  parentAgencyId: optionalId,
});
export type AgencyInput = z.infer<typeof AgencySchema>;

export const AgencyTemplatesSchema = z.object({
  intent: z.literal("add-templates"),
  templates: z.array(z.string(), { error: "Choose at least one agency to add" }).min(1, { error: "Choose at least one agency to add" }),
});

export const AgencyMessages = {
  nameTaken: "There is already an agency with this name",
  parentNotFound: "Choose a parent agency from the list",
  parentIsSelf: "An agency cannot be a department of itself or of one of its departments",
  inUse: "This agency is in use (by leads, members, people, actions or indicators): archive it instead",
  templateNotFound: "Choose agencies from the list",
} as const;
