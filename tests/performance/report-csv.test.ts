// The board report's indicator table as CSV: safe to open in a spreadsheet (text that
// could run as a formula is escaped) with numbers, negative ones included, left as numbers.
import { describe, expect, it } from "vitest";
import { CsvNumber, toCsv } from "~/modules/data-export/csv";
import { INDICATOR_CSV_COLUMNS, getBoardIndicatorsCsv } from "~/modules/performance/board-performance.server";
import { callRoute, isResponse } from "../routes/call-route";
import * as reportCsv from "~/routes/$partnership.boards.$boardId.report[.]csv";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor, smallProfile } from "../factories";

describe("CSV cells", () => {
  it("escapes text that starts with = + - @, a tab or a carriage return, and keeps numbers as numbers", () => {
    const csv = toCsv(
      ["Indicator", "Latest figure", "Change", "Note"],
      [
        { Indicator: '=HYPERLINK("http://evil.example","click")', "Latest figure": CsvNumber.of("-12.5"), Change: CsvNumber.of("-"), Note: "-" },
        { Indicator: "+1 more", "Latest figure": CsvNumber.of("24.841"), Change: CsvNumber.of("0"), Note: "@home" },
        { Indicator: "\tTabbed", "Latest figure": CsvNumber.of(null), Change: CsvNumber.of("12%"), Note: "\rReturn" },
      ],
    );
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Indicator,Latest figure,Change,Note");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")",-12.5,'-,'-`);
    expect(lines[2]).toBe("'+1 more,24.841,0,'@home");
    expect(lines[3]).toBe(`'\tTabbed,,12%,"'\rReturn"`);
  });
});

describe("the report's CSV download", () => {
  it("has a row per indicator, with numbers unquoted, and is a download", async () => {
    const profile = smallProfile();
    // An indicator named like a formula, with a figure below its baseline (a negative change).
    profile.indicators.push({
      key: "formula",
      code: "=HYPERLINK(1)",
      name: "-Injected name",
      unit: "COUNT",
      direction: "LOWER_IS_BETTER",
      frequency: "YEARLY",
      ownerBoard: "board",
      baselines: [{ period: { type: "YEAR", financialYear: 2024 }, value: "100" }],
      targets: [{ period: { type: "YEAR", financialYear: 2025 }, value: "90" }],
      figures: [{ period: { type: "YEAR", financialYear: 2025 }, value: "87.5" }],
    });
    const { partnershipId, slug } = await createPartnership(profile);
    const boardId = await withTenant(partnershipId, async (tx) => (await tx.board.findFirstOrThrow({ where: { name: "Community Safety Board" } })).id);
    const user = await createUser({ memberships: [{ partnershipId, role: "VIEWER" }] });

    const response = await callRoute(reportCsv.loader, {
      path: `/${slug}/boards/${boardId}/report.csv?date=2026-06-30`,
      params: { partnership: slug, boardId },
      cookie: await sessionCookieFor(user.id),
    });
    if (!isResponse(response)) throw new Error("expected a Response");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="community-safety-board-indicators-2026-06-30.csv"');
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(INDICATOR_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(3);
    const formula = lines.find((line) => line.includes("HYPERLINK"))!;
    expect(formula.split(",").slice(0, 2)).toEqual(["'=HYPERLINK(1)", "'-Injected name"]);
    // Target 90, baseline 100, latest 87.5: a change of -12.5 (-12.5%), green.
    expect(formula).toContain(",90,2025/26,100,2024/25,87.5,2025/26,,,-12.5,-12.5,,Green,Target met");

    const bad = await callRoute(reportCsv.loader, {
      path: `/${slug}/boards/${boardId}/report.csv?date=2026-02-30`,
      params: { partnership: slug, boardId },
      cookie: await sessionCookieFor(user.id),
    });
    expect(isResponse(bad) && bad.status).toBe(400);
  });

  it("is null for a board of another partnership", async () => {
    const ours = await createPartnership();
    const theirs = await createPartnership();
    const theirBoard = await withTenant(theirs.partnershipId, async (tx) => (await tx.board.findFirstOrThrow()).id);
    const user = await createUser({ memberships: [{ partnershipId: ours.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const membership = await withTenant(ours.partnershipId, (tx) => tx.membership.findFirstOrThrow({ where: { userId: user.id } }));
    const actor = { userId: user.id, userName: "x", partnershipId: ours.partnershipId, membershipId: membership.id, role: "PARTNERSHIP_MANAGER" as const, agencyId: null };
    expect(await getBoardIndicatorsCsv(actor, theirBoard)).toBeNull();
  });
});
