// Reading a profile document: every bad file gets a clear message by its path.
import { describe, expect, it } from "vitest";
import { describeProblem, readProfileDocument, writeProfileDocument } from "~/modules/profiles/profile-document.server";
import { smallProfile } from "../factories";

function fileFrom(change: (doc: Record<string, unknown> & ReturnType<typeof smallProfile>) => void = () => {}) {
  const { deliveryPlans: _p, meetings: _m, ...profile } = smallProfile("file-test", "File Test");
  const doc = { ...profile, indicators: profile.indicators.map(({ figures: _f, ...i }) => i) } as never;
  change(doc);
  return writeProfileDocument(doc);
}

function problemsOf(source: string) {
  const result = readProfileDocument(source);
  return result.ok ? [] : result.problems.map(describeProblem);
}

describe("reading a profile document", () => {
  it("accepts a good file, in YAML or in JSON", () => {
    expect(readProfileDocument(fileFrom()).ok).toBe(true);
    const json = JSON.stringify((readProfileDocument(fileFrom()) as { document: unknown }).document);
    expect(readProfileDocument(json).ok).toBe(true);
  });

  it("refuses a file that is not YAML, saying which line", () => {
    expect(problemsOf("name: Test\nagencies: [\n  - key: x: y\n")[0]).toMatch(/^The file is not valid YAML: line 3: /);
  });

  it("refuses a 20 MB file before reading it", () => {
    const big = `name: x\ndescription: "${"a".repeat(20 * 1024 * 1024)}"\n`;
    expect(problemsOf(big)).toEqual(["The file must be smaller than 2 MB"]);
  });

  it("refuses unknown keys, by path", () => {
    const problems = problemsOf(fileFrom((doc) => Object.assign(doc.agencies[0]!, { leed: "x" })));
    expect(problems).toContain("agencies[0].leed: is not something a profile can contain (check the spelling)");
    expect(problemsOf(fileFrom((doc) => Object.assign(doc, { actions: [] })))).toContain("actions: is not something a profile can contain (check the spelling)");
  });

  it("refuses duplicate agency keys", () => {
    const problems = problemsOf(fileFrom((doc) => doc.agencies.push({ key: "police", name: "Another Police", kind: "POLICE" })));
    expect(problems).toContain("agencies[3].key: 'police' is used twice");
  });

  it("refuses a board that is its own ancestor", () => {
    const problems = problemsOf(fileFrom((doc) => (doc.boards[0]!.parent = "dv")));
    expect(problems).toContain("boards[0].parent: the board 'board' would be its own ancestor");
    expect(problems).toContain("boards[1].parent: the board 'dv' would be its own ancestor");
  });

  it("refuses a priority led by an agency the file does not define", () => {
    const problems = problemsOf(fileFrom((doc) => doc.strategies[0]!.priorities[1]!.leads.push({ agency: "MPS" })));
    expect(problems).toEqual(["strategies[0].priorities[1].leads[2].agency: no agency 'MPS' in this file"]);
  });

  it("refuses a rate without a denominator, and lists every problem at once", () => {
    const problems = problemsOf(
      fileFrom((doc) => {
        delete doc.indicators[0]!.denominator;
        doc.people[0]!.agency = "nobody";
        doc.indicators[0]!.priorities = ["s#9"];
      }),
    );
    expect(problems).toEqual([
      "people[0].agency: no agency 'nobody' in this file",
      "indicators[0].denominator: a rate (RATE_PER_1000) needs a denominator: residents, households or another population",
      "indicators[0].priorities[0]: no priority 's#9' in this file",
    ]);
  });

  it("says what is wrong with a value in words", () => {
    const problems = problemsOf(fileFrom((doc) => Object.assign(doc.agencies[0]!, { kind: "COPS", name: "" })));
    expect(problems).toContain("agencies[0].name: must not be empty");
    expect(problems.find((p) => p.startsWith("agencies[0].kind"))).toMatch(/must be one of: POLICE, PROBATION/);
  });
});
