// Importing figures from CSV against a real database: every bad input is refused with a
// clear message and nothing written; a clean file is saved in one go; the same file
// twice changes nothing the second time; agency editors import only what they lead.
import { beforeAll, describe, expect, it } from "vitest";
import { describeCsvProblem } from "~/modules/figures/figure-csv";
import { confirmFigureImport, createFigureImportDraft, getFigureImportPage, getFigureImportPreview } from "~/modules/figures/figure-import.server";
import { enterFigure, getIndicator } from "~/modules/figures/figures.server";
import { withTenant } from "~/utils/db.server";
import { thrownStatus } from "../editing/helpers";
import { csv, importWorld, runImport, snapshot } from "./import-world";

type World = Awaited<ReturnType<typeof importWorld>>;
type Actor = Awaited<ReturnType<World["actor"]>>;
let world: World;
let manager: Actor;
let policeEditor: Actor;
let probationEditor: Actor;
let councilEditor: Actor;
let viewer: Actor;
let boardMember: Actor;
const calendar = { timeZone: "Europe/London", financialYearStartMonth: 4 };

beforeAll(async () => {
  world = await importWorld();
  manager = await world.actor("PARTNERSHIP_MANAGER", null, "The Manager");
  policeEditor = await world.actor("AGENCY_EDITOR", world.agencies.police, "Police Analyst");
  probationEditor = await world.actor("AGENCY_EDITOR", world.agencies.probation, "Probation Analyst");
  councilEditor = await world.actor("AGENCY_EDITOR", world.agencies.council, "Council Analyst");
  viewer = await world.actor("VIEWER");
  boardMember = await world.actor("BOARD_MEMBER");
});

const CLEAN = [
  "LOCAL 1,2025/26,,3362,Households' burglaries",
  'LOCAL 2,Q1 2025/26,"1,234",,',
  "LOCAL 3,2025/26,12%,,",
  "LOCAL 5,Week ending 13 April 2025,5,,",
  "LOCAL 5,2025-04-20,6,,",
  "fear of crime,2025/26,30,,Residents' survey",
  "LOCAL 6,2025/26,2.5,300,",
];

describe("a clean file", () => {
  it("previews every figure, saves nothing until confirmed, then saves them all as imported", async () => {
    const before = await snapshot(world.partnershipId);
    const { preview } = await runImport(manager, csv(...CLEAN), { confirm: false });
    expect(preview!.plan.problems).toEqual([]);
    // The factory's partnership has LOCAL 1's 2025/26 figure already (11.9 from 1190).
    expect(preview!.plan.changed.map((f) => [f.line, f.indicator, f.period, f.before.value, f.value, f.count])).toEqual([
      [2, "LOCAL 1: Residential burglary rate", "2025/26", "11.9", "24.841", "3362"],
    ]);
    expect(preview!.plan.created.map((f) => [f.line, f.indicator, f.period, f.value, f.count])).toEqual([
      [3, "LOCAL 2: Vehicle crime", "Q1 2025/26", "1234", null],
      [4, "LOCAL 3: Re-offending", "2025/26", "12", null],
      [5, "LOCAL 5: ASB incidents", "Week ending 13 April 2025", "5", null],
      [6, "LOCAL 5: ASB incidents", "Week ending 20 April 2025", "6", null],
      [7, "Fear of crime", "2025/26", "30", null],
      [8, "LOCAL 6: Rate with no denominator", "2025/26", "2.5", "300"],
    ]);
    expect(await snapshot(world.partnershipId)).toEqual(before);

    const { result } = await runImport(manager, csv(...CLEAN));
    expect(result).toEqual({ status: "imported", created: 6, changed: 1, unchanged: 0 });
    const { indicator, history } = (await getIndicator(viewer, world.indicators.burglary))!;
    expect(indicator.figures.find((f) => f.period.label === "2025/26")).toMatchObject({ value: "24.841", count: "3362", source: "IMPORTED", note: "Households' burglaries" });
    expect(history[0]).toMatchObject({ action: "changed a figure by importing figures.csv", actorName: "The Manager", after: { period: "2025/26", value: "24.841", count: "3362" } });
    const vehicle = (await getIndicator(viewer, world.indicators.vehicle))!;
    expect(vehicle.indicator.figures[0]).toMatchObject({ value: "1234", source: "IMPORTED" });
    expect(vehicle.history[0]).toMatchObject({ action: "imported a figure from figures.csv", after: { period: "Q1 2025/26", value: "1234" } });
  });

  it("changes nothing the second time the same file is imported: no new versions, no audit events", async () => {
    const before = await snapshot(world.partnershipId);
    const { preview, result } = await runImport(manager, csv(...CLEAN));
    expect(preview!.plan.created).toEqual([]);
    expect(preview!.plan.changed).toEqual([]);
    expect(preview!.plan.unchanged).toHaveLength(7);
    expect(result).toEqual({ status: "imported", created: 0, changed: 0, unchanged: 7 });
    expect(await snapshot(world.partnershipId)).toEqual(before);
  });

  it("changes only the figures that differ, keeps a note when the file's is empty, and records each change", async () => {
    const { preview, result } = await runImport(manager, csv("LOCAL 1,2025/26,,3400,", "LOCAL 2,Q1 2025/26,1234,,"), { fileName: "revised.csv" });
    expect(preview!.plan.changed.map((f) => [f.indicator, f.before, f.value, f.count, f.note])).toEqual([
      ["LOCAL 1: Residential burglary rate", { value: "24.841", count: "3362", note: "Households' burglaries" }, "25.122", "3400", "Households' burglaries"],
    ]);
    expect(result).toEqual({ status: "imported", created: 0, changed: 1, unchanged: 1 });
    const { indicator, history } = (await getIndicator(viewer, world.indicators.burglary))!;
    expect(indicator.figures.find((f) => f.period.label === "2025/26")).toMatchObject({ value: "25.122", count: "3400", note: "Households' burglaries" });
    expect(history[0]).toMatchObject({
      action: "changed a figure by importing revised.csv",
      before: { period: "2025/26", value: "24.841", count: "3362" },
      after: { period: "2025/26", value: "25.122", count: "3400" },
    });
  });

  it("reads a Windows-1252 file with semicolons, and keeps £ and é in the note", async () => {
    const text = "Note;Period;Indicator;Count;Value\r\nCoût £5 par habitant;Q2 2025/26;LOCAL 2;;17\r\n";
    const bytes = Uint8Array.from([...text].map((c) => ({ "£": 0xa3, "û": 0xfb, "é": 0xe9 })[c] ?? c.charCodeAt(0)));
    const { preview, result } = await runImport(manager, bytes);
    expect(preview).toMatchObject({ encoding: "Windows-1252", delimiter: ";" });
    expect(result).toMatchObject({ status: "imported", created: 1 });
    const { indicator } = (await getIndicator(viewer, world.indicators.vehicle))!;
    expect(indicator.figures.find((f) => f.period.label === "Q2 2025/26")).toMatchObject({ value: "17", note: "Coût £5 par habitant" });
  });

  it("reads UTF-8 with a byte order mark", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...csv("LOCAL 2,Q3 2025/26,9,,Café")]);
    const { preview, result } = await runImport(manager, bytes);
    expect(preview!.encoding).toBe("UTF-8");
    expect(result).toMatchObject({ status: "imported", created: 1 });
    const { indicator } = (await getIndicator(viewer, world.indicators.vehicle))!;
    expect(indicator.figures.find((f) => f.period.label === "Q3 2025/26")).toMatchObject({ note: "Café" });
  });
});

describe("bad input: a clear message for each, and nothing written", () => {
  async function refused(bytes: Uint8Array, actor: Actor = manager) {
    const before = await snapshot(world.partnershipId);
    const { draft, preview, result } = await runImport(actor, bytes);
    expect(draft.ok).toBe(true);
    expect(result).toEqual({ status: "not-ready", reason: "problems" });
    expect(await snapshot(world.partnershipId)).toEqual(before);
    return preview!.plan.problems.map(describeCsvProblem);
  }

  it("a missing column", async () => {
    expect(await refused(new TextEncoder().encode("indicator,period,value,note\nLOCAL 2,Q1 2025/26,1,\n"))).toEqual([
      "Line 1: The file has no “count” column: the first line must name the columns indicator, period, value, count and note, in any order",
    ]);
  });

  it("extra columns", async () => {
    const problems = await refused(new TextEncoder().encode("indicator,period,value,count,note,target,rag\nLOCAL 2,Q1 2025/26,1,,,,\n"));
    expect(problems).toEqual(["Line 1: The file has columns this import does not use: “target”, “rag”. Remove them, or start from the template"]);
  });

  it("ragged rows, a blank line, and 1,234 without quotation marks", async () => {
    const problems = await refused(csv("LOCAL 2,Q1 2025/26,3,,", "", "LOCAL 2,Q2 2025/26,1,234,,", "LOCAL 2,Q3 2025/26"));
    expect(problems).toEqual([
      "Line 3 is blank: delete it, or fill it in",
      'Line 4 has 6 values, but the first line names 5 columns. A number with a comma in it (1,234) must be in quotation marks ("1,234"), or written without the comma',
      "Line 5 has 2 values, but the first line names 5 columns",
    ]);
  });

  it("a header in another case and order is read, not refused", async () => {
    const { preview } = await runImport(manager, new TextEncoder().encode("NOTE,Value,COUNT,Period,Indicator\n,7,,Q1 2025/26,LOCAL 2\n"), { confirm: false });
    expect(preview!.plan.problems).toEqual([]);
    expect(preview!.plan.changed[0]).toMatchObject({ value: "7", before: { value: "1234" } });
  });

  it("12% for an indicator that is not a percentage, and other numbers that are not figures", async () => {
    const problems = await refused(csv("LOCAL 2,Q1 2025/26,12%,,", "LOCAL 2,Q2 2025/26,-4,,", "LOCAL 3,2025/26,112%,,", "LOCAL 2,Q3 2025/26,,,", "LOCAL 2,Q4 2024/25,1 234,,"));
    expect(problems).toEqual([
      "Line 2, column value: Write the figure without “%”: LOCAL 2 is not a percentage",
      "Line 3, column value: Enter a number of 0 or more",
      "Line 4, column value: Enter a percentage between 0 and 100",
      "Line 5, column value: Enter the figure",
      "Line 6, column value: Enter a number, like 1234.5",
    ]);
  });

  it("a date in another format, a period of the wrong kind, a week not ending on Sunday", async () => {
    const problems = await refused(csv("LOCAL 5,13/04/2025,1,,", "LOCAL 2,2025/26,1,,", "LOCAL 5,2025-04-14,1,,", "LOCAL 2,April 2025,1,,"));
    expect(problems).toEqual([
      "Line 2, column period: Write the period as 2013/14, Q2 2013/14, January 2013 (or Jan 2013), Week ending 13 January 2013, or 2013-01-13 for the week ending that day",
      "Line 3, column period: LOCAL 2 is reported quarterly: write the period like Q2 2013/14",
      "Line 4, column period: 2025-04-14 is a Monday: weeks end on a Sunday",
      "Line 5, column period: LOCAL 2 is reported quarterly: write the period like Q2 2013/14",
    ]);
  });

  it("a period outside the strategy", async () => {
    const problems = await refused(csv("LOCAL 3,2023/24,10,,", "LOCAL 2,Q1 2030/31,1,,"));
    expect(problems).toEqual([
      "Line 2, column period: 2023/24 is outside the strategy (2024/25 to 2026/27): import figures for the strategy's years only",
      "Line 3, column period: Q1 2030/31 is outside the strategy (2024/25 to 2026/27): import figures for the strategy's years only",
    ]);
  });

  it("an indicator code of another partnership, or none", async () => {
    const other = await importWorld();
    await withTenant(other.partnershipId, (tx) =>
      tx.indicator.create({ data: { partnershipId: other.partnershipId, code: "NI 99", name: "Theirs", unit: "COUNT", direction: "LOWER_IS_BETTER", frequency: "YEARLY" } }),
    );
    const theirsBefore = await snapshot(other.partnershipId);
    const problems = await refused(csv("NI 99,2025/26,1,,", ",2025/26,1,,"));
    expect(problems).toEqual([
      "Line 2, column indicator: This partnership has no indicator with the code or name “NI 99”: use the codes in the template",
      "Line 3, column indicator: Enter the indicator's code (or its name, if it has no code)",
    ]);
    expect(await snapshot(other.partnershipId)).toEqual(theirsBefore);
  });

  it("a formula", async () => {
    const problems = await refused(csv('LOCAL 2,Q1 2025/26,1,,"=HYPERLINK(""http://evil.example"",""Click"")"', "@LOCAL 2,Q2 2025/26,1,,", "LOCAL 2,Q2 2025/26,=1+1,,"));
    expect(problems).toEqual([
      "Line 2, column note: “=HYPERLINK(\"http://evil.examp…” starts with “=”, so a spreadsheet would run it as a formula: remove the formula and type the note as text",
      "Line 3, column indicator: “@LOCAL 2” starts with “@”, so a spreadsheet would run it as a formula: remove the formula and type the indicator as text",
      "Line 4, column value: “=1+1” starts with “=”, so a spreadsheet would run it as a formula: remove the formula and type the value as text",
    ]);
  });

  it("an indicator whose figures come from police.uk, and the same figure twice", async () => {
    const problems = await refused(csv("LOCAL 4,May 2025,10,,", "LOCAL 2,Q4 2025/26,1,,", "LOCAL 2,q4 2025/26,2,,"));
    expect(problems).toEqual([
      expect.stringMatching(/^Line 2, column indicator: LOCAL 4: Figures for this indicator come from police.uk crime files/),
      "Line 4, column period: Line 3 is already a figure for LOCAL 2 in Q4 2025/26: keep one of the two lines",
    ]);
  });

  it("a rate typed beside its count that does not agree, and a count with no denominator for the year", async () => {
    const problems = await refused(csv("LOCAL 1,2025/26,30,3362,", "LOCAL 1,2026/27,,3000,", "LOCAL 1,2024/25,24.841,,", "LOCAL 2,Q1 2024/25,5,5,"));
    expect(problems).toEqual([
      "Line 2, column value: Leave the figure empty: the rate per 1,000 households is worked out from the count (3362 gives 24.841)",
      "Line 3, column count: The rate cannot be worked out: there is no number of households for 2026/27. A partnership manager can add it in Settings, Partnership details (residents and households)",
      "Line 4, column count: Enter the number of offences",
      "Line 5, column count: Leave the count empty: LOCAL 2 is not a rate, so its figure goes in the value",
    ]);
  });

  it("is all or nothing: one bad line among good ones writes none of them", async () => {
    const problems = await refused(csv("LOCAL 2,Q1 2024/25,11,,", "LOCAL 2,Q2 2024/25,12,,", "LOCAL 2,Q3 2024/25,twelve,,", "LOCAL 2,Q4 2024/25,14,,"));
    expect(problems).toEqual(["Line 4, column value: Enter a number, like 1234.5"]);
  });

  it("refuses to confirm when figures changed after the preview, and writes nothing", async () => {
    const draft = await createFigureImportDraft(manager, { ok: true, fileName: "late.csv", bytes: csv("LOCAL 3,2024/25,40,,", "LOCAL 6,2024/25,1,,") });
    if (!draft.ok) throw new Error("not read");
    const preview = (await getFigureImportPreview(manager, draft.draftId, calendar))!;
    await enterFigure(probationEditor, world.indicators.reoffending, { period: "YEAR-2024", value: "41", openedAt: new Date() }, calendar);
    const before = await snapshot(world.partnershipId);
    expect(await confirmFigureImport(manager, draft.draftId, preview.plan.signature, calendar)).toEqual({ status: "not-ready", reason: "changed-since-preview" });
    expect(await snapshot(world.partnershipId)).toEqual(before);
  });
});

describe("who may import", () => {
  it("an agency editor imports only for indicators their agency leads: other lines are refused, nothing written", async () => {
    const before = await snapshot(world.partnershipId);
    const { preview, result } = await runImport(probationEditor, csv("LOCAL 3,2025/26,15,,", "LOCAL 2,Q1 2025/26,3,,", "Fear of crime,2025/26,1,,"));
    expect(preview!.plan.problems.map(describeCsvProblem)).toEqual([
      "Line 3, column indicator: You can import figures only for indicators your agency leads: LOCAL 2 is led by Test Constabulary. Ask a partnership manager to import it",
      expect.stringMatching(/^Line 4, column indicator: You can import figures only for indicators your agency leads: Fear of crime is led by Test Partnership/),
    ]);
    expect(result).toEqual({ status: "not-ready", reason: "problems" });
    expect(await snapshot(world.partnershipId)).toEqual(before);
    expect((await runImport(probationEditor, csv("LOCAL 3,2025/26,15,,"))).result).toMatchObject({ status: "imported", changed: 1 });
    expect((await runImport(councilEditor, csv("Fear of crime,2025/26,31,,"))).result).toMatchObject({ status: "imported", changed: 1 });
    expect((await getFigureImportPage(probationEditor)).indicators.map((i) => i.code)).toEqual(["LOCAL 3"]);
    expect((await getFigureImportPage(policeEditor)).indicators.map((i) => i.code)).toEqual(["LOCAL 1", "LOCAL 2", "LOCAL 5", "LOCAL 6"]);
  });

  it("a viewer or board member cannot import (403), and a draft is its uploader's alone", async () => {
    for (const actor of [viewer, boardMember]) {
      expect(await thrownStatus(() => getFigureImportPage(actor))).toBe(403);
      expect(await thrownStatus(() => createFigureImportDraft(actor, { ok: true, fileName: "x.csv", bytes: csv("LOCAL 2,Q1 2025/26,1,,") }))).toBe(403);
    }
    const draft = await createFigureImportDraft(policeEditor, { ok: true, fileName: "x.csv", bytes: csv("LOCAL 2,Q1 2025/26,99,,") });
    if (!draft.ok) throw new Error("not read");
    expect(await getFigureImportPreview(manager, draft.draftId, calendar)).toBeNull();
    expect(await confirmFigureImport(manager, draft.draftId, "", calendar)).toBeNull();
    expect(await getFigureImportPreview(policeEditor, "not-a-uuid", calendar)).toBeNull();
  });
});
