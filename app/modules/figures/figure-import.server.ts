// Importing figures from a CSV file: upload, check every line, preview, confirm.
//
// The uploaded lines are kept server-side (FigureImportDraft) between the preview and
// the confirmation, and everything is checked again when confirmed, inside the one
// transaction that writes: either every figure of the file is saved, or none is. A
// line that would leave a figure as it is writes nothing, so importing the same file
// twice changes nothing the second time (no new version, no audit event).
import { createHash } from "node:crypto";
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import Decimal from "decimal.js";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { can } from "~/modules/access/permissions";
import { scopeOf } from "~/modules/access/scopes.server";
import { NOTE_MAX_LENGTH } from "~/modules/actions/action-schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { periodsForEntry, periodTypeOf, resolvePeriod, type Frequency, type ResolvedPeriod } from "~/modules/periods/periods";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { financialYearLabel, todayIn } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import {
  decodeFigureCsv,
  FIGURE_CSV_COLUMNS,
  FIGURE_CSV_MAX_BYTES,
  formulaProblem,
  readFigureCsv,
  type CsvProblem,
  type FigureCsvColumn,
  type FigureCsvRow,
  type FileProblem,
} from "./figure-csv";
import { parsePeriodText, wrongFrequencyMessage } from "./figure-period";
import { readFigure, ratesFromCount } from "./figure-reading";
import type { Unit } from "./figure-value";
import { denominatorByYear, POLICE_UK_SOURCE_MESSAGE } from "./figures.server";

type PartnershipCalendar = { timeZone: string; financialYearStartMonth: number };

/** How long a checked file waits for its confirmation. */
const DRAFT_LIFETIME_MS = 60 * 60 * 1000;
/** Past the limit the rest of an upload is read and thrown away, so the browser sees the answer; this far, no further. */
const DRAIN_LIMIT_BYTES = 300 * 1024 * 1024;
/** A file of many thousand figures writes one audit event each: give it time. */
const IMPORT_TIMEOUT_MS = 120_000;

type DraftContent = { problems: CsvProblem[]; rows: FigureCsvRow[]; encoding: string; delimiter: string };

// ---------------------------------------------------------------------------
// Who may import
// ---------------------------------------------------------------------------

const importableIndicatorSelect = {
  id: true,
  code: true,
  name: true,
  unit: true,
  frequency: true,
  figuresFrom: true,
  archivedAt: true,
  leadAgency: { select: { id: true, parentAgencyId: true, name: true } },
  denominator: { select: { name: true, kind: true, values: { select: { financialYear: true, value: true } } } },
} as const;

type ImportIndicator = Prisma.IndicatorGetPayload<{ select: typeof importableIndicatorSelect }>;

async function loadIndicators(tx: TenantTx, partnershipId: string): Promise<ImportIndicator[]> {
  return tx.indicator.findMany({ where: { partnershipId }, orderBy: [{ code: "asc" }, { name: "asc" }], select: importableIndicatorSelect });
}

const isOpenForImport = (indicator: ImportIndicator) => indicator.archivedAt === null && indicator.figuresFrom === "HAND_OR_CSV";

/**
 * A manager may import for any indicator; an agency editor for those their agency leads.
 * Who leads none may not open the import at all (403).
 */
function assertCanImportSome(actor: Actor, indicators: ImportIndicator[]) {
  assertCan(actor, "figure:enter", scopeOf(indicators.filter(isOpenForImport).map((indicator) => indicator.leadAgency)));
}

const mayImportFor = (actor: Actor, indicator: ImportIndicator) => can(actor, "figure:enter", scopeOf([indicator.leadAgency]));

const labelOf = (indicator: Pick<ImportIndicator, "code" | "name">) => indicator.code ?? indicator.name;

/** What the upload page says: the indicators this user can import for. */
export async function getFigureImportPage(actor: Actor) {
  return withTenant(actor.partnershipId, async (tx) => {
    const indicators = await loadIndicators(tx, actor.partnershipId);
    assertCanImportSome(actor, indicators);
    const yours = indicators.filter((indicator) => isOpenForImport(indicator) && mayImportFor(actor, indicator));
    return { indicators: yours.map((indicator) => ({ id: indicator.id, code: indicator.code, name: indicator.name, countsForRate: ratesFromCount(indicator) })) };
  });
}

// ---------------------------------------------------------------------------
// The template
// ---------------------------------------------------------------------------

function csvText(cell: string) {
  const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The header and one example line per indicator the user can import for, in its latest period. */
export async function figureImportTemplate(actor: Actor, calendar: PartnershipCalendar & { slug: string }) {
  return withTenant(actor.partnershipId, async (tx) => {
    const indicators = await loadIndicators(tx, actor.partnershipId);
    assertCanImportSome(actor, indicators);
    const strategies = await tx.strategy.findMany({ where: { partnershipId: actor.partnershipId }, select: { endYear: true } });
    // The latest period that has started, within the strategy's last year when it is over.
    let day = todayIn(calendar.timeZone);
    const lastYear = Math.max(...strategies.map((s) => s.endYear));
    if (strategies.length > 0) {
      const end = resolvePeriod({ type: "YEAR", financialYear: lastYear }, calendar.financialYearStartMonth).endsOn;
      if (end < day) day = end;
    }
    const lines = [FIGURE_CSV_COLUMNS.join(",")];
    for (const indicator of indicators.filter((i) => isOpenForImport(i) && mayImportFor(actor, i))) {
      const period = periodsForEntry(indicator.frequency as Frequency, calendar.financialYearStartMonth, day)[0];
      if (!period) continue;
      // Value and count are left for the officer: a template uploaded as it is saves nothing.
      lines.push([csvText(labelOf(indicator)), csvText(period.label), "", "", ""].join(","));
    }
    // A byte order mark, so Excel reads "é" and "£" in names as they are.
    return { filename: `${calendar.slug}-figures-template.csv`, body: `\uFEFF${lines.join("\r\n")}\r\n` };
  });
}

// ---------------------------------------------------------------------------
// Upload
// ---------------------------------------------------------------------------

export type UploadedCsv = { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; problem: FileProblem };

/**
 * The uploaded file, read as it streams in: past 5 MB nothing more is kept (the rest is
 * read and dropped, so the browser is still listening when the answer comes).
 */
export async function receiveFigureCsv(actor: Actor, request: Request): Promise<UploadedCsv> {
  // Before reading a byte: only someone who may import uploads anything.
  await withTenant(actor.partnershipId, async (tx) => assertCanImportSome(actor, await loadIndicators(tx, actor.partnershipId)));
  let received: UploadedCsv = { ok: false, problem: "no-file" };
  const handler: UploadHandler = async ({ name, filename, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > DRAIN_LIMIT_BYTES) break;
      if (size <= FIGURE_CSV_MAX_BYTES && name === "file") chunks.push(chunk);
    }
    if (name !== "file" || !filename) return undefined;
    if (size > FIGURE_CSV_MAX_BYTES) received = { ok: false, problem: "too-large" };
    else if (size === 0) received = { ok: false, problem: "empty" };
    else received = { ok: true, fileName: filename, bytes: Buffer.concat(chunks) };
    return filename;
  };
  await unstable_parseMultipartFormData(request, handler);
  return received;
}

/** Reads the file's lines and keeps them for the preview; a file that cannot be read at all is refused. */
export async function createFigureImportDraft(actor: Actor, upload: UploadedCsv): Promise<{ ok: true; draftId: string } | { ok: false; problem: FileProblem }> {
  if (!upload.ok) return upload;
  const decoded = decodeFigureCsv(upload.bytes);
  if (!decoded.ok) return decoded;
  const csv = readFigureCsv(decoded.text, decoded.encoding);
  const content: DraftContent = { problems: csv.problems, rows: csv.rows, encoding: csv.encoding, delimiter: csv.delimiter };
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    assertCanImportSome(actor, await loadIndicators(tx, partnershipId));
    await tx.figureImportDraft.deleteMany({ where: { partnershipId, expiresAt: { lt: new Date() } } });
    const draft = await tx.figureImportDraft.create({
      data: {
        partnershipId,
        createdById: actor.userId,
        fileName: upload.fileName.slice(0, 200),
        content: content as unknown as Prisma.InputJsonValue,
        expiresAt: new Date(Date.now() + DRAFT_LIFETIME_MS),
      },
      select: { id: true },
    });
    return { ok: true as const, draftId: draft.id };
  });
}

// ---------------------------------------------------------------------------
// Checking the lines and planning the changes
// ---------------------------------------------------------------------------

export type PlannedFigure = {
  line: number;
  indicatorId: string;
  indicator: string;
  period: string;
  value: string;
  count: string | null;
  note: string | null;
  unit: Unit;
  denominatorName: string | null;
};

export type ChangedFigure = PlannedFigure & { before: { value: string; count: string | null; note: string | null } };

export type ImportPlan = {
  problems: CsvProblem[];
  created: PlannedFigure[];
  changed: ChangedFigure[];
  unchanged: PlannedFigure[];
  /** Fingerprint of what confirming would write: confirming a plan that has since changed is refused. */
  signature: string;
};

type ReadyRow = PlannedFigure & { resolved: ResolvedPeriod; existing: { id: string; version: number } | null };

const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
const decimalOrNull = (value: { toString(): string } | null) => (value === null ? null : new Decimal(value.toString()).toFixed());
const sameNumber = (a: string | null, b: string | null) => (a === null || b === null ? a === b : new Decimal(a).equals(b));

async function planImport(tx: TenantTx, actor: Actor, content: DraftContent, calendar: PartnershipCalendar) {
  const { partnershipId } = actor;
  const startMonth = calendar.financialYearStartMonth;
  const indicators = await loadIndicators(tx, partnershipId);
  assertCanImportSome(actor, indicators);
  const strategies = await tx.strategy.findMany({ where: { partnershipId }, orderBy: { startYear: "asc" }, select: { startYear: true, endYear: true } });
  const today = todayIn(calendar.timeZone);

  const byCode = new Map<string, ImportIndicator[]>();
  const byName = new Map<string, ImportIndicator[]>();
  for (const indicator of indicators) {
    if (indicator.code) byCode.set(normalise(indicator.code), [...(byCode.get(normalise(indicator.code)) ?? []), indicator]);
    byName.set(normalise(indicator.name), [...(byName.get(normalise(indicator.name)) ?? []), indicator]);
  }
  const strategyYears = strategies.map((s) => `${financialYearLabel(s.startYear)} to ${financialYearLabel(s.endYear)}`).join(", or ");

  const problems: CsvProblem[] = [...content.problems];
  const ready: Array<Omit<ReadyRow, "existing">> = [];
  const seen = new Map<string, number>();

  for (const { line, cells } of content.rows) {
    const rowProblems: CsvProblem[] = [];
    const problem = (column: FigureCsvColumn, message: string) => rowProblems.push({ line, column, message });
    const flagged = new Set<FigureCsvColumn>();
    for (const column of FIGURE_CSV_COLUMNS) {
      const formula = formulaProblem(column, cells[column]);
      if (formula) {
        problem(column, formula);
        flagged.add(column);
      }
    }

    let indicator: ImportIndicator | null = null;
    const typedIndicator = cells.indicator.trim();
    if (!flagged.has("indicator")) {
      const matches = typedIndicator ? (byCode.get(normalise(typedIndicator)) ?? byName.get(normalise(typedIndicator)) ?? []) : [];
      if (!typedIndicator) problem("indicator", "Enter the indicator's code (or its name, if it has no code)");
      else if (matches.length === 0) problem("indicator", `This partnership has no indicator with the code or name “${typedIndicator}”: use the codes in the template`);
      else if (matches.length > 1) problem("indicator", `More than one indicator is called “${typedIndicator}”: use its code`);
      else {
        const found = matches[0]!;
        if (found.archivedAt) problem("indicator", `${labelOf(found)} is archived: figures are no longer collected for it`);
        else if (found.figuresFrom === "POLICE_UK") problem("indicator", `${labelOf(found)}: ${POLICE_UK_SOURCE_MESSAGE}`);
        else if (!mayImportFor(actor, found)) {
          problem("indicator", `You can import figures only for indicators your agency leads: ${labelOf(found)} is led by ${found.leadAgency?.name ?? "no agency"}. Ask a partnership manager to import it`);
        } else indicator = found;
      }
    }

    let period: ResolvedPeriod | null = null;
    if (!flagged.has("period")) {
      const parsed = parsePeriodText(cells.period, startMonth);
      if (!parsed.ok) problem("period", parsed.message);
      else {
        const resolved = resolvePeriod(parsed.ref, startMonth);
        const inStrategy = strategies.length === 0 || strategies.some((s) => resolved.financialYear >= s.startYear && resolved.financialYear <= s.endYear);
        if (indicator && resolved.type !== periodTypeOf(indicator.frequency as Frequency)) {
          problem("period", wrongFrequencyMessage(labelOf(indicator), indicator.frequency as Frequency, startMonth));
        } else if (!inStrategy) {
          problem("period", `${resolved.label} is outside the strategy (${strategyYears}): import figures for the strategy's years only`);
        } else if (resolved.startsOn > today) {
          problem("period", `${resolved.label} has not started yet: import figures for periods that have begun`);
        } else period = resolved;
      }
    }

    if (indicator && !flagged.has("value") && !flagged.has("count")) {
      const figure = readFigure(indicator, period, { value: cells.value, count: cells.count }, denominatorByYear(indicator.denominator));
      if (!figure.ok) {
        for (const message of figure.fieldErrors.value ?? []) problem("value", message);
        for (const message of figure.fieldErrors.count ?? []) problem("count", message);
      } else if (period && rowProblems.length === 0) {
        const key = `${indicator.id}|${period.type}|${period.startsOn.toISOString()}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          problem("period", `Line ${earlier} is already a figure for ${labelOf(indicator)} in ${period.label}: keep one of the two lines`);
        } else {
          seen.set(key, line);
          const note = cells.note.trim();
          if (note.length > NOTE_MAX_LENGTH) problem("note", `The note must be ${NOTE_MAX_LENGTH.toLocaleString("en-GB")} characters or fewer`);
          else {
            ready.push({
              line,
              indicatorId: indicator.id,
              indicator: indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name,
              period: period.label,
              value: figure.value,
              count: figure.count,
              note: note || null,
              unit: indicator.unit,
              denominatorName: indicator.denominator?.name ?? null,
              resolved: period,
            });
          }
        }
      }
    }
    problems.push(...rowProblems);
  }
  problems.sort((a, b) => a.line - b.line || FIGURE_CSV_COLUMNS.indexOf(a.column ?? "indicator") - FIGURE_CSV_COLUMNS.indexOf(b.column ?? "indicator"));

  // The figures already in for these indicators and periods: one query, however long the file.
  const existing = ready.length
    ? await tx.figure.findMany({
        where: {
          partnershipId,
          indicatorId: { in: [...new Set(ready.map((r) => r.indicatorId))] },
          period: { startsOn: { in: [...new Set(ready.map((r) => r.resolved.startsOn.getTime()))].map((t) => new Date(t)) } },
        },
        select: { id: true, indicatorId: true, value: true, count: true, note: true, version: true, period: { select: { type: true, startsOn: true } } },
      })
    : [];
  const existingByKey = new Map(existing.map((f) => [`${f.indicatorId}|${f.period.type}|${f.period.startsOn.toISOString()}`, f]));

  const plan: ImportPlan = { problems, created: [], changed: [], unchanged: [], signature: "" };
  const rows: ReadyRow[] = [];
  for (const row of ready) {
    const current = existingByKey.get(`${row.indicatorId}|${row.resolved.type}|${row.resolved.startsOn.toISOString()}`);
    const { resolved: _resolved, ...shown } = row;
    if (!current) {
      plan.created.push(shown);
      rows.push({ ...row, existing: null });
      continue;
    }
    const before = { value: new Decimal(current.value.toString()).toFixed(), count: decimalOrNull(current.count), note: current.note };
    // An empty note leaves the note already written; a note in the file replaces it.
    const note = row.note ?? current.note;
    const target = { ...row, note };
    if (sameNumber(before.value, row.value) && sameNumber(before.count, row.count) && before.note === note) {
      plan.unchanged.push({ ...shown, note });
    } else {
      plan.changed.push({ ...shown, note, before });
      rows.push({ ...target, existing: { id: current.id, version: current.version } });
    }
  }
  plan.signature = createHash("sha256")
    .update(JSON.stringify(rows.map((r) => [r.line, r.indicatorId, r.resolved.startsOn, r.value, r.count, r.note, r.existing?.version ?? 0])))
    .update(JSON.stringify(problems.length))
    .digest("hex")
    .slice(0, 32);
  return { plan, writes: rows };
}

async function loadDraft(tx: TenantTx, actor: Actor, draftId: string) {
  if (!isUuid(draftId)) return null;
  const draft = await tx.figureImportDraft.findFirst({
    where: { id: draftId, partnershipId: actor.partnershipId, createdById: actor.userId, expiresAt: { gt: new Date() } },
    select: { id: true, fileName: true, content: true },
  });
  return draft && { ...draft, content: draft.content as unknown as DraftContent };
}

/** The preview of a checked file: every problem by line and column, and what would be created or changed. Null: no such draft (404). */
export async function getFigureImportPreview(actor: Actor, draftId: string, calendar: PartnershipCalendar) {
  return withTenant(actor.partnershipId, async (tx) => {
    const draft = await loadDraft(tx, actor, draftId);
    if (!draft) return null;
    const { plan } = await planImport(tx, actor, draft.content, calendar);
    return { fileName: draft.fileName, encoding: draft.content.encoding, delimiter: draft.content.delimiter, plan };
  });
}

export type ConfirmResult =
  | { status: "imported"; created: number; changed: number; unchanged: number }
  | { status: "not-ready"; reason: "problems" | "changed-since-preview" };

class PlanChanged extends Error {}

/** Saves every figure of a checked file in one transaction, or none. Null: no such draft (404). */
export async function confirmFigureImport(actor: Actor, draftId: string, signature: string, calendar: PartnershipCalendar): Promise<ConfirmResult | null> {
  const { partnershipId } = actor;
  try {
    return await withTenant(
      partnershipId,
      async (tx): Promise<ConfirmResult | null> => {
        const draft = await loadDraft(tx, actor, draftId);
        if (!draft) return null;
        const { plan, writes } = await planImport(tx, actor, draft.content, calendar);
        if (plan.problems.length > 0) return { status: "not-ready", reason: "problems" };
        if (plan.signature !== signature) return { status: "not-ready", reason: "changed-since-preview" };

        const periods = [...new Map(writes.map((w) => [`${w.resolved.type}|${w.resolved.startsOn.toISOString()}`, w.resolved])).values()];
        if (periods.length > 0) {
          await tx.reportingPeriod.createMany({ data: periods.map((p) => ({ partnershipId, ...p })), skipDuplicates: true });
        }
        const periodRows = periods.length
          ? await tx.reportingPeriod.findMany({
              where: { partnershipId, OR: periods.map((p) => ({ type: p.type, startsOn: p.startsOn })) },
              select: { id: true, type: true, startsOn: true },
            })
          : [];
        const periodId = new Map(periodRows.map((p) => [`${p.type}|${p.startsOn.toISOString()}`, p.id]));
        const idOf = (w: ReadyRow) => periodId.get(`${w.resolved.type}|${w.resolved.startsOn.toISOString()}`)!;

        const toCreate = writes.filter((w) => !w.existing);
        if (toCreate.length > 0) {
          await tx.figure.createMany({
            data: toCreate.map((w) => ({
              partnershipId,
              indicatorId: w.indicatorId,
              periodId: idOf(w),
              value: w.value,
              count: w.count,
              note: w.note,
              source: "IMPORTED" as const,
              enteredById: actor.userId,
            })),
          });
        }
        for (const w of toCreate) {
          await recordAudit(tx, actor, {
            action: `imported a figure from ${draft.fileName}`,
            entityType: "Indicator",
            entityId: w.indicatorId,
            after: { period: w.period, value: w.value, count: w.count, note: w.note },
          });
        }
        for (const w of writes.filter((w) => w.existing)) {
          const { count } = await tx.figure.updateMany({
            where: { id: w.existing!.id, partnershipId, version: w.existing!.version },
            data: { value: w.value, count: w.count, note: w.note, source: "IMPORTED", enteredById: actor.userId, version: { increment: 1 } },
          });
          if (count === 0) throw new PlanChanged();
          const before = plan.changed.find((c) => c.line === w.line)!.before;
          const changedKeys = (["value", "count", "note"] as const).filter((k) => !(k === "note" ? before.note === w.note : sameNumber(before[k], w[k])));
          await recordAudit(tx, actor, {
            action: `changed a figure by importing ${draft.fileName}`,
            entityType: "Indicator",
            entityId: w.indicatorId,
            before: { period: w.period, ...Object.fromEntries(changedKeys.map((k) => [k, before[k]])) },
            after: { period: w.period, ...Object.fromEntries(changedKeys.map((k) => [k, w[k]])) },
          });
        }
        await tx.figureImportDraft.deleteMany({ where: { id: draft.id, partnershipId } });
        return { status: "imported", created: plan.created.length, changed: plan.changed.length, unchanged: plan.unchanged.length };
      },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
  } catch (error) {
    // Someone saved one of these figures, or imported the same lines, while this ran: nothing was written.
    if (error instanceof PlanChanged) return { status: "not-ready", reason: "changed-since-preview" };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { status: "not-ready", reason: "changed-since-preview" };
    throw error;
  }
}
