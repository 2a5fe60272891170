// Forms for delivery-plan actions, shared by the browser (Conform) and the server.
import { z } from "zod";
import { dateInputSchema } from "~/utils/form-schemas";

export const NOTE_MAX_LENGTH = 5000;
export const ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS", "COMPLETE", "DROPPED"] as const;
export const RAG_RATINGS = ["RED", "AMBER", "GREEN"] as const;

const version = z.coerce.number({ error: "Reload the page and try again" }).int().positive();

const note = z
  .string()
  .trim()
  .max(NOTE_MAX_LENGTH, { error: `Progress note must be ${NOTE_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer` })
  .optional();

export const ProgressUpdateSchema = z
  .object({
    version,
    status: z.enum(ACTION_STATUSES, { error: "Select the progress status" }),
    rag: z.enum(RAG_RATINGS, { error: "Select a RAG rating" }),
    note,
    noteDate: dateInputSchema("the date of the note", { required: false }),
    revisedDueOn: dateInputSchema("the revised due date", { required: false }),
  })
  .superRefine((value, ctx) => {
    if ((value.rag === "RED" || value.rag === "AMBER") && !value.note) {
      ctx.addIssue({
        code: "custom",
        path: ["note"],
        message: `Enter a progress note: the board needs to know why the action is ${value.rag === "RED" ? "red" : "amber"}`,
      });
    }
  });

export type ProgressUpdateInput = z.infer<typeof ProgressUpdateSchema>;

export const ActionDetailsSchema = z.object({
  version: version.optional(),
  title: z
    .string({ error: "Enter what the action is" })
    .trim()
    .min(1, { error: "Enter what the action is" })
    .max(300, { error: "Action must be 300 characters or fewer" }),
  description: z.string().trim().max(NOTE_MAX_LENGTH, { error: "Description must be 5,000 characters or fewer" }).optional(),
  ownerAgencyId: z.uuid({ error: "Select an agency from the list" }).optional(),
  ownerText: z.string().trim().max(200, { error: "Owner must be 200 characters or fewer" }).optional(),
  originalDueOn: dateInputSchema("the due date", { required: false }),
});

export type ActionDetailsInput = z.infer<typeof ActionDetailsSchema>;

export const CloseActionSchema = z.object({
  version,
  outcome: z.enum(["COMPLETE", "DROPPED"], { error: "Select whether the action was completed or dropped" }),
  note: z
    .string({ error: "Enter a closing note" })
    .trim()
    .min(1, { error: "Enter a closing note" })
    .max(NOTE_MAX_LENGTH, { error: `Closing note must be ${NOTE_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer` }),
});

export type CloseActionInput = z.infer<typeof CloseActionSchema>;
