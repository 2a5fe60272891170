import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugProblem } from "~/modules/partnerships/slugs";

/** The first URL segment of every route that is not under /:partnership. */
function topLevelSegments(): string[] {
  return readdirSync("app/routes")
    .map((file) => file.replace(/\.tsx?$/, "").split(".")[0]!.replace(/_$/, ""))
    .filter((segment) => segment && !segment.startsWith("$") && !segment.startsWith("_"));
}

describe("reserved slugs", () => {
  it("include every top-level route segment, so no partnership can hide a page", () => {
    const segments = topLevelSegments();
    expect(segments.length).toBeGreaterThan(5);
    expect(segments.filter((segment) => !(RESERVED_SLUGS as readonly string[]).includes(segment))).toEqual([]);
  });

  it("refuse reserved words, capitals, spaces and emoji with a clear message", () => {
    expect(slugProblem("admin")).toBe('"admin" is reserved: choose another web address');
    expect(slugProblem("healthz")).toMatch(/reserved/);
    for (const bad of ["Barnet", "safer barnet", "barnet🚓", "-barnet", "barnet-", "a--b"]) {
      expect([bad, slugProblem(bad)]).toEqual([bad, expect.stringMatching(/lower-case letters, numbers and hyphens/)]);
    }
    expect(slugProblem("")).toBe("Enter a web address for the partnership");
    expect(slugProblem("x".repeat(61))).toMatch(/60 characters or fewer/);
    expect(slugProblem("safer-halton")).toBeNull();
  });
});
