// How a board, or the whole partnership, is doing: what its dashboard, its progress
// report and (later) the e-mail digest say. Free of UI: plain data, dates as Dates.
//
// Everything is read in a fixed number of queries, whatever the number of priorities,
// actions, notes, indicators or figures: each kind of thing is loaded once for the
// board and its sub-boards together and shared out in memory.
//
// The rules, as the pages state them:
// - A board's priorities are those of the current strategy it is responsible for
//   (Priority.responsibleBoardId); its actions are those of its priorities; its
//   indicators are those it owns, is responsible for, or that measure its priorities.
// - Areas of slippage: open actions the owner rated Red, then Amber, then any other open
//   action whose revised due date is later than its original ("slipped from X to Y");
//   then indicators rated Red, then Amber. Actions come first because the papers this
//   replaces list the owners' red and amber actions as "areas of slippage" and show the
//   indicators after them.
// - Not updated this period: an indicator still waiting for a figure for the last period
//   of its frequency that has ended; an open action with no progress note written on or
//   after the first day of the current quarter of the financial year.
// - Actions for the next quarters: open actions due (revised date, else original) in the
//   current quarter of the financial year and the two after it (a paper in September
//   asks about "priority actions for Q3 and Q4"; what is still due in Q2 matters too).
// - What changed since the last meeting: audit events on the board's priorities, actions
//   and indicators from the day of its last meeting before the date; with no meeting,
//   from the start of the current quarter.
// - "As at" a past date: figures for periods that end after the date are left out,
//   progress notes written after it are left out, and an action's rating is the one its
//   latest note (by then) was written with. Actions' dates and status, indicators' set-up
//   and figures corrected since are as they are now: the app keeps no copy of them as
//   they were.
import { addDays } from "date-fns";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import type { AuditEventView } from "~/modules/audit/audit.server";
import { CsvNumber, toCsv } from "~/modules/data-export/csv";
import { financialYearOf, resolvePeriod, type ResolvedPeriod } from "~/modules/periods/periods";
import { findCurrentStrategy, type RagCounts } from "~/modules/priorities/priorities.server";
import type { Prisma } from "~/generated/prisma/client";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { isUuid } from "~/utils/uuid";
import { measureIndicators, partnershipCalendar, type MeasuredIndicator, type PartnershipCalendar } from "./performance.server";

type Rag = "RED" | "AMBER" | "GREEN";
export type IndicatorRagCounts = { RED: number; AMBER: number; GREEN: number; NO_FIGURE: number; NOT_RATED: number };

const OPEN_STATUSES = ["NOT_STARTED", "IN_PROGRESS"] as const;
/** Enough for a board paper; the audit log has the rest. */
const CHANGES_SHOWN = 200;

const leadSelect = {
  orderBy: { position: "asc" },
  select: {
    id: true,
    agency: { select: { id: true, name: true, shortName: true } },
    person: { select: { id: true, name: true, jobTitle: true } },
  },
} as const;

const prioritySelect = {
  id: true,
  number: true,
  title: true,
  progressSummary: true,
  responsibleBoardId: true,
  responsibleBoard: { select: { id: true, name: true } },
  leads: leadSelect,
} as const satisfies Prisma.PrioritySelect;

function actionSelect(asAt: Date | null) {
  return {
    id: true,
    reference: true,
    title: true,
    status: true,
    rag: true,
    originalDueOn: true,
    revisedDueOn: true,
    closedAt: true,
    updatedAt: true,
    priorityId: true,
    ownerText: true,
    ownerAgency: { select: { name: true, shortName: true } },
    ownerPerson: { select: { name: true } },
    notes: {
      where: asAt ? { writtenOn: { lte: asAt } } : {},
      orderBy: [{ writtenOn: "desc" }, { createdAt: "desc" }],
      take: 1,
      select: { writtenOn: true, body: true, rag: true },
    },
  } as const satisfies Prisma.ActionSelect;
}

type PriorityRow = Prisma.PriorityGetPayload<{ select: typeof prioritySelect }>;
type ActionRow = Prisma.ActionGetPayload<{ select: ReturnType<typeof actionSelect> }>;

export type PriorityRef = { id: string; number: number; title: string };

/** An open action as the dashboards and the report show it. */
export type ActionItem = {
  id: string;
  reference: string | null;
  title: string;
  status: ActionRow["status"];
  /** As the owner rated it (as at a past date: the rating of the latest note by then). */
  rag: Rag | null;
  priority: PriorityRef | null;
  owner: string | null;
  dueOn: Date | null;
  /** The revised due date is later than the original one. */
  slipped: { from: Date; to: Date } | null;
  latestNote: { writtenOn: Date; body: string } | null;
  /** The latest of the action's last change and its latest note (null as at a date before either). */
  lastUpdatedAt: Date | null;
};

export type SlippingIndicator = {
  indicator: MeasuredIndicator;
  rag: "RED" | "AMBER";
  reason: string;
  leadAgency: string | null;
};

export type AreasOfSlippage = { actions: ActionItem[]; indicators: SlippingIndicator[] };

export type PriorityProgress = PriorityRef & {
  progressSummary: string | null;
  leads: PriorityRow["leads"];
  responsibleBoard: { id: string; name: string } | null;
  /** Its actions by the owners' ratings: every action not closed or dropped, as everywhere else. */
  ragCounts: RagCounts;
  indicatorRagCounts: IndicatorRagCounts;
};

export type ChangeSinceMeeting = {
  id: string;
  at: Date;
  who: { name: string | null; agency: string | null };
  action: string;
  entityType: "Priority" | "Action" | "Indicator";
  entityId: string;
  /** "1. Reduce burglary", an action's title, "NI 16: Serious acquisitive crime". */
  entityLabel: string;
  before: AuditEventView["before"];
  after: AuditEventView["after"];
};

export type QuarterPeriod = Pick<ResolvedPeriod, "label" | "startsOn" | "endsOn">;

export type Performance = {
  strategy: { id: string; title: string; startYear: number; endYear: number } | null;
  /** The date the performance is read as at (today, or the report's date). */
  asAt: Date;
  isPast: boolean;
  quarter: QuarterPeriod;
  /** Actions (not closed or dropped) by rating, indicators by RAG, and how many of each are slipping. */
  summary: { actions: RagCounts; indicators: IndicatorRagCounts; slippingActions: number; slippingIndicators: number };
  priorities: PriorityProgress[];
  indicators: MeasuredIndicator[];
  slippage: AreasOfSlippage;
  notUpdated: {
    /** The first day of the current quarter: an action with no note since then is listed. */
    since: Date;
    indicators: Array<{ indicator: MeasuredIndicator; awaiting: { label: string; endsOn: Date } }>;
    actions: ActionItem[];
  };
  actionsDue: Array<{ quarter: QuarterPeriod; actions: ActionItem[] }>;
  changes: { since: Date; lastMeeting: { heldOn: Date; boardName: string } | null; events: ChangeSinceMeeting[]; more: boolean };
};

export type BoardPerformance = Performance & {
  board: { id: string; name: string; shortName: string | null; kind: Prisma.BoardGetPayload<{ select: { kind: true } }>["kind"]; parent: { id: string; name: string } | null };
  subBoards: Array<{ id: string; name: string }>;
  nextMeeting: { heldOn: Date } | null;
  /** Red and amber items of the boards that report to this one (and theirs), not already this board's. */
  subBoardConcerns: Array<{ board: { id: string; name: string }; slippage: AreasOfSlippage }>;
};

export type AsAtOptions = { asAt?: Date };

/** One board's performance with its sub-boards' concerns; null when the board is not in the partnership. */
export async function getBoardPerformance(actor: Actor, boardId: string, options: AsAtOptions = {}): Promise<BoardPerformance | null> {
  assertCan(actor, "partnership:read");
  if (!isUuid(boardId)) return null;
  return withTenant(actor.partnershipId, (tx) => readBoardPerformance(tx, actor.partnershipId, boardId, options));
}

/** The same, inside a caller's tenant transaction: for the digest, which the worker builds with no signed-in actor. */
export async function readBoardPerformance(tx: TenantTx, partnershipId: string, boardId: string, options: AsAtOptions = {}): Promise<BoardPerformance | null> {
  const boards = await tx.board.findMany({
    where: { partnershipId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, shortName: true, kind: true, parentBoardId: true },
  });
  const board = boards.find((b) => b.id === boardId);
  if (!board) return null;
  const descendants = descendantsOf(boards, boardId);
  const context = await readContext(tx, partnershipId, options.asAt);
  const loaded = await loadScope(tx, partnershipId, context, [boardId, ...descendants.map((b) => b.id)]);

  const own = shareFor(loaded, new Set([boardId]));
  const performance = await composePerformance(tx, partnershipId, context, own, { boardId, boardName: board.name });
  const nextMeeting = await tx.meeting.findFirst({
    where: { partnershipId, boardId, heldOn: { gte: context.asAt } },
    orderBy: [{ heldOn: "asc" }, { startTime: "asc" }],
    select: { heldOn: true },
  });

  const ownIds = new Set([...own.actions.map((a) => a.id), ...own.indicators.map((i) => i.id)]);
  const subBoardConcerns = descendants
    .map((sub) => {
      const share = shareFor(loaded, new Set([sub.id]));
      const slippage = slippageOf(
        share.actions.filter((a) => !ownIds.has(a.id)).map((a) => actionItem(a, loaded.priorityById, context)),
        share.indicators.filter((i) => !ownIds.has(i.id)),
      );
      return { board: { id: sub.id, name: sub.name }, slippage };
    })
    .filter((concern) => concern.slippage.actions.length + concern.slippage.indicators.length > 0);

  const parent = board.parentBoardId ? boards.find((b) => b.id === board.parentBoardId) : undefined;
  return {
    ...performance,
    board: { id: board.id, name: board.name, shortName: board.shortName, kind: board.kind, parent: parent ? { id: parent.id, name: parent.name } : null },
    subBoards: boards.filter((b) => b.parentBoardId === boardId).map((b) => ({ id: b.id, name: b.name })),
    nextMeeting,
    subBoardConcerns,
  };
}

/** The whole partnership's performance: every priority of the current strategy, every open action and indicator. */
export async function getPartnershipPerformance(actor: Actor, options: AsAtOptions = {}): Promise<Performance> {
  assertCan(actor, "partnership:read");
  return withTenant(actor.partnershipId, (tx) => readPartnershipPerformance(tx, actor.partnershipId, options));
}

/** The same, inside a caller's tenant transaction (the home page reads more beside it). */
export async function readPartnershipPerformance(tx: TenantTx, partnershipId: string, options: AsAtOptions = {}): Promise<Performance> {
  const context = await readContext(tx, partnershipId, options.asAt);
  const loaded = await loadScope(tx, partnershipId, context, null);
  return composePerformance(tx, partnershipId, context, loaded, null);
}

// ---------------------------------------------------------------------------

type Context = { asAt: Date; isPast: boolean; startMonth: number; quarter: ResolvedPeriod; comingQuarters: ResolvedPeriod[]; calendar: PartnershipCalendar };

async function readContext(tx: TenantTx, partnershipId: string, asAt: Date | undefined): Promise<Context> {
  const calendar = await partnershipCalendar(tx, partnershipId);
  const today = todayIn(calendar.timeZone);
  const date = asAt && asAt < today ? asAt : today;
  const quarter = quarterOf(date, calendar.financialYearStartMonth);
  return {
    asAt: date,
    isPast: date < today,
    startMonth: calendar.financialYearStartMonth,
    quarter,
    comingQuarters: [1, 2].reduce((quarters) => [...quarters, quarterOf(addDays(quarters.at(-1)!.endsOn, 1), calendar.financialYearStartMonth)], [quarter]),
    calendar,
  };
}

/** The quarter of the financial year a date falls in ("Q3 2025/26"). */
export function quarterOf(date: Date, startMonth: number): ResolvedPeriod {
  const financialYear = financialYearOf(date, startMonth);
  const monthsIntoYear = (date.getUTCMonth() + 1 - startMonth + 12) % 12;
  const quarter = (Math.floor(monthsIntoYear / 3) + 1) as 1 | 2 | 3 | 4;
  return resolvePeriod({ type: "QUARTER", financialYear, quarter }, startMonth);
}

type Loaded = {
  strategy: Performance["strategy"];
  priorities: PriorityRow[];
  priorityById: Map<string, PriorityRow>;
  /** Every action of the priorities (open or not: a closed one may have changed since the meeting). */
  actions: ActionRow[];
  indicators: MeasuredIndicator[];
};

/** Priorities, actions (with their latest notes) and measured indicators of the boards, or of the whole partnership. */
async function loadScope(tx: TenantTx, partnershipId: string, context: Context, boardIds: string[] | null): Promise<Loaded> {
  const strategy = await findCurrentStrategy(tx, partnershipId);
  const priorities = strategy
    ? await tx.priority.findMany({
        where: { partnershipId, strategyId: strategy.id, archivedAt: null, ...(boardIds ? { responsibleBoardId: { in: boardIds } } : {}) },
        orderBy: { number: "asc" },
        select: prioritySelect,
      })
    : [];
  const priorityIds = priorities.map((p) => p.id);
  const noteCutOff = context.isPast ? context.asAt : null;
  const actions = await tx.action.findMany({
    where: {
      partnershipId,
      // The whole partnership's delivery plans include actions no priority claims.
      ...(boardIds ? { priorityId: { in: priorityIds } } : { OR: [{ priorityId: null }, { priorityId: { in: priorityIds } }] }),
    },
    orderBy: [{ reference: "asc" }, { createdAt: "asc" }],
    select: actionSelect(noteCutOff),
  });
  const indicators = await measureIndicators(
    tx,
    partnershipId,
    {
      archivedAt: null,
      ...(boardIds
        ? {
            OR: [
              { ownerBoardId: { in: boardIds } },
              { responsibleBoardId: { in: boardIds } },
              { priorities: { some: { priorityId: { in: priorityIds } } } },
            ],
          }
        : {}),
    },
    { today: context.asAt, calendar: context.calendar, ...(context.isPast ? { figuresUpTo: context.asAt } : {}) },
  );
  return {
    strategy: strategy && { id: strategy.id, title: strategy.title, startYear: strategy.startYear, endYear: strategy.endYear },
    priorities,
    priorityById: new Map(priorities.map((p) => [p.id, p])),
    actions,
    indicators,
  };
}

type Share = { strategy: Performance["strategy"]; priorities: PriorityRow[]; actions: ActionRow[]; indicators: MeasuredIndicator[] };

/** What belongs to the given boards: their priorities, those priorities' actions, and the indicators they own, are responsible for, or that measure their priorities. */
function shareFor(loaded: Loaded, boards: Set<string>): Share {
  const priorities = loaded.priorities.filter((p) => p.responsibleBoardId && boards.has(p.responsibleBoardId));
  const priorityIds = new Set(priorities.map((p) => p.id));
  return {
    strategy: loaded.strategy,
    priorities,
    actions: loaded.actions.filter((a) => a.priorityId && priorityIds.has(a.priorityId)),
    indicators: loaded.indicators.filter(
      (i) =>
        (i.ownerBoard && boards.has(i.ownerBoard.id)) ||
        (i.responsibleBoard && boards.has(i.responsibleBoard.id)) ||
        i.priorities.some((p) => priorityIds.has(p.id)),
    ),
  };
}

function descendantsOf<B extends { id: string; parentBoardId: string | null }>(boards: B[], boardId: string): B[] {
  const found: B[] = [];
  const queue = [boardId];
  while (queue.length > 0) {
    const parentId = queue.shift()!;
    for (const child of boards.filter((b) => b.parentBoardId === parentId)) {
      // A loop in the tree (which the settings refuse) must not hang the page.
      if (child.id === boardId || found.includes(child)) continue;
      found.push(child);
      queue.push(child.id);
    }
  }
  return found;
}

function isOpen(action: ActionRow) {
  return action.closedAt === null && (OPEN_STATUSES as readonly string[]).includes(action.status);
}

function ownerOf(action: ActionRow): string | null {
  const agency = action.ownerAgency ? (action.ownerAgency.shortName ?? action.ownerAgency.name) : null;
  const person = action.ownerPerson?.name ?? null;
  if (agency && person) return `${person} (${agency})`;
  return agency ?? person ?? action.ownerText ?? null;
}

function actionItem(action: ActionRow, priorityById: Map<string, PriorityRow>, context: Context): ActionItem {
  const note = action.notes[0] ?? null;
  const priority = action.priorityId ? priorityById.get(action.priorityId) : undefined;
  const { originalDueOn: from, revisedDueOn: to } = action;
  // As at a past date, a change made since tells nothing about when it was last updated then.
  const known = [note?.writtenOn, action.updatedAt].filter((d): d is Date => d !== undefined && (!context.isPast || d < addDays(context.asAt, 1)));
  const lastUpdatedAt = known.reduce<Date | null>((latest, d) => (latest && latest > d ? latest : d), null);
  return {
    id: action.id,
    reference: action.reference,
    title: action.title,
    status: action.status,
    rag: context.isPast ? (note?.rag ?? action.rag) : action.rag,
    priority: priority ? { id: priority.id, number: priority.number, title: priority.title } : null,
    owner: ownerOf(action),
    dueOn: to ?? from,
    slipped: from && to && to > from ? { from, to } : null,
    latestNote: note && { writtenOn: note.writtenOn, body: note.body },
    lastUpdatedAt,
  };
}

const RAG_ORDER = { RED: 0, AMBER: 1, GREEN: 2 } as const;

// localeCompare with a locale builds a collator on every call, which made sorting a
// board's actions show in profiles; these are the same comparisons, built once.
const BY_REFERENCE = new Intl.Collator("en-GB", { numeric: true });
const BY_TITLE = new Intl.Collator("en-GB");

function compareActions(a: ActionItem, b: ActionItem) {
  return (
    (a.priority?.number ?? Number.MAX_SAFE_INTEGER) - (b.priority?.number ?? Number.MAX_SAFE_INTEGER) ||
    BY_REFERENCE.compare(a.reference ?? "", b.reference ?? "") ||
    BY_TITLE.compare(a.title, b.title)
  );
}

/** Red, then amber, then date-slipped open actions; then red, then amber indicators. */
export function slippageOf(openActions: ActionItem[], indicators: MeasuredIndicator[]): AreasOfSlippage {
  const slipping = openActions.filter((a) => a.rag === "RED" || a.rag === "AMBER" || a.slipped);
  slipping.sort((a, b) => RAG_ORDER[a.rag ?? "GREEN"] - RAG_ORDER[b.rag ?? "GREEN"] || compareActions(a, b));
  const ratedIndicators = indicators.filter((i) => i.rag.rag === "RED" || i.rag.rag === "AMBER");
  // A stable sort keeps the indicators' own order (by code) within red and within amber.
  ratedIndicators.sort((a, b) => (a.rag.rag === b.rag.rag ? 0 : a.rag.rag === "RED" ? -1 : 1));
  return {
    actions: slipping,
    indicators: ratedIndicators.map((indicator) => ({
      indicator,
      rag: indicator.rag.rag as "RED" | "AMBER",
      reason: indicator.rag.reason,
      leadAgency: indicator.leadAgency ? (indicator.leadAgency.shortName ?? indicator.leadAgency.name) : null,
    })),
  };
}

function emptyActionCounts(): RagCounts {
  return { RED: 0, AMBER: 0, GREEN: 0, NOT_RATED: 0 };
}

function emptyIndicatorCounts(): IndicatorRagCounts {
  return { RED: 0, AMBER: 0, GREEN: 0, NO_FIGURE: 0, NOT_RATED: 0 };
}

function countActions(actions: ActionItem[]) {
  const counts = emptyActionCounts();
  for (const action of actions) counts[action.rag ?? "NOT_RATED"] += 1;
  return counts;
}

function countIndicators(indicators: MeasuredIndicator[]) {
  const counts = emptyIndicatorCounts();
  for (const indicator of indicators) counts[indicator.rag.rag] += 1;
  return counts;
}

async function composePerformance(
  tx: TenantTx,
  partnershipId: string,
  context: Context,
  share: Share,
  board: { boardId: string; boardName: string } | null,
): Promise<Performance> {
  const priorityById = new Map(share.priorities.map((p) => [p.id, p]));
  const allItems = share.actions.map((a) => ({ row: a, item: actionItem(a, priorityById, context) }));
  const open = allItems.filter(({ row }) => isOpen(row)).map(({ item }) => item);
  open.sort(compareActions);
  const rated = allItems.filter(({ row }) => row.closedAt === null && row.status !== "DROPPED").map(({ item }) => item);

  const priorities: PriorityProgress[] = share.priorities.map((priority) => {
    const indicators = share.indicators.filter((i) => i.priorities.some((p) => p.id === priority.id));
    return {
      id: priority.id,
      number: priority.number,
      title: priority.title,
      progressSummary: priority.progressSummary,
      leads: priority.leads,
      responsibleBoard: priority.responsibleBoard,
      ragCounts: countActions(rated.filter((a) => a.priority?.id === priority.id)),
      indicatorRagCounts: countIndicators(indicators),
    };
  });

  const slippage = slippageOf(open, share.indicators);
  const actionsDue = context.comingQuarters.map((quarter) => ({
    quarter: { label: quarter.label, startsOn: quarter.startsOn, endsOn: quarter.endsOn },
    actions: open.filter((a) => a.dueOn && a.dueOn >= quarter.startsOn && a.dueOn <= quarter.endsOn).sort((a, b) => a.dueOn!.getTime() - b.dueOn!.getTime() || compareActions(a, b)),
  }));

  const changes = await changesSinceLastMeeting(tx, partnershipId, context, share, board);
  return {
    strategy: share.strategy,
    asAt: context.asAt,
    isPast: context.isPast,
    quarter: { label: context.quarter.label, startsOn: context.quarter.startsOn, endsOn: context.quarter.endsOn },
    summary: {
      actions: countActions(rated),
      indicators: countIndicators(share.indicators),
      slippingActions: slippage.actions.length,
      slippingIndicators: slippage.indicators.length,
    },
    priorities,
    indicators: share.indicators,
    slippage,
    notUpdated: {
      since: context.quarter.startsOn,
      indicators: share.indicators
        .filter((i) => i.awaitingFigureFor !== null)
        .map((indicator) => ({ indicator, awaiting: { label: indicator.awaitingFigureFor!.label, endsOn: indicator.awaitingFigureFor!.endsOn } })),
      actions: open.filter((a) => !a.latestNote || a.latestNote.writtenOn < context.quarter.startsOn),
    },
    actionsDue,
    changes,
  };
}

async function changesSinceLastMeeting(
  tx: TenantTx,
  partnershipId: string,
  context: Context,
  share: Share,
  board: { boardId: string; boardName: string } | null,
): Promise<Performance["changes"]> {
  const lastMeeting = await tx.meeting.findFirst({
    where: { partnershipId, heldOn: { lt: context.asAt }, ...(board ? { boardId: board.boardId } : {}) },
    orderBy: [{ heldOn: "desc" }, { startTime: "desc" }],
    select: { heldOn: true, board: { select: { name: true } } },
  });
  const since = lastMeeting?.heldOn ?? context.quarter.startsOn;
  const labels = new Map<string, { type: ChangeSinceMeeting["entityType"]; label: string }>();
  for (const p of share.priorities) labels.set(p.id, { type: "Priority", label: `${p.number}. ${p.title}` });
  for (const a of share.actions) labels.set(a.id, { type: "Action", label: a.reference ? `${a.reference} ${a.title}` : a.title });
  for (const i of share.indicators) labels.set(i.id, { type: "Indicator", label: i.code ? `${i.code}: ${i.name}` : i.name });

  const events =
    labels.size === 0
      ? []
      : await tx.auditEvent.findMany({
          where: {
            partnershipId,
            entityType: { in: ["Priority", "Action", "Indicator"] },
            entityId: { in: [...labels.keys()] },
            at: { gte: since, lt: addDays(context.asAt, 1) },
          },
          orderBy: { at: "desc" },
          take: CHANGES_SHOWN + 1,
          select: { id: true, at: true, action: true, entityType: true, entityId: true, actorName: true, actorAgencyName: true, before: true, after: true },
        });
  return {
    since,
    lastMeeting: lastMeeting && { heldOn: lastMeeting.heldOn, boardName: lastMeeting.board.name },
    more: events.length > CHANGES_SHOWN,
    events: events.slice(0, CHANGES_SHOWN).flatMap((event) => {
      const entity = labels.get(event.entityId);
      if (!entity || entity.type !== event.entityType) return [];
      return [
        {
          id: event.id,
          at: event.at,
          who: { name: event.actorName, agency: event.actorAgencyName },
          action: event.action,
          entityType: entity.type,
          entityId: event.entityId,
          entityLabel: entity.label,
          before: event.before,
          after: event.after,
        },
      ];
    }),
  };
}

// ---------------------------------------------------------------------------
// The report's indicator table as CSV, for a spreadsheet.

const RAG_WORDS = { RED: "Red", AMBER: "Amber", GREEN: "Green", NO_FIGURE: "No figure yet", NOT_RATED: "Not rated" } as const;
const TREND_WORDS = { IMPROVING: "Improving", WORSENING: "Worsening", NO_CHANGE: "No change" } as const;
const UNIT_WORDS = {
  COUNT: "Count",
  PERCENTAGE: "Percentage",
  RATE_PER_100: "Rate per 100",
  RATE_PER_1000: "Rate per 1,000",
  RATE_PER_100000: "Rate per 100,000",
  SCORE: "Score",
  RATIO: "Ratio",
} as const;

export const INDICATOR_CSV_COLUMNS = [
  "Code",
  "Indicator",
  "Lead agency",
  "Unit",
  "Target",
  "Target period",
  "Baseline",
  "Baseline period",
  "Latest figure",
  "Latest figure period",
  "Year to date",
  "Target to date",
  "Change against baseline",
  "Change against baseline (%)",
  "Trend",
  "RAG",
  "RAG reason",
] as const;

/** One row per indicator: numbers as numbers, words as escaped text. */
export function indicatorCsvRows(indicators: MeasuredIndicator[]) {
  return indicators.map((indicator) => {
    const { measure } = indicator;
    const row: Record<(typeof INDICATOR_CSV_COLUMNS)[number], CsvNumber | string | null> = {
      Code: indicator.code,
      Indicator: indicator.name,
      "Lead agency": indicator.leadAgency?.name ?? null,
      Unit: indicator.denominator && indicator.unit.startsWith("RATE") ? `${UNIT_WORDS[indicator.unit]} ${indicator.denominator.name.toLowerCase()}` : UNIT_WORDS[indicator.unit],
      Target: indicator.target ? (CsvNumber.of(indicator.target.value) ?? indicator.target.requiredDirection?.toLowerCase() ?? null) : null,
      "Target period": indicator.target?.period.label ?? null,
      Baseline: CsvNumber.of(indicator.baseline?.value),
      "Baseline period": indicator.baseline?.period?.label ?? null,
      "Latest figure": CsvNumber.of(indicator.latestFigure?.value),
      "Latest figure period": indicator.latestFigure?.period.label ?? null,
      "Year to date": CsvNumber.of(measure.yearToDate?.value),
      "Target to date": CsvNumber.of(measure.yearToDate?.targetToDate),
      "Change against baseline": CsvNumber.of(measure.change?.difference),
      "Change against baseline (%)": CsvNumber.of(measure.change?.percent),
      Trend: measure.trend ? TREND_WORDS[measure.trend] : null,
      RAG: RAG_WORDS[indicator.rag.rag],
      "RAG reason": indicator.rag.reason,
    };
    return row;
  });
}

/** The board report's indicator table as a CSV file; null when the board is not in the partnership. */
export async function getBoardIndicatorsCsv(actor: Actor, boardId: string, options: AsAtOptions = {}) {
  const performance = await getBoardPerformance(actor, boardId, options);
  if (!performance) return null;
  const name = performance.board.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return {
    filename: `${name || "board"}-indicators-${performance.asAt.toISOString().slice(0, 10)}.csv`,
    csv: toCsv([...INDICATOR_CSV_COLUMNS], indicatorCsvRows(performance.indicators)),
  };
}
