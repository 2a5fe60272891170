// What the members forms send, shared by the form (in the browser) and the server.
import { z } from "zod";
import { ROLE_LABELS } from "~/utils/labels";

export const ROLES = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const;
export type MemberRole = (typeof ROLES)[number];

/** The roles as radios: what each may do, in the words the permission map means. */
export const ROLE_OPTIONS: Array<{ value: MemberRole; label: string; hint: string }> = [
  {
    value: "PARTNERSHIP_MANAGER",
    label: ROLE_LABELS.PARTNERSHIP_MANAGER,
    hint: "Can update everything in the partnership, invite people and manage members.",
  },
  {
    value: "AGENCY_EDITOR",
    label: ROLE_LABELS.AGENCY_EDITOR,
    hint: "Can update the priorities, actions and figures their agency leads or owns. Choose their agency below.",
  },
  {
    value: "BOARD_MEMBER",
    label: ROLE_LABELS.BOARD_MEMBER,
    hint: "Sits on one of the partnership's boards. Can read the plan, performance and board papers.",
  },
  {
    value: "VIEWER",
    label: ROLE_LABELS.VIEWER,
    hint: "Can read the plan, performance and board papers, but cannot change anything.",
  },
];

export const MESSAGES = {
  chooseRole: "Choose a role",
  agencyRequired: "Choose the agency this agency editor works for",
  agencyNotFound: "Choose an agency from the list",
  lastManager: "There must be at least one partnership manager",
} as const;

export const roleSchema = z.enum(ROLES, { error: MESSAGES.chooseRole });

/** An agency editor edits for an agency, so one must be chosen; other roles may have one. */
export function requireAgencyForEditor(value: { role?: MemberRole; agencyId?: string }, ctx: z.RefinementCtx) {
  if (value.role === "AGENCY_EDITOR" && !value.agencyId) {
    ctx.addIssue({ code: "custom", path: ["agencyId"], message: MESSAGES.agencyRequired });
  }
}

export const ChangeMemberSchema = z
  .object({ role: roleSchema, agencyId: z.string().trim().optional() })
  .superRefine(requireAgencyForEditor);
