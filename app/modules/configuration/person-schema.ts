import { z } from "zod";
import { optionalId, optionalText, requiredText } from "./fields";

export const PersonSchema = z.object({
  intent: z.literal("save"),
  name: requiredText("the person's name"),
  jobTitle: optionalText("job title"),
  agencyId: optionalId,
  email: z
    .string()
    .trim()
    .max(254, { error: "Email address must be 254 characters or fewer" })
    .email({ error: "Enter an email address in the correct format, like name@example.com" })
    .optional(),
});
export type PersonInput = z.infer<typeof PersonSchema>;

export const PersonMessages = {
  agencyNotFound: "Choose an agency from the list",
  inUse: "This person is in use (on a board, leading a priority, owning an action, as a member or as a digest recipient): archive them instead",
} as const;
