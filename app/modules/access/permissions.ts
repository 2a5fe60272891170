// The one map of who may do what. Domain functions call assertCan; routes never
// decide permissions themselves. Later issues add the editing permissions here.
import type { MembershipRole } from "~/modules/registry/registry.server";

export type Role = MembershipRole;

export const permissions = {
  /** Read the partnership's plan, performance and boards. */
  "partnership:read": ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role, permission: Permission): boolean {
  return (permissions[permission] as readonly Role[]).includes(role);
}
