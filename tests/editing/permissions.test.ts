import { describe, expect, it } from "vitest";
import { can } from "~/modules/access/permissions";

const police = "00000000-0000-4000-8000-000000000001";
const probation = "00000000-0000-4000-8000-000000000002";

describe("the permission map", () => {
  it("lets an agency editor edit only what their agency leads or owns", () => {
    const editor = { role: "AGENCY_EDITOR" as const, agencyId: police };
    expect(can(editor, "action:update", { agencyIds: [police] })).toBe(true);
    expect(can(editor, "action:update", { agencyIds: [probation, police] })).toBe(true);
    expect(can(editor, "action:update", { agencyIds: [probation] })).toBe(false);
    expect(can(editor, "figure:enter", { agencyIds: [] })).toBe(false);
  });

  it("refuses an agency-scoped check made without a scope rather than assuming one", () => {
    expect(can({ role: "AGENCY_EDITOR", agencyId: police }, "priority:update")).toBe(false);
  });

  it("refuses an editor who belongs to no agency", () => {
    expect(can({ role: "AGENCY_EDITOR", agencyId: null }, "action:update", { agencyIds: [null] })).toBe(false);
  });

  it("lets a manager do everything in their partnership", () => {
    const manager = { role: "PARTNERSHIP_MANAGER" as const, agencyId: null };
    for (const permission of ["priority:update", "action:update", "figure:enter", "member:manage", "invite:manage", "audit:read-all"] as const) {
      expect(can(manager, permission, { agencyIds: [probation] })).toBe(true);
    }
  });

  it("keeps board members and viewers to reading", () => {
    for (const role of ["BOARD_MEMBER", "VIEWER"] as const) {
      const reader = { role, agencyId: police };
      expect(can(reader, "partnership:read")).toBe(true);
      expect(can(reader, "action:update", { agencyIds: [police] })).toBe(false);
      expect(can(reader, "figure:enter", { agencyIds: [police] })).toBe(false);
      expect(can(reader, "member:manage")).toBe(false);
    }
  });
});
