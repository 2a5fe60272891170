import { z } from "zod";

const ids = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.uuid({ error: "Choose from the list" })).max(500),
);

const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

/** What the public page may show: saved as a draft; removals apply to the live page at once. */
export const PublicationChoicesSchema = z.object({
  priorityIds: ids,
  indicatorIds: ids,
  publicContact: z
    .string()
    .trim()
    .max(2000, { error: "The contact details must be 2,000 characters or fewer" })
    .optional(),
  publishLeadOfficerNames: checkbox,
  publishMeetings: checkbox,
});
export type PublicationChoicesInput = z.infer<typeof PublicationChoicesSchema>;

export const ApprovePublicationSchema = z.object({
  note: z
    .string({ error: "Enter what this publication is, like Publish the Q2 figures" })
    .trim()
    .min(1, { error: "Enter what this publication is, like Publish the Q2 figures" })
    .max(200, { error: "The note must be 200 characters or fewer" }),
});
export type ApprovePublicationInput = z.infer<typeof ApprovePublicationSchema>;
