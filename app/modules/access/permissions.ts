// The one map of who may do what. Domain functions call assertCan (actor.server.ts);
// routes ask `can` only to decide which controls to show, never to allow a write.
//
// A permission is either open to whole roles, or "agency-scoped": an agency editor
// holds it only for things their agency leads or owns (the domain function says
// which agencies those are); a partnership manager holds it for everything in their
// partnership.

export type Role = "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "BOARD_MEMBER" | "VIEWER";

type Rule = { roles: readonly Role[]; agencyScoped?: true };

const EVERYONE = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const;
const MANAGERS = ["PARTNERSHIP_MANAGER"] as const;
const EDITORS = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR"] as const;

export const permissions = {
  /** Read the partnership's plan, performance, boards and the history of each thing. */
  "partnership:read": { roles: EVERYONE },
  /** A priority's "what we will do" and progress summary: its lead agencies. */
  "priority:update": { roles: EDITORS, agencyScoped: true },
  /** Add an action: under a priority the editor's agency leads, or owned by their agency. */
  "action:create": { roles: EDITORS, agencyScoped: true },
  /** Update, edit or close an action their agency owns, or under a priority it leads. */
  "action:update": { roles: EDITORS, agencyScoped: true },
  /** Enter a figure for an indicator their agency leads. */
  "figure:enter": { roles: EDITORS, agencyScoped: true },
  /** Invite people, resend and revoke invites. */
  "invite:manage": { roles: MANAGERS },
  /** See members; change their role or agency; remove them. */
  "member:manage": { roles: MANAGERS },
  /** The whole partnership's audit log. */
  "audit:read-all": { roles: MANAGERS },
  /** Partnership settings (two-step verification for managers, and later issues'). */
  "settings:manage": { roles: MANAGERS },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

/** Who is asking: a role, and the agency an agency editor belongs to. */
export type Grantee = { role: Role; agencyId: string | null };

/** The agencies that lead or own the thing acted on (include a department's parent). */
export type Scope = { agencyIds: ReadonlyArray<string | null | undefined> };

export function can(grantee: Grantee, permission: Permission, scope?: Scope): boolean {
  const rule: Rule = permissions[permission];
  if (!rule.roles.includes(grantee.role)) return false;
  if (!rule.agencyScoped || grantee.role === "PARTNERSHIP_MANAGER") return true;
  // An agency-scoped permission with no scope named is refused, never assumed.
  if (!scope || !grantee.agencyId) return false;
  return scope.agencyIds.includes(grantee.agencyId);
}
