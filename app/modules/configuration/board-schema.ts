import { z } from "zod";
import { optionalId, optionalText, requiredText } from "./fields";

export const BOARD_KINDS = ["PARTNERSHIP_BOARD", "EXECUTIVE_BOARD", "SUB_BOARD", "SCRUTINY_COMMITTEE", "OTHER"] as const;
export const BOARD_ROLES = ["CHAIR", "VICE_CHAIR", "CO_CHAIR", "MEMBER"] as const;

export const BoardSchema = z.object({
  intent: z.literal("save"),
  name: requiredText("the board's name"),
  shortName: optionalText("short name", 30),
  kind: z.enum(BOARD_KINDS, { error: "Choose what kind of board it is" }),
  parentBoardId: optionalId,
  description: optionalText("description", 2000),
  reportsToParent: optionalText("how often it reports", 100),
});
export type BoardInput = z.infer<typeof BoardSchema>;

export const BoardMemberSchema = z.object({
  intent: z.literal("add-member"),
  personId: z.string({ error: "Choose a person" }).trim().min(1, { error: "Choose a person" }),
  role: z.enum(BOARD_ROLES, { error: "Choose their role on the board" }),
});
export type BoardMemberInput = z.infer<typeof BoardMemberSchema>;

export const BoardMessages = {
  nameTaken: "There is already a board with this name",
  parentNotFound: "Choose a parent board from the list",
  cycle: "A board cannot report to itself or to one of its sub-boards",
  personNotFound: "Choose a person from the list",
  alreadyMember: "This person is already on the board",
  inUse: "This board has sub-boards, meetings, priorities or indicators: archive it instead",
} as const;
