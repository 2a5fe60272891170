// Import: a profile document merged into the actor's own partnership, never another
// (the target is actor.partnershipId; a slug in the file is ignored). Things are
// matched by name (priorities by strategy and number, targets and baselines by
// period); what is new is added, what differs is changed, and nothing the file
// omits is deleted. A priority's leads are replaced by the file's list when they differ.
//
// The preview runs the very same merge in a transaction that is then rolled back,
// so what the preview says is exactly what confirming does. Confirming runs it again,
// with the audit event, in one transaction: all of it happens or none of it.
import { createHmac, timingSafeEqual } from "node:crypto";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { resolvePeriod } from "~/modules/periods/periods";
import { Prisma, withTenant, type TenantTx } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readProfileDocument, type ProfileProblem } from "./profile-document.server";
import type { PeriodRef, ProfileDocument } from "./profile-schema";

export type ImportSection = { section: string; label: string; added: string[]; changed: string[] };
export type ImportPlan = { partnershipName: string; sections: ImportSection[] };
export type ImportResult = { ok: true; plan: ImportPlan } | { ok: false; problems: ProfileProblem[] };
export type ImportPreview = { ok: true; plan: ImportPlan; confirmation: ImportConfirmation } | { ok: false; problems: ProfileProblem[] };
/** The previewed document as the confirm form sends it back, with a signature of it. */
export type ImportConfirmation = { document: string; signature: string };

// Between preview and confirm the document travels in the confirm form, signed with
// an HMAC (SESSION_SECRET) over the partnership, the user and the document: the
// server keeps nothing, and a confirm can only apply exactly what this manager
// previewed for this partnership. Confirming reads and checks the document again.
function signatureOf(actor: Actor, document: string) {
  return createHmac("sha256", env().SESSION_SECRET)
    .update(`profile-import\0${actor.partnershipId}\0${actor.userId}\0`)
    .update(document)
    .digest("base64url");
}

function signatureMatches(actor: Actor, confirmation: ImportConfirmation) {
  const expected = Buffer.from(signatureOf(actor, confirmation.document));
  const given = Buffer.from(confirmation.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const ImportMessages = {
  notConfirmed: "The previewed file could not be confirmed. Upload the file again.",
} as const;

/** The preview for the page: the plan, and what the confirm form must send back. */
export async function previewProfileImportForConfirmation(actor: Actor, source: string): Promise<ImportPreview> {
  const result = await previewProfileImport(actor, source);
  if (!result.ok) return result;
  return { ...result, confirmation: { document: source, signature: signatureOf(actor, source) } };
}

/** Applies a previewed document, if it is the one this manager previewed here. */
export async function confirmProfileImport(actor: Actor, confirmation: ImportConfirmation): Promise<ImportResult> {
  assertCan(actor, "settings:manage");
  if (!signatureMatches(actor, confirmation)) return { ok: false, problems: [{ path: "", message: ImportMessages.notConfirmed }] };
  return applyProfileImport(actor, confirmation.document);
}

const SECTIONS = [
  ["councils", "councils"],
  ["denominators", "denominators"],
  ["agencies", "agencies"],
  ["people", "people"],
  ["boards", "boards"],
  ["strategies", "strategies"],
  ["priorities", "priorities"],
  ["indicators", "indicators"],
  ["policeUk", "police.uk settings"],
] as const;

class PreviewOnly extends Error {
  constructor(readonly plan: ImportPlan) {
    super("preview: rolled back");
  }
}

/** What importing the file would add and change; writes nothing. */
export async function previewProfileImport(actor: Actor, source: string): Promise<ImportResult> {
  assertCan(actor, "settings:manage");
  const read = readProfileDocument(source);
  if (!read.ok) return read;
  try {
    return await withTenant(
      actor.partnershipId,
      async (tx) => {
        const merged = await merge(tx, actor, read.document);
        if (!merged.ok) return merged;
        throw new PreviewOnly(merged.plan);
      },
      { timeoutMs: 60_000 },
    );
  } catch (error) {
    if (error instanceof PreviewOnly) return { ok: true, plan: error.plan };
    throw error;
  }
}

/** Imports the file into the actor's partnership, all in one transaction, audited. */
export async function applyProfileImport(actor: Actor, source: string): Promise<ImportResult> {
  assertCan(actor, "settings:manage");
  const read = readProfileDocument(source);
  if (!read.ok) return read;
  return withTenant(
    actor.partnershipId,
    async (tx) => {
      const merged = await merge(tx, actor, read.document);
      if (!merged.ok) return merged;
      await recordAudit(tx, actor, {
        action: "imported a profile",
        entityType: "Partnership",
        entityId: actor.partnershipId,
        after: Object.fromEntries(merged.plan.sections.map((s) => [s.section, { added: s.added, changed: s.changed }])),
      });
      return merged;
    },
    { timeoutMs: 120_000 },
  );
}

/** Compares as the database stores: decimals by value, dates by day, absent as null. */
function same(a: unknown, b: unknown): boolean {
  const norm = (v: unknown): string => {
    if (v === undefined || v === null || v === "") return "null";
    if (v instanceof Prisma.Decimal) return v.toString();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) return new Prisma.Decimal(v).toString();
    return JSON.stringify(v);
  };
  return norm(a) === norm(b);
}

function differs(row: Record<string, unknown>, data: Record<string, unknown>) {
  return Object.keys(data).some((k) => !same(row[k], data[k]));
}

const nul = <T>(v: T | undefined) => (v === undefined ? null : v);
const date = (v: string | undefined) => (v ? new Date(`${v}T00:00:00Z`) : null);

async function merge(tx: TenantTx, actor: Actor, doc: ProfileDocument): Promise<ImportResult> {
  const partnershipId = actor.partnershipId;
  const where = { partnershipId };
  const partnership = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { name: true, financialYearStartMonth: true, policeForceArea: true },
  });
  const startMonth = partnership.financialYearStartMonth;
  if (doc.financialYearStartMonth !== undefined && doc.financialYearStartMonth !== startMonth) {
    return {
      ok: false,
      problems: [
        {
          path: "financialYearStartMonth",
          message: `this partnership's financial year starts in month ${startMonth}, the file's in month ${doc.financialYearStartMonth}: an import cannot change it`,
        },
      ],
    };
  }
  const plan: ImportPlan = {
    partnershipName: partnership.name,
    sections: SECTIONS.map(([section, label]) => ({ section, label, added: [], changed: [] })),
  };
  const note = (section: (typeof SECTIONS)[number][0], status: "added" | "changed" | null, name: string) => {
    if (status) plan.sections.find((s) => s.section === section)![status].push(name);
  };

  // Partnership details an import may set: its councils and police force area.
  const councils = await tx.council.findMany({ where, select: { name: true } });
  for (const name of doc.councils) {
    if (councils.some((c) => c.name === name)) continue;
    await tx.council.create({ data: { partnershipId, name } });
    note("councils", "added", name);
  }
  if (doc.policeForceArea && doc.policeForceArea !== partnership.policeForceArea) {
    await tx.partnership.update({ where: { id: partnershipId }, data: { policeForceArea: doc.policeForceArea } });
    note("councils", "changed", `Police force area: ${doc.policeForceArea}`);
  }

  const ids = new Map<string, string>();
  const id = (kind: string, key: string | undefined) => (key === undefined ? null : ids.get(`${kind}:${key}`)!);

  /**
   * Finds by name, creates or updates; returns the id and what happened. Two people (or
   * boards) may share a name: each row is matched once, the one whose details are the
   * file's first, so a partnership's own file changes nothing on the way back in.
   */
  const claimed = new Set<string>();
  async function upsertByName<R extends { id: string; name: string }>(
    existing: R[],
    name: string,
    data: Record<string, unknown>,
    create: () => Promise<{ id: string }>,
    update: (id: string) => Promise<unknown>,
  ): Promise<{ id: string; status: "added" | "changed" | null }> {
    // In id order, as the export lists namesakes.
    const candidates = existing.filter((r) => r.name === name && !claimed.has(r.id)).sort((x, y) => x.id.localeCompare(y.id));
    const row = candidates.find((r) => !differs(r as Record<string, unknown>, data)) ?? candidates[0];
    if (row) claimed.add(row.id);
    if (!row) return { id: (await create()).id, status: "added" };
    if (differs(row as Record<string, unknown>, data)) {
      await update(row.id);
      return { id: row.id, status: "changed" };
    }
    return { id: row.id, status: null };
  }

  // Denominators and their values per year.
  const denominators = await tx.denominator.findMany({ where, include: { values: true } });
  for (const d of doc.denominators) {
    const data = { kind: d.kind };
    const result = await upsertByName(
      denominators,
      d.name,
      data,
      () => tx.denominator.create({ data: { partnershipId, name: d.name, ...data }, select: { id: true } }),
      (rowId) => tx.denominator.update({ where: { id: rowId }, data }),
    );
    let status = result.status;
    const values = denominators.find((r) => r.id === result.id)?.values ?? [];
    for (const v of d.values) {
      const existing = values.find((x) => x.financialYear === v.financialYear);
      const valueData = { value: v.value, source: nul(v.source) };
      if (!existing) {
        await tx.denominatorValue.create({ data: { partnershipId, denominatorId: result.id, financialYear: v.financialYear, ...valueData } });
      } else if (differs(existing, valueData)) {
        await tx.denominatorValue.update({ where: { id: existing.id }, data: valueData });
      } else continue;
      status ??= "changed";
    }
    ids.set(`denominator:${d.key}`, result.id);
    note("denominators", status, d.name);
  }

  // Agencies: first without parents, then the parents once every agency has an id.
  const agencies = await tx.agency.findMany({ where });
  const agencyStatus = new Map<string, "added" | "changed" | null>();
  for (const a of doc.agencies) {
    const data = { shortName: nul(a.shortName), kind: a.kind, isGroup: a.isGroup ?? false };
    const result = await upsertByName(
      agencies,
      a.name,
      data,
      () => tx.agency.create({ data: { partnershipId, name: a.name, ...data }, select: { id: true } }),
      (rowId) => tx.agency.update({ where: { id: rowId }, data }),
    );
    ids.set(`agency:${a.key}`, result.id);
    agencyStatus.set(a.key, result.status);
  }
  for (const a of doc.agencies) {
    const rowId = id("agency", a.key)!;
    const parentAgencyId = id("agency", a.parent);
    const row = agencies.find((r) => r.id === rowId);
    if (row ? row.parentAgencyId !== parentAgencyId : parentAgencyId) {
      await tx.agency.update({ where: { id: rowId }, data: { parentAgencyId } });
      if (row) agencyStatus.set(a.key, agencyStatus.get(a.key) ?? "changed");
    }
    note("agencies", agencyStatus.get(a.key) ?? null, a.name);
  }

  const people = await tx.person.findMany({ where });
  for (const p of doc.people) {
    const data = { jobTitle: nul(p.jobTitle), email: nul(p.email), agencyId: id("agency", p.agency) };
    const result = await upsertByName(
      people,
      p.name,
      data,
      () => tx.person.create({ data: { partnershipId, name: p.name, ...data }, select: { id: true } }),
      (rowId) => tx.person.update({ where: { id: rowId }, data }),
    );
    ids.set(`person:${p.key}`, result.id);
    note("people", result.status, p.name);
  }

  const boards = await tx.board.findMany({ where, include: { members: true } });
  const boardStatus = new Map<string, "added" | "changed" | null>();
  for (const b of doc.boards) {
    const data = { shortName: nul(b.shortName), kind: b.kind, description: nul(b.description), reportsToParent: nul(b.reportsToParent) };
    const result = await upsertByName(
      boards,
      b.name,
      data,
      () => tx.board.create({ data: { partnershipId, name: b.name, ...data }, select: { id: true } }),
      (rowId) => tx.board.update({ where: { id: rowId }, data }),
    );
    ids.set(`board:${b.key}`, result.id);
    boardStatus.set(b.key, result.status);
  }
  for (const b of doc.boards) {
    const boardId = id("board", b.key)!;
    const row = boards.find((r) => r.id === boardId);
    let changed = false;
    const parentBoardId = id("board", b.parent);
    if (row ? row.parentBoardId !== parentBoardId : parentBoardId) {
      await tx.board.update({ where: { id: boardId }, data: { parentBoardId } });
      changed = true;
    }
    for (const m of b.members) {
      const personId = id("person", m.person)!;
      const data = { role: m.role, agencyId: id("agency", m.agency) };
      const seat = row?.members.find((x) => x.personId === personId);
      if (!seat) await tx.boardMember.create({ data: { partnershipId, boardId, personId, ...data } });
      else if (differs(seat, data)) await tx.boardMember.update({ where: { id: seat.id }, data });
      else continue;
      changed = true;
    }
    note("boards", boardStatus.get(b.key) ?? (row && changed ? "changed" : null), b.name);
  }
  // No loop can arise here: a board the file names takes its parent from the file
  // (checked for loops), and the boards it does not name keep theirs.

  const strategies = await tx.strategy.findMany({ where, include: { priorities: { include: { leads: { orderBy: { position: "asc" } } } } } });
  for (const s of doc.strategies) {
    const data = {
      startYear: s.startYear,
      endYear: s.endYear,
      summary: nul(s.summary),
      approvedOn: date(s.approvedOn),
      approvedBy: nul(s.approvedBy),
    };
    const result = await upsertByName(
      strategies.map((r) => ({ ...r, name: r.title })),
      s.title,
      data,
      () => tx.strategy.create({ data: { partnershipId, title: s.title, ...data }, select: { id: true } }),
      (rowId) => tx.strategy.update({ where: { id: rowId }, data }),
    );
    ids.set(`strategy:${s.key}`, result.id);
    note("strategies", result.status, s.title);
    const existing = strategies.find((r) => r.id === result.id)?.priorities ?? [];
    for (const p of s.priorities) {
      const data = {
        title: p.title,
        whyPriority: nul(p.whyPriority),
        whatWeWillDo: nul(p.whatWeWillDo),
        responsibleBoardId: id("board", p.responsibleBoard),
      };
      const leads = p.leads.map((l, position) => ({ position, agencyId: id("agency", l.agency), personId: id("person", l.person) }));
      const row = existing.find((r) => r.number === p.number);
      let priorityId: string;
      let status: "added" | "changed" | null = null;
      if (!row) {
        priorityId = (await tx.priority.create({ data: { partnershipId, strategyId: result.id, number: p.number, ...data }, select: { id: true } })).id;
        status = "added";
      } else {
        priorityId = row.id;
        const leadsDiffer = JSON.stringify(row.leads.map((l) => [l.agencyId, l.personId])) !== JSON.stringify(leads.map((l) => [l.agencyId, l.personId]));
        if (differs(row, data) || leadsDiffer) {
          await tx.priority.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 }, updatedById: actor.userId } });
          status = "changed";
        }
        if (leadsDiffer) await tx.priorityLead.deleteMany({ where: { partnershipId, priorityId } });
        else leads.length = 0;
      }
      if (leads.length) await tx.priorityLead.createMany({ data: leads.map((l) => ({ partnershipId, priorityId, ...l })) });
      ids.set(`priority:${s.key}#${p.number}`, priorityId);
      note("priorities", status, `${p.number}. ${p.title}`);
    }
  }

  const periodIds = new Map<string, string>();
  const periodId = async (ref: PeriodRef) => {
    const period = resolvePeriod(ref, startMonth);
    const cacheKey = `${period.type}:${period.startsOn.toISOString()}`;
    if (!periodIds.has(cacheKey)) {
      const row = await tx.reportingPeriod.upsert({
        where: { partnershipId_type_startsOn: { partnershipId, type: period.type, startsOn: period.startsOn } },
        create: { partnershipId, ...period },
        update: {},
        select: { id: true },
      });
      periodIds.set(cacheKey, row.id);
    }
    return periodIds.get(cacheKey)!;
  };

  const indicators = await tx.indicator.findMany({
    where,
    include: { priorities: true, baselines: true, targets: { include: { changes: true } } },
  });
  for (const i of doc.indicators) {
    const data = {
      code: nul(i.code),
      description: nul(i.description),
      unit: i.unit,
      direction: i.direction,
      denominatorId: id("denominator", i.denominator),
      source: nul(i.source),
      frequency: i.frequency,
      responsibleBoardId: id("board", i.responsibleBoard),
      ownerBoardId: id("board", i.ownerBoard),
      leadAgencyId: id("agency", i.leadAgency),
      // Left as it is when the file does not say.
      ...(i.figuresFrom ? { figuresFrom: i.figuresFrom } : {}),
    };
    const match = indicators.filter((r) => r.name === i.name);
    const row = match.find((r) => r.code === (i.code ?? null)) ?? match[0];
    let status: "added" | "changed" | null = null;
    let indicatorId: string;
    if (!row) {
      indicatorId = (await tx.indicator.create({ data: { partnershipId, name: i.name, ...data }, select: { id: true } })).id;
      status = "added";
    } else {
      indicatorId = row.id;
      if (differs(row, data)) {
        await tx.indicator.update({ where: { id: row.id }, data });
        status = "changed";
      }
    }
    const changed = () => (status ??= "changed");
    for (const ref of i.priorities ?? []) {
      const priorityId = id("priority", ref)!;
      if (row?.priorities.some((p) => p.priorityId === priorityId)) continue;
      await tx.indicatorPriority.create({ data: { partnershipId, indicatorId, priorityId } });
      changed();
    }
    for (const b of i.baselines ?? []) {
      const pid = b.period ? await periodId(b.period) : null;
      const bData = { value: nul(b.value), count: nul(b.count), note: nul(b.note) };
      const existing = row?.baselines.find((x) => x.periodId === pid);
      if (!existing) await tx.baseline.create({ data: { partnershipId, indicatorId, periodId: pid, ...bData } });
      else if (differs(existing, bData)) await tx.baseline.update({ where: { id: existing.id }, data: bData });
      else continue;
      changed();
    }
    for (const t of i.targets ?? []) {
      const pid = await periodId(t.period);
      const tData = { value: nul(t.value), requiredDirection: nul(t.requiredDirection), note: nul(t.note) };
      const existing = row?.targets.find((x) => x.periodId === pid);
      let targetId: string;
      if (!existing) {
        targetId = (await tx.target.create({ data: { partnershipId, indicatorId, periodId: pid, ...tData }, select: { id: true } })).id;
        changed();
      } else {
        targetId = existing.id;
        if (differs(existing, tData)) {
          await tx.target.update({ where: { id: existing.id }, data: tData });
          changed();
        }
      }
      for (const c of t.changes ?? []) {
        const cData = { previousValue: nul(c.previousValue), newValue: nul(c.newValue), reason: nul(c.reason), agreedBy: nul(c.agreedBy), agreedOn: date(c.agreedOn) };
        if (existing?.changes.some((x) => !differs(x, cData))) continue;
        await tx.targetChange.create({ data: { partnershipId, targetId, ...cData, changedById: actor.userId } });
        changed();
      }
    }
    ids.set(`indicator:${i.key}`, indicatorId);
    note("indicators", status, i.code ? `${i.code} ${i.name}` : i.name);
  }

  if (doc.policeUk) await mergePoliceUk(tx, partnershipId, doc.policeUk, (name) => id("indicator", name)!, note);

  return { ok: true, plan };
}

/**
 * The police.uk area is the file's (both lists, as a whole); mappings are added or
 * changed by crime type, none removed; a mapped indicator takes its figures from police.uk.
 */
async function mergePoliceUk(
  tx: TenantTx,
  partnershipId: string,
  policeUk: NonNullable<ProfileDocument["policeUk"]>,
  indicatorId: (key: string) => string,
  note: (section: "policeUk", status: "added" | "changed" | null, name: string) => void,
) {
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { policeUkLsoaNamePrefixes: true, policeUkLsoaCodes: true } });
  const area = { policeUkLsoaNamePrefixes: policeUk.lsoaNamePrefixes, policeUkLsoaCodes: policeUk.lsoaCodes };
  if (JSON.stringify(area) !== JSON.stringify({ policeUkLsoaNamePrefixes: partnership.policeUkLsoaNamePrefixes, policeUkLsoaCodes: partnership.policeUkLsoaCodes })) {
    await tx.partnership.update({ where: { id: partnershipId }, data: area });
    note("policeUk", "changed", "The area");
  }
  const existing = await tx.policeUkMapping.findMany({ where: { partnershipId }, select: { id: true, crimeType: true, indicatorId: true } });
  for (const mapping of policeUk.mappings) {
    const target = indicatorId(mapping.indicator);
    const row = existing.find((m) => m.crimeType === mapping.crimeType);
    if (row?.indicatorId === target) continue;
    if (row) await tx.policeUkMapping.updateMany({ where: { id: row.id, partnershipId }, data: { indicatorId: target } });
    else await tx.policeUkMapping.create({ data: { partnershipId, crimeType: mapping.crimeType, indicatorId: target } });
    note("policeUk", row ? "changed" : "added", mapping.crimeType);
  }
  const mapped = [...new Set(policeUk.mappings.map((m) => indicatorId(m.indicator)))];
  await tx.indicator.updateMany({ where: { partnershipId, id: { in: mapped } }, data: { figuresFrom: "POLICE_UK" } });
}
