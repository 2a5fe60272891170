// Reading a profile document: size, then YAML (JSON is YAML too), then the zod
// schema, then the checks between parts that a schema cannot make (a key used
// twice, a reference to a key the file does not define, a board that is its own
// ancestor). Every problem is reported by its path in the document, so an officer
// can find the line: "strategies[0].priorities[3].leads[0].agency: no agency 'MPS' in this file".
import { parseDocument, stringify } from "yaml";
import type { z } from "zod";
import { ProfileDocumentSchema, RATE_UNITS, type ProfileDocument } from "./profile-schema";

export const PROFILE_MAX_BYTES = 2 * 1024 * 1024;

export const ProfileMessages = {
  tooLarge: "The file must be smaller than 2 MB",
  empty: "The file is empty",
  notAnObject: "The file does not describe a partnership: it should start with the partnership's name, like 'name: Safer Anytown Partnership'",
  chooseFile: "Select a profile file (YAML or JSON) to import",
} as const;

export type ProfileProblem = { path: string; message: string };
export type ProfileReadResult = { ok: true; document: ProfileDocument } | { ok: false; problems: ProfileProblem[] };

/** One line per problem, as the page lists them. */
export function describeProblem(problem: ProfileProblem) {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

export function readProfileDocument(source: string): ProfileReadResult {
  if (new TextEncoder().encode(source).length > PROFILE_MAX_BYTES) return fail(ProfileMessages.tooLarge);
  if (source.trim() === "") return fail(ProfileMessages.empty);
  const parsed = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (parsed.errors.length > 0) {
    return { ok: false, problems: parsed.errors.slice(0, 20).map((error) => ({ path: "", message: yamlMessage(error) })) };
  }
  let value: unknown;
  try {
    // maxAliasCount guards against a small file that expands to a huge one.
    value = parsed.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return fail(`The file is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return fail(ProfileMessages.notAnObject);
  const result = ProfileDocumentSchema.safeParse(value);
  if (!result.success) return { ok: false, problems: result.error.issues.flatMap(issueProblems) };
  const problems = crossReferenceProblems(result.data);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, document: result.data };
}

/** Writes a document as YAML, in the order the schema lists its parts. */
export function writeProfileDocument(document: ProfileDocument, header?: string): string {
  const yaml = stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  return header ? `${header}\n${yaml}` : yaml;
}

function fail(message: string): ProfileReadResult {
  return { ok: false, problems: [{ path: "", message }] };
}

function yamlMessage(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }) {
  const firstLine = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  const line = error.linePos?.[0]?.line;
  return `The file is not valid YAML: ${line ? `line ${line}: ` : ""}${firstLine}`;
}

export function pathOf(path: ReadonlyArray<PropertyKey>) {
  return path.reduce<string>((out, part) => (typeof part === "number" ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), "");
}

function issueProblems(issue: z.core.$ZodIssue): ProfileProblem[] {
  const path = pathOf(issue.path);
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => ({ path: pathOf([...issue.path, k]), message: "is not something a profile can contain (check the spelling)" }));
    case "invalid_type":
      if (issue.input === undefined) return [{ path, message: "is missing" }];
      return [{ path, message: `must be ${typeWord(issue.expected)}` }];
    case "invalid_value":
      return [{ path, message: `must be one of: ${issue.values.map(String).join(", ")}` }];
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator) return [{ path: pathOf([...issue.path, issue.discriminator]), message: "must be one of: YEAR, QUARTER, MONTH, WEEK" }];
      return [{ path, message: issue.message === "Invalid input" ? "is not in a form this file can use" : issue.message }];
    default:
      return [{ path, message: issue.message }];
  }
}

function typeWord(expected: string) {
  switch (expected) {
    case "string":
      return "text";
    case "number":
    case "int":
      return "a number";
    case "boolean":
      return "true or false";
    case "array":
      return "a list";
    case "object":
      return "a set of fields";
    default:
      return expected;
  }
}

/** The checks between parts: unique keys and names, references, no cycles. */
export function crossReferenceProblems(document: ProfileDocument): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  const keysOf = (section: string, items: ReadonlyArray<{ key: string }>) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key)) add(`${section}[${i}].key`, `'${item.key}' is used twice`);
      seen.add(item.key);
    });
    return seen;
  };
  const uniqueNames = (section: string, items: ReadonlyArray<{ name: string }>, what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const folded = item.name.toLowerCase();
      if (seen.has(folded)) add(`${section}[${i}].name`, `two ${what} are called '${item.name}'`);
      seen.add(folded);
    });
  };

  const denominators = keysOf("denominators", document.denominators);
  const indicatorKeys = new Set(document.indicators.map((i) => i.key));
  const agencies = keysOf("agencies", document.agencies);
  const people = keysOf("people", document.people);
  const boards = keysOf("boards", document.boards);
  keysOf("strategies", document.strategies);
  keysOf("indicators", document.indicators);
  uniqueNames("denominators", document.denominators, "denominators");
  uniqueNames("agencies", document.agencies, "agencies");
  uniqueNames("boards", document.boards, "boards");
  const councils = new Set<string>();
  document.councils.forEach((council, i) => {
    if (councils.has(council.toLowerCase())) add(`councils[${i}]`, `'${council}' is listed twice`);
    councils.add(council.toLowerCase());
  });

  const ref = (path: string, kind: string, set: Set<string>, value: string | undefined) => {
    if (value !== undefined && !set.has(value)) add(path, `no ${kind} '${value}' in this file`);
  };

  document.denominators.forEach((d, i) => {
    const years = new Set<number>();
    d.values.forEach((v, j) => {
      if (years.has(v.financialYear)) add(`denominators[${i}].values[${j}].financialYear`, `${v.financialYear} is given twice`);
      years.add(v.financialYear);
    });
  });

  document.agencies.forEach((a, i) => ref(`agencies[${i}].parent`, "agency", agencies, a.parent));
  const agencyParent = new Map(document.agencies.map((a) => [a.key, a.parent]));
  document.agencies.forEach((a, i) => {
    if (a.parent && agencies.has(a.parent) && isOwnAncestor(a.key, agencyParent)) {
      add(`agencies[${i}].parent`, `the agency '${a.key}' would be a department of itself`);
    }
  });
  document.people.forEach((p, i) => ref(`people[${i}].agency`, "agency", agencies, p.agency));

  const boardParent = new Map(document.boards.map((b) => [b.key, b.parent]));
  document.boards.forEach((b, i) => {
    ref(`boards[${i}].parent`, "board", boards, b.parent);
    if (b.parent && boards.has(b.parent) && isOwnAncestor(b.key, boardParent)) {
      add(`boards[${i}].parent`, `the board '${b.key}' would be its own ancestor`);
    }
    const seated = new Set<string>();
    b.members.forEach((m, j) => {
      ref(`boards[${i}].members[${j}].person`, "person", people, m.person);
      ref(`boards[${i}].members[${j}].agency`, "agency", agencies, m.agency);
      if (seated.has(m.person)) add(`boards[${i}].members[${j}].person`, `'${m.person}' is a member of this board twice`);
      seated.add(m.person);
    });
  });

  const priorities = new Set<string>();
  document.strategies.forEach((s, i) => {
    if (s.endYear < s.startYear) add(`strategies[${i}].endYear`, "must be the same as or after startYear");
    const numbers = new Set<number>();
    s.priorities.forEach((p, j) => {
      const at = `strategies[${i}].priorities[${j}]`;
      if (numbers.has(p.number)) add(`${at}.number`, `priority ${p.number} is numbered twice in this strategy`);
      numbers.add(p.number);
      priorities.add(`${s.key}#${p.number}`);
      ref(`${at}.responsibleBoard`, "board", boards, p.responsibleBoard);
      p.leads.forEach((lead, k) => {
        if (!lead.agency && !lead.person) add(`${at}.leads[${k}]`, "must name an agency, a person, or both");
        ref(`${at}.leads[${k}].agency`, "agency", agencies, lead.agency);
        ref(`${at}.leads[${k}].person`, "person", people, lead.person);
      });
    });
  });

  document.indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    ref(`${at}.denominator`, "denominator", denominators, indicator.denominator);
    if ((RATE_UNITS as readonly string[]).includes(indicator.unit) && !indicator.denominator) {
      add(`${at}.denominator`, `a rate (${indicator.unit}) needs a denominator: residents, households or another population`);
    }
    ref(`${at}.responsibleBoard`, "board", boards, indicator.responsibleBoard);
    ref(`${at}.ownerBoard`, "board", boards, indicator.ownerBoard);
    ref(`${at}.leadAgency`, "agency", agencies, indicator.leadAgency);
    (indicator.priorities ?? []).forEach((p, j) => {
      if (!priorities.has(p)) add(`${at}.priorities[${j}]`, `no priority '${p}' in this file`);
    });
    const targetPeriods = new Set<string>();
    (indicator.targets ?? []).forEach((t, j) => {
      if (t.value === undefined && t.requiredDirection === undefined) add(`${at}.targets[${j}]`, "must give a value, a requiredDirection, or both");
      const period = JSON.stringify(t.period);
      if (targetPeriods.has(period)) add(`${at}.targets[${j}].period`, "there is already a target for this period");
      targetPeriods.add(period);
    });
    const baselinePeriods = new Set<string>();
    (indicator.baselines ?? []).forEach((b, j) => {
      const period = JSON.stringify(b.period ?? null);
      if (baselinePeriods.has(period)) add(`${at}.baselines[${j}].period`, "there is already a baseline for this period");
      baselinePeriods.add(period);
    });
  });

  const crimeTypes = new Set<string>();
  (document.policeUk?.mappings ?? []).forEach((mapping, i) => {
    const at = `policeUk.mappings[${i}]`;
    if (crimeTypes.has(mapping.crimeType)) add(`${at}.crimeType`, `'${mapping.crimeType}' is mapped twice`);
    crimeTypes.add(mapping.crimeType);
    ref(`${at}.indicator`, "indicator", indicatorKeys, mapping.indicator);
    const indicator = document.indicators.find((x) => x.key === mapping.indicator);
    if (indicator && indicator.frequency !== "MONTHLY") add(`${at}.indicator`, `'${mapping.indicator}' is ${indicator.frequency.toLowerCase()}: only monthly indicators can take police.uk figures`);
    if (indicator && indicator.unit !== "COUNT" && !(RATE_UNITS as readonly string[]).includes(indicator.unit)) {
      add(`${at}.indicator`, `'${mapping.indicator}' is not a count or a rate: only counts and rates can take police.uk figures`);
    }
  });
  return problems;
}

function isOwnAncestor(start: string, parentOf: Map<string, string | undefined>) {
  const seen = new Set<string>();
  let current = parentOf.get(start);
  while (current !== undefined) {
    if (current === start) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}
