// The one map of who may do what. Domain functions call assertCan (actor.server.ts);
// routes ask `can` only to decide which controls to show, never to allow a write.
//
// A permission is either open to whole roles, or "agency-scoped": an agency editor
// holds it only for things their agency leads or owns (the domain function says
// which agencies those are); a partnership manager holds it for everything in their
// partnership.
//
// A permission marked `write` changes the partnership's data. While a partnership is
// read-only (its subscription canceled or its trial over: app/modules/billing) every
// write is refused here, in the one check every write goes through, whatever the
// role; reads, the data export and billing stay open.

export type Role = "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "BOARD_MEMBER" | "VIEWER";

type Rule = { roles: readonly Role[]; agencyScoped?: true; write?: true };

const EVERYONE = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const;
const MANAGERS = ["PARTNERSHIP_MANAGER"] as const;
const EDITORS = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR"] as const;

export const permissions = {
  /** Read the partnership's plan, performance, boards and the history of each thing. */
  "partnership:read": { roles: EVERYONE },
  /** A priority's "what we will do" and progress summary: its lead agencies. */
  "priority:update": { roles: EDITORS, agencyScoped: true, write: true },
  /** Add an action: under a priority the editor's agency leads, or owned by their agency. */
  "action:create": { roles: EDITORS, agencyScoped: true, write: true },
  /** Update, edit or close an action their agency owns, or under a priority it leads. */
  "action:update": { roles: EDITORS, agencyScoped: true, write: true },
  /** Enter a figure for an indicator their agency leads. */
  "figure:enter": { roles: EDITORS, agencyScoped: true, write: true },
  /** Invite people, resend and revoke invites. */
  "invite:manage": { roles: MANAGERS, write: true },
  /** See members; change their role or agency; remove them. */
  "member:manage": { roles: MANAGERS, write: true },
  /** The whole partnership's audit log. */
  "audit:read-all": { roles: MANAGERS },
  /** Partnership settings (two-step verification for managers, and later issues'). */
  "settings:manage": { roles: MANAGERS, write: true },
  /** Schedule, edit and cancel boards' meetings; their agendas, papers and what they decided. */
  "meeting:manage": { roles: MANAGERS, write: true },
  /** Choose what the public page and open data show, and approve each publication. */
  "publication:manage": { roles: MANAGERS, write: true },
  /** Download everything the partnership holds: open while read-only, so a partnership can always leave. */
  "data:export": { roles: MANAGERS },
  /** See the subscription, start Checkout, pay by invoice, open Stripe's portal: open while read-only. */
  "billing:manage": { roles: MANAGERS },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;

/**
 * Who is asking: a role, the agency an agency editor belongs to, and whether their
 * partnership is read-only (set from its subscription when the actor is made).
 */
export type Grantee = { role: Role; agencyId: string | null; readOnly?: boolean };

/** The agencies that lead or own the thing acted on (include a department's parent). */
export type Scope = { agencyIds: ReadonlyArray<string | null | undefined> };

export function can(grantee: Grantee, permission: Permission, scope?: Scope): boolean {
  const rule: Rule = permissions[permission];
  if (!rule.roles.includes(grantee.role)) return false;
  if (rule.write && grantee.readOnly) return false;
  if (!rule.agencyScoped || grantee.role === "PARTNERSHIP_MANAGER") return true;
  // An agency-scoped permission with no scope named is refused, never assumed.
  if (!scope || !grantee.agencyId) return false;
  return scope.agencyIds.includes(grantee.agencyId);
}

/** Whether the permission changes data, and so is refused while the partnership is read-only. */
export function isWrite(permission: Permission): boolean {
  const rule: Rule = permissions[permission];
  return rule.write === true;
}
