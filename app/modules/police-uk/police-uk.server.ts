// police.uk street-level crime files as a source of monthly figures. A manager says
// which LSOAs are the partnership's area and which crime types feed which indicators;
// an upload is counted as it streams (police-uk-csv.ts) and then written in one
// transaction: for each month in it, that month's police.uk figures are replaced.
//
// Imports are for managers only ("settings:manage"): an upload rewrites the figures of
// every mapped indicator, whichever agency leads it, so no single agency's editor may.
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { isRateUnit, rateFromCount } from "~/modules/performance/measures";
import { resolvePeriod } from "~/modules/periods/periods";
import type { Unit } from "~/modules/rag/rag";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { CRIME_TYPE_NOTES, POLICE_UK_CRIME_TYPES } from "./crime-types";
import { countPoliceUkFile, megabytes, POLICE_UK_MAX_BYTES, type FileTally, type MonthTally, type PoliceUkArea } from "./police-uk-csv";
import type { PoliceUkSettingsInput } from "./police-uk-schema";

export const PoliceUkMessages = {
  chooseFile: "Select one or more police.uk street-level crime files (.csv)",
  noMappings: "No police.uk crime type is mapped to an indicator yet: choose which crime types count towards which indicators in the police.uk settings first",
  noArea: "The partnership's area is not set: enter its LSOA names or codes in the police.uk settings first",
  tooManyFiles: "Upload 24 files or fewer at a time",
} as const;

const MAX_FILES = 24;

// ---------------------------------------------------------------------------
// The area
// ---------------------------------------------------------------------------

const COUNCIL_PREFIXES = [/^London Borough of /i, /^Royal Borough of /i, /^Metropolitan Borough of /i, /^Borough of /i];
const COUNCIL_SUFFIXES = [
  / Metropolitan Borough Council$/i,
  / County Borough Council$/i,
  / Metropolitan District Council$/i,
  / Borough Council$/i,
  / District Council$/i,
  / City Council$/i,
  / County Council$/i,
  / Council$/i,
];

/**
 * The LSOA name a council's area goes by: LSOAs are named after the local authority
 * district ("Tatton Vale 001A"), which a council's name wraps ("Tatton Vale Borough Council").
 */
export function lsoaPrefixOfCouncil(councilName: string): string {
  let name = councilName.trim();
  for (const prefix of COUNCIL_PREFIXES) name = name.replace(prefix, "");
  for (const suffix of COUNCIL_SUFFIXES) name = name.replace(suffix, "");
  return name.trim();
}

type AreaSettings = { policeUkLsoaNamePrefixes: string[]; policeUkLsoaCodes: string[]; councils: Array<{ name: string }> };

/** The area rows are counted in: the lists set, or when both are empty, the councils' names. */
function areaOf(settings: AreaSettings) {
  const defaultPrefixes = [...new Set(settings.councils.map((c) => lsoaPrefixOfCouncil(c.name)).filter(Boolean))];
  const usingDefault = settings.policeUkLsoaNamePrefixes.length === 0 && settings.policeUkLsoaCodes.length === 0;
  const area: PoliceUkArea = usingDefault
    ? { lsoaNamePrefixes: defaultPrefixes, lsoaCodes: [] }
    : { lsoaNamePrefixes: settings.policeUkLsoaNamePrefixes, lsoaCodes: settings.policeUkLsoaCodes };
  return { area, usingDefault, defaultPrefixes, prefixes: settings.policeUkLsoaNamePrefixes, codes: settings.policeUkLsoaCodes };
}

async function loadArea(tx: TenantTx, partnershipId: string) {
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { name: true, financialYearStartMonth: true, policeUkLsoaNamePrefixes: true, policeUkLsoaCodes: true, councils: { select: { name: true }, orderBy: { name: "asc" } } },
  });
  return { partnership, ...areaOf(partnership) };
}

export function describeArea(area: PoliceUkArea): string {
  const parts: string[] = [];
  if (area.lsoaNamePrefixes.length) parts.push(`LSOA names starting ${area.lsoaNamePrefixes.map((p) => `"${p}"`).join(" or ")}`);
  if (area.lsoaCodes.length) parts.push(`${area.lsoaCodes.length === 1 ? "the LSOA code" : `${area.lsoaCodes.length} LSOA codes`} listed`);
  return parts.join(", and ") || "no LSOA yet";
}

// ---------------------------------------------------------------------------
// Settings: the area and the mapping
// ---------------------------------------------------------------------------

const FREQUENCY_WORDS = { WEEKLY: "weekly", MONTHLY: "monthly", QUARTERLY: "quarterly", YEARLY: "yearly" } as const;

type IndicatorRow = {
  id: string;
  code: string | null;
  name: string;
  unit: string;
  frequency: keyof typeof FREQUENCY_WORDS;
  denominatorId: string | null;
  figuresFrom: "HAND_OR_CSV" | "POLICE_UK";
  archivedAt: Date | null;
};

const indicatorLabel = (i: { code: string | null; name: string }) => (i.code ? `${i.code} ${i.name}` : i.name);

/** Why an indicator cannot take police.uk counts, or null when it can. */
function unmappableBecause(indicator: IndicatorRow): string | null {
  const label = indicatorLabel(indicator);
  if (indicator.archivedAt) return `${label} is archived`;
  if (indicator.frequency !== "MONTHLY") {
    return `${label} is reported ${FREQUENCY_WORDS[indicator.frequency]}: only monthly indicators can take police.uk figures, which come by month`;
  }
  if (indicator.unit !== "COUNT" && !isRateUnit(indicator.unit as Unit)) {
    return `${label} is not a count or a rate: police.uk gives counts of crimes, so only counts and rates can take them`;
  }
  if (isRateUnit(indicator.unit as Unit) && !indicator.denominatorId) return `${label} is a rate without residents or households to work it out from`;
  return null;
}

const indicatorSelect = { id: true, code: true, name: true, unit: true, frequency: true, denominatorId: true, figuresFrom: true, archivedAt: true } as const;

export async function getPoliceUkSettings(actor: Actor) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const { area, usingDefault, defaultPrefixes, prefixes, codes } = await loadArea(tx, partnershipId);
    const indicators = (await tx.indicator.findMany({ where: { partnershipId }, orderBy: [{ code: "asc" }, { name: "asc" }], select: indicatorSelect })) as IndicatorRow[];
    const mappings = await tx.policeUkMapping.findMany({ where: { partnershipId }, select: { crimeType: true, indicatorId: true } });
    const mapped = new Map(mappings.map((m) => [m.crimeType, m.indicatorId]));
    const mappedIds = new Set(mapped.values());
    return {
      area: { prefixes, codes, usingDefault, defaultPrefixes, description: describeArea(area) },
      crimeTypes: POLICE_UK_CRIME_TYPES.map((crimeType) => ({ crimeType, note: CRIME_TYPE_NOTES[crimeType] ?? null, indicatorId: mapped.get(crimeType) ?? "" })),
      // Only indicators that can take counts are offered, with the ones mapped already in any case.
      indicators: indicators
        .filter((i) => unmappableBecause(i) === null || mappedIds.has(i.id))
        .map((i) => ({ id: i.id, label: indicatorLabel(i) })),
      notOffered: indicators.filter((i) => !i.archivedAt && unmappableBecause(i) !== null && !mappedIds.has(i.id)).length,
      // Unmapped, yet kept on police.uk because police.uk figures are stored for them.
      keptOnPoliceUk: indicators.filter((i) => i.figuresFrom === "POLICE_UK" && !mappedIds.has(i.id)).map(indicatorLabel),
    };
  });
}

export type PoliceUkSettingsResult =
  | { status: "saved"; keptOnPoliceUk: string[]; replacesHandFigures: string[] }
  | { status: "invalid"; fieldErrors: Record<string, string[]> };

export async function savePoliceUkSettings(actor: Actor, input: PoliceUkSettingsInput): Promise<PoliceUkSettingsResult> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const indicators = (await tx.indicator.findMany({ where: { partnershipId }, orderBy: [{ code: "asc" }, { name: "asc" }], select: indicatorSelect })) as IndicatorRow[];
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const existing = await tx.policeUkMapping.findMany({ where: { partnershipId }, select: { id: true, crimeType: true, indicatorId: true } });
    const current = new Map(existing.map((m) => [m.crimeType, m]));

    const fieldErrors: Record<string, string[]> = {};
    const wanted = new Map<string, string | null>();
    input.mappings.forEach((mapping, i) => {
      const field = `mappings[${i}].indicatorId`;
      if (wanted.has(mapping.crimeType)) {
        fieldErrors[field] = [`${mapping.crimeType} is listed twice`];
        return;
      }
      const indicatorId = mapping.indicatorId || null;
      wanted.set(mapping.crimeType, indicatorId);
      if (!indicatorId) return;
      const indicator = byId.get(indicatorId);
      if (!indicator) {
        fieldErrors[field] = [`Choose one of the partnership's indicators for ${mapping.crimeType}, or none`];
        return;
      }
      // An indicator mapped before it changed frequency may stay as it is; nothing new may be mapped to it.
      const problem = unmappableBecause(indicator);
      if (problem && current.get(mapping.crimeType)?.indicatorId !== indicatorId) fieldErrors[field] = [`${mapping.crimeType}: ${problem}`];
    });
    if (Object.keys(fieldErrors).length > 0) return { status: "invalid", fieldErrors };

    const name = (id: string | null | undefined) => (id ? indicatorLabel(byId.get(id)!) : null);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [crimeType, indicatorId] of wanted) {
      const row = current.get(crimeType);
      if ((row?.indicatorId ?? null) === indicatorId) continue;
      if (row && !indicatorId) await tx.policeUkMapping.deleteMany({ where: { id: row.id, partnershipId } });
      else if (row) await tx.policeUkMapping.updateMany({ where: { id: row.id, partnershipId }, data: { indicatorId: indicatorId! } });
      else await tx.policeUkMapping.create({ data: { partnershipId, crimeType, indicatorId: indicatorId! } });
      before[crimeType] = name(row?.indicatorId);
      after[crimeType] = name(indicatorId);
    }

    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { policeUkLsoaNamePrefixes: true, policeUkLsoaCodes: true } });
    const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
    if (!sameList(partnership.policeUkLsoaNamePrefixes, input.lsoaNamePrefixes) || !sameList(partnership.policeUkLsoaCodes, input.lsoaCodes)) {
      await tx.partnership.update({ where: { id: partnershipId }, data: { policeUkLsoaNamePrefixes: input.lsoaNamePrefixes, policeUkLsoaCodes: input.lsoaCodes } });
      before.lsoaNamePrefixes = partnership.policeUkLsoaNamePrefixes;
      after.lsoaNamePrefixes = input.lsoaNamePrefixes;
      before.lsoaCodes = partnership.policeUkLsoaCodes.length;
      after.lsoaCodes = input.lsoaCodes.length;
    }
    if (Object.keys(after).length > 0) {
      await recordAudit(tx, actor, { action: "changed the police.uk settings", entityType: "Partnership", entityId: partnershipId, before, after });
    }
    const sources = await settleFiguresFrom(tx, actor, indicators);
    return { status: "saved", ...sources };
  });
}

/**
 * One source per indicator. A mapped indicator takes its figures from police.uk. One
 * with no mapping left goes back to hand entry only if it holds no police.uk figures:
 * otherwise a typed figure would sit in one series beside counted ones, so it stays
 * on police.uk (the settings page says so) until it is mapped again.
 */
async function settleFiguresFrom(tx: TenantTx, actor: Actor, indicators: IndicatorRow[]) {
  const { partnershipId } = actor;
  const mappedIds = new Set((await tx.policeUkMapping.findMany({ where: { partnershipId }, select: { indicatorId: true } })).map((m) => m.indicatorId));
  const keptOnPoliceUk: string[] = [];
  const replacesHandFigures: string[] = [];
  for (const indicator of indicators) {
    const mapped = mappedIds.has(indicator.id);
    let figuresFrom: IndicatorRow["figuresFrom"] | null = null;
    if (mapped && indicator.figuresFrom !== "POLICE_UK") {
      figuresFrom = "POLICE_UK";
      const handFigures = await tx.figure.count({ where: { partnershipId, indicatorId: indicator.id, source: { not: "POLICE_UK" } } });
      if (handFigures > 0) replacesHandFigures.push(indicatorLabel(indicator));
    } else if (!mapped && indicator.figuresFrom === "POLICE_UK") {
      const counted = await tx.figure.count({ where: { partnershipId, indicatorId: indicator.id, source: "POLICE_UK" } });
      if (counted > 0) keptOnPoliceUk.push(indicatorLabel(indicator));
      else figuresFrom = "HAND_OR_CSV";
    }
    if (!figuresFrom) continue;
    await tx.indicator.updateMany({ where: { id: indicator.id, partnershipId }, data: { figuresFrom } });
    await recordAudit(tx, actor, {
      action: figuresFrom === "POLICE_UK" ? "now takes its figures from police.uk" : "takes figures entered by hand or from CSV again",
      entityType: "Indicator",
      entityId: indicator.id,
      before: { figuresFrom: indicator.figuresFrom },
      after: { figuresFrom },
    });
  }
  return { keptOnPoliceUk, replacesHandFigures };
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

export type PoliceUkImportResult = { status: "imported"; months: string[] } | { status: "refused"; problems: string[] };

export type PoliceUkUpload = {
  /** Counts one file as it streams. Read what is left of `data` afterwards if it must be drained. */
  addFile(fileName: string, data: AsyncIterable<Uint8Array | string>): Promise<void>;
  /** Writes every month of every file in one transaction, or nothing. */
  finish(): Promise<PoliceUkImportResult>;
  maxBytes: number;
};

/**
 * Starts an upload: reads the area and the mapping once, so each file can be counted
 * as it arrives. The caller feeds it files and then calls finish().
 */
export async function beginPoliceUkUpload(actor: Actor, options: { maxBytes?: number } = {}): Promise<PoliceUkUpload> {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  const maxBytes = options.maxBytes ?? POLICE_UK_MAX_BYTES;
  const setup = await withTenant(partnershipId, async (tx) => {
    const { area } = await loadArea(tx, partnershipId);
    const mappings = await tx.policeUkMapping.findMany({ where: { partnershipId }, select: { crimeType: true } });
    return { area, mappedCrimeTypes: new Set(mappings.map((m) => m.crimeType)) };
  });
  const problems: string[] = [];
  if (setup.mappedCrimeTypes.size === 0) problems.push(PoliceUkMessages.noMappings);
  else if (setup.area.lsoaNamePrefixes.length === 0 && setup.area.lsoaCodes.length === 0) problems.push(PoliceUkMessages.noArea);
  const refusedAtStart = problems.length > 0;
  const tallies: FileTally[] = [];
  let files = 0;

  return {
    maxBytes,
    async addFile(fileName, data) {
      files += 1;
      // Refused already: the rest of the upload is only drained by the caller.
      if (refusedAtStart) return;
      if (files > MAX_FILES) {
        if (files === MAX_FILES + 1) problems.push(PoliceUkMessages.tooManyFiles);
        return;
      }
      const result = await countPoliceUkFile(data, { fileName, area: setup.area, mappedCrimeTypes: setup.mappedCrimeTypes, maxBytes });
      if (!result.ok) {
        problems.push(result.message);
        return;
      }
      const inArea = result.tally.months.reduce((n, m) => n + m.rowsCounted + m.rowsUnmappedType, 0);
      if (inArea === 0) {
        const located = result.tally.months.reduce((n, m) => n + m.rowsOutsideArea, 0);
        problems.push(
          located === 0
            ? `${fileName}: ${result.tally.rowsRead === 1 ? "its one crime has no location" : `none of its ${result.tally.rowsRead} crimes has a location`}, so nothing can be counted in the partnership's area`
            : `${fileName}: ${result.tally.rowsRead === 1 ? "its one crime is outside" : `none of its ${result.tally.rowsRead} crimes is in`} the partnership's area (${describeArea(setup.area)}). It may be another police force's file: nothing has been imported`,
        );
        return;
      }
      tallies.push(result.tally);
    },
    async finish() {
      if (problems.length > 0) return { status: "refused", problems };
      if (tallies.length === 0) return { status: "refused", problems: [PoliceUkMessages.chooseFile] };
      return writeImport(actor, tallies);
    },
  };
}

class ImportRefused extends Error {}

function mergeMonths(tallies: FileTally[]) {
  const months = new Map<string, MonthTally & { fileNames: string[] }>();
  for (const tally of tallies) {
    for (const month of tally.months) {
      const merged = months.get(month.month) ?? { ...month, rowsRead: 0, rowsCounted: 0, rowsOutsideArea: 0, rowsWithoutLocation: 0, rowsUnmappedType: 0, countsByCrimeType: {}, fileNames: [] };
      merged.rowsRead += month.rowsRead;
      merged.rowsCounted += month.rowsCounted;
      merged.rowsOutsideArea += month.rowsOutsideArea;
      merged.rowsWithoutLocation += month.rowsWithoutLocation;
      merged.rowsUnmappedType += month.rowsUnmappedType;
      for (const [type, n] of Object.entries(month.countsByCrimeType)) merged.countsByCrimeType[type] = (merged.countsByCrimeType[type] ?? 0) + n;
      merged.fileNames.push(tally.fileName);
      months.set(month.month, merged);
    }
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

async function writeImport(actor: Actor, tallies: FileTally[]): Promise<PoliceUkImportResult> {
  const { partnershipId } = actor;
  const months = mergeMonths(tallies);
  try {
    return await withTenant(
      partnershipId,
      async (tx) => {
        const { partnership } = await loadArea(tx, partnershipId);
        const mappings = await tx.policeUkMapping.findMany({
          where: { partnershipId },
          select: { crimeType: true, indicator: { select: { ...indicatorSelect, denominator: { select: { name: true, values: { select: { financialYear: true, value: true } } } } } } },
        });
        const indicators = new Map(mappings.map((m) => [m.indicator.id, m.indicator]));
        for (const indicator of indicators.values()) {
          if (indicator.frequency !== "MONTHLY") throw new ImportRefused(`${indicatorLabel(indicator)} is no longer reported monthly: change the police.uk settings before importing`);
        }
        const mappedIds = [...indicators.keys()];
        const summary: Record<string, unknown> = {};
        for (const month of months) {
          const [year, monthNumber] = month.month.split("-").map(Number) as [number, number];
          const period = resolvePeriod({ type: "MONTH", year, month: monthNumber }, partnership.financialYearStartMonth);
          const periodRow = await tx.reportingPeriod.upsert({
            where: { partnershipId_type_startsOn: { partnershipId, type: period.type, startsOn: period.startsOn } },
            create: { partnershipId, ...period },
            update: {},
            select: { id: true },
          });
          // Re-importing a month replaces it: last time's counts go, whatever they were.
          await tx.figure.deleteMany({ where: { partnershipId, periodId: periodRow.id, indicatorId: { in: mappedIds }, source: "POLICE_UK" } });
          const figures: Record<string, string> = {};
          for (const indicator of indicators.values()) {
            const count = mappings.filter((m) => m.indicator.id === indicator.id).reduce((n, m) => n + (month.countsByCrimeType[m.crimeType] ?? 0), 0);
            let value = String(count);
            if (isRateUnit(indicator.unit as Unit)) {
              const denominator = indicator.denominator?.values.find((v) => v.financialYear === period.financialYear);
              if (!denominator) {
                throw new ImportRefused(
                  `${indicatorLabel(indicator)} is a rate, and the number of ${indicator.denominator?.name.toLowerCase() ?? "residents or households"} for ${resolvePeriod({ type: "YEAR", financialYear: period.financialYear }, partnership.financialYearStartMonth).label} is not set: add it in Partnership details, then import again`,
                );
              }
              value = rateFromCount(String(count), denominator.value.toString(), indicator.unit as Unit);
            }
            const data = { value, count: String(count), source: "POLICE_UK" as const, note: null, enteredById: actor.userId };
            // A figure typed before the indicator was mapped gives way: the indicator has one source now.
            const handFigure = await tx.figure.findFirst({ where: { partnershipId, indicatorId: indicator.id, periodId: periodRow.id }, select: { id: true } });
            if (handFigure) await tx.figure.updateMany({ where: { id: handFigure.id, partnershipId }, data: { ...data, version: { increment: 1 } } });
            else await tx.figure.create({ data: { partnershipId, indicatorId: indicator.id, periodId: periodRow.id, ...data } });
            figures[indicatorLabel(indicator)] = value;
          }
          const row = {
            fileName: month.fileNames.join(", ").slice(0, 1000),
            rowsRead: month.rowsRead,
            rowsCounted: month.rowsCounted,
            rowsOutsideArea: month.rowsOutsideArea,
            rowsWithoutLocation: month.rowsWithoutLocation,
            rowsUnmappedType: month.rowsUnmappedType,
            countsByCrimeType: month.countsByCrimeType,
            importedById: actor.userId,
            importedAt: new Date(),
          };
          await tx.policeUkImport.upsert({
            where: { partnershipId_month: { partnershipId, month: period.startsOn } },
            create: { partnershipId, month: period.startsOn, ...row },
            update: row,
          });
          summary[period.label] = {
            rowsRead: month.rowsRead,
            rowsCounted: month.rowsCounted,
            rowsOutsideArea: month.rowsOutsideArea,
            rowsWithoutLocation: month.rowsWithoutLocation,
            rowsUnmappedType: month.rowsUnmappedType,
            figures,
          };
        }
        await recordAudit(tx, actor, {
          action: "imported police.uk crime figures",
          entityType: "Partnership",
          entityId: partnershipId,
          after: { files: tallies.map((t) => `${t.fileName} (${megabytes(t.bytes)})`), months: summary },
        });
        return { status: "imported" as const, months: months.map((m) => m.month) };
      },
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return { status: "refused", problems: [error.message] };
    throw error;
  }
}

// ---------------------------------------------------------------------------
// The import page: past imports, and the report of the one just made
// ---------------------------------------------------------------------------

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

export async function getPoliceUkImports(actor: Actor, reportMonths: string[] = []) {
  assertCan(actor, "settings:manage");
  const { partnershipId } = actor;
  const wanted = reportMonths.filter((m) => MONTH_KEY.test(m)).slice(0, 24);
  return withTenant(partnershipId, async (tx) => {
    const { area, partnership } = await loadArea(tx, partnershipId);
    const mappings = await tx.policeUkMapping.findMany({
      where: { partnershipId },
      orderBy: { crimeType: "asc" },
      select: { crimeType: true, indicator: { select: { id: true, code: true, name: true } } },
    });
    const imports = await tx.policeUkImport.findMany({ where: { partnershipId }, orderBy: { month: "desc" }, take: 120 });
    const users = await tx.user.findMany({ where: { id: { in: [...new Set(imports.map((i) => i.importedById).filter((id): id is string => Boolean(id)))] } }, select: { id: true, name: true } });
    const userName = new Map(users.map((u) => [u.id, u.name]));
    const monthLabel = (month: Date) => resolvePeriod({ type: "MONTH", year: month.getUTCFullYear(), month: month.getUTCMonth() + 1 }, partnership.financialYearStartMonth).label;
    const keyOf = (month: Date) => month.toISOString().slice(0, 7);
    const mappedTo = new Map(mappings.map((m) => [m.crimeType, m.indicator]));

    const reported = imports.filter((i) => wanted.includes(keyOf(i.month)));
    const figures = reported.length
      ? await tx.figure.findMany({
          where: { partnershipId, source: "POLICE_UK", period: { type: "MONTH", startsOn: { in: reported.map((i) => i.month) } } },
          select: { value: true, count: true, indicator: { select: { id: true, code: true, name: true, unit: true } }, period: { select: { startsOn: true } } },
        })
      : [];
    return {
      areaDescription: describeArea(area),
      mappings: mappings.map((m) => ({ crimeType: m.crimeType, indicatorId: m.indicator.id, indicator: indicatorLabel(m.indicator) })),
      maxMegabytes: Math.round(POLICE_UK_MAX_BYTES / (1024 * 1024)),
      imports: imports.map((i) => ({
        month: keyOf(i.month),
        label: monthLabel(i.month),
        fileName: i.fileName,
        rowsRead: i.rowsRead,
        rowsCounted: i.rowsCounted,
        rowsOutsideArea: i.rowsOutsideArea,
        rowsWithoutLocation: i.rowsWithoutLocation,
        rowsUnmappedType: i.rowsUnmappedType,
        importedAt: i.importedAt,
        importedBy: i.importedById ? (userName.get(i.importedById) ?? "a former member") : "unknown",
      })),
      report: reported
        .sort((a, b) => a.month.getTime() - b.month.getTime())
        .map((i) => {
          const counts = Object.entries(i.countsByCrimeType as Record<string, number>).sort(([a], [b]) => a.localeCompare(b));
          return {
            month: keyOf(i.month),
            label: monthLabel(i.month),
            fileName: i.fileName,
            rowsRead: i.rowsRead,
            rowsCounted: i.rowsCounted,
            rowsOutsideArea: i.rowsOutsideArea,
            rowsWithoutLocation: i.rowsWithoutLocation,
            rowsUnmappedType: i.rowsUnmappedType,
            crimeTypes: counts.map(([crimeType, count]) => ({ crimeType, count, indicator: mappedTo.has(crimeType) ? indicatorLabel(mappedTo.get(crimeType)!) : null })),
            unmappedTypes: counts.filter(([crimeType]) => !mappedTo.has(crimeType)).map(([crimeType, count]) => ({ crimeType, count })),
            figures: figures
              .filter((f) => f.period.startsOn.getTime() === i.month.getTime())
              .map((f) => ({ indicatorId: f.indicator.id, indicator: indicatorLabel(f.indicator), unit: f.indicator.unit, value: f.value.toString(), count: f.count?.toString() ?? null }))
              .sort((a, b) => a.indicator.localeCompare(b.indicator)),
          };
        }),
    };
  });
}
