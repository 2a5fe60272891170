// What the pre-meeting digest says (issue 7, part 2), built from the live data: the
// meeting and its agenda, then the board's performance as the board report reads it
// (readBoardPerformance, as at today), with every link pointing back into the app.
// Everything here is formatted into words for emails/board-digest.tsx, which only lays
// it out; the same content serves the worker's sends and the manager's preview.
//
// Progress notes, priorities' progress summaries and the note text an audit event
// carries can be sensitive (domestic abuse, offenders): they are left out, with links to
// them, unless the partnership has chosen to include them (Partnership.digestIncludesNotes).
import { digestUnsubscribeUrl } from "./unsubscribe.server";
import { leadText } from "~/components/leads";
import { describeActor, describeChanges } from "~/modules/audit/describe";
import type { DigestRenderer, RenderedDigest } from "~/modules/digest/delivery.server";
import { prepareDigestTemplate, type DigestTemplate } from "~/modules/digest/digest-template.server";
import {
  readBoardPerformance,
  type ActionItem,
  type AreasOfSlippage,
  type BoardPerformance,
  type ChangeSinceMeeting,
  type IndicatorRagCounts,
} from "~/modules/performance/board-performance.server";
import type { MeasuredIndicator } from "~/modules/performance/performance.server";
import type { TenantTx } from "~/utils/db.server";
import { formatCalendarDate, formatInstant, formatTimeOfDay } from "~/utils/dates";
import { env } from "~/utils/env.server";
import { formatIndicatorValue, formatNumber } from "~/utils/format";
import { DIRECTION_LABELS, REQUIRED_DIRECTION_LABELS } from "~/utils/labels";
import { isUuid } from "~/utils/uuid";
import {
  renderBoardDigestEmail,
  type BoardDigest,
  type DigestConcernAction,
  type DigestConcernIndicator,
  type DigestRating,
} from "../../../emails/board-digest";

/** Audit fields holding free text someone wrote: kept out of the e-mail unless the partnership opts in. */
const FREE_TEXT_FIELDS = new Set(["note", "description", "progressSummary", "whatWeWillDo"]);

const RATING_WORDS: Record<keyof IndicatorRagCounts, DigestRating> = {
  RED: "Red",
  AMBER: "Amber",
  GREEN: "Green",
  NOT_RATED: "Not rated",
  NO_FIGURE: "No figure yet",
};

const TREND_WORDS = { IMPROVING: "improving", WORSENING: "getting worse", NO_CHANGE: "no change" } as const;

/** The digest's subject, as the brief words it: "<Board>: briefing for the meeting on <date>". */
export function digestSubject(boardName: string, heldOn: Date) {
  return `${boardName}: briefing for the meeting on ${formatCalendarDate(heldOn)}`;
}

/**
 * The digest of one meeting, the same for every member: null when the meeting is not
 * the partnership's (or its board is archived). Runs in the caller's tenant transaction.
 */
export async function loadBoardDigest(tx: TenantTx, partnershipId: string, meetingId: string): Promise<BoardDigest | null> {
  if (!isUuid(meetingId)) return null;
  const meeting = await tx.meeting.findFirst({
    where: { partnershipId, id: meetingId },
    select: {
      id: true,
      heldOn: true,
      startTime: true,
      place: true,
      onlineUrl: true,
      boardId: true,
      board: { select: { name: true } },
      partnership: { select: { slug: true, name: true, digestIncludesNotes: true } },
      agendaItems: { orderBy: { position: "asc" }, select: { number: true, title: true, reportOf: true, purpose: true, decisionSought: true } },
    },
  });
  if (!meeting) return null;
  // As at today: the digest reports the data as it stands when it is built.
  const performance = await readBoardPerformance(tx, partnershipId, meeting.boardId);
  if (!performance) return null;
  const { slug, name: partnershipName, digestIncludesNotes: includesNotes } = meeting.partnership;
  const url = appUrl(slug);
  const concerns = (slippage: AreasOfSlippage) => ({
    actions: slippage.actions.map((action) => concernAction(action, url, includesNotes)),
    indicators: slippage.indicators.map((entry) => concernIndicator(entry.indicator, entry.leadAgency, url)),
  });

  return {
    partnershipName,
    boardName: meeting.board.name,
    subject: digestSubject(meeting.board.name, meeting.heldOn),
    meeting: {
      date: formatCalendarDate(meeting.heldOn),
      // Stored as the local wall-clock time in the partnership's zone (Europe/London):
      // 18:30 in July is "6:30pm" whatever the UTC offset that day.
      time: meeting.startTime ? formatTimeOfDay(meeting.startTime) : null,
      place: meeting.place,
      onlineUrl: meeting.onlineUrl,
      url: url(`meetings/${meeting.id}`),
      calendarUrl: url(`meetings/${meeting.id}/calendar.ics`),
    },
    agenda: meeting.agendaItems,
    includesNotes,
    concerns: concerns(performance.slippage),
    subBoardConcerns: performance.subBoardConcerns.map((sub) => ({ boardName: sub.board.name, ...concerns(sub.slippage) })),
    priorities: performance.priorities.map((priority) => ({
      title: `${priority.number}. ${priority.title}`,
      url: url(`priorities/${priority.id}`),
      leads: priority.leads.length > 0 ? priority.leads.map(leadText).join("; ") : "no lead recorded",
      actions: countsInWords(priority.ragCounts, "no open actions"),
      indicators: countsInWords(priority.indicatorRagCounts, "no indicators"),
      summary: includesNotes ? priority.progressSummary : null,
    })),
    indicators: performance.indicators.map((indicator) => indicatorLine(indicator, url)),
    changes: changesInWords(performance, url, includesNotes),
    waiting: {
      intro: `Indicators with no figure yet for the last period that has ended, and open actions with no progress note since ${formatCalendarDate(performance.notUpdated.since)}, the start of ${performance.quarter.label}.`,
      indicators: performance.notUpdated.indicators.map(({ indicator, awaiting }) => ({
        title: indicatorTitle(indicator),
        url: url(`indicators/${indicator.id}`),
        agency: indicator.leadAgency ? indicator.leadAgency.name : "no lead agency recorded",
        awaiting: awaiting.label,
      })),
      actions: performance.notUpdated.actions.map((action) => ({
        title: actionTitle(action),
        url: url(`actions/${action.id}`),
        owner: action.owner ?? "no owner recorded",
        last: action.latestNote ? `Last progress note ${formatCalendarDate(action.latestNote.writtenOn)}` : "No progress note yet",
      })),
    },
    reportUrl: url(`boards/${meeting.boardId}/report`),
  };
}

/** One member's e-mail from a meeting's digest. */
export function renderDigestFor(digest: BoardDigest, recipient: { name: string }, options: { listUnsubscribeUrl?: string } = {}): Promise<RenderedDigest> {
  return renderBoardDigestEmail({ digest, recipientName: recipient.name, listUnsubscribeUrl: options.listUnsubscribeUrl });
}

export type DigestRendererOptions = {
  /** The member's one-click unsubscribe link; by default the signed link of unsubscribe.server.ts. */
  listUnsubscribeUrl?: (context: Parameters<DigestRenderer>[1], recipient: Parameters<DigestRenderer>[2]) => string | undefined;
};

const signedUnsubscribeUrl: NonNullable<DigestRendererOptions["listUnsubscribeUrl"]> = (context, recipient) =>
  digestUnsubscribeUrl(context.partnership.id, context.meeting.board.id, recipient.personId);

/**
 * The worker's renderer. sendDigestBatch calls it once per member inside one tenant
 * transaction per batch: the digest is built and rendered once for that transaction (the
 * batch), with markers for the member's greeting and unsubscribe link, and each member's
 * e-mail is that render with their own put in (digest-template.server.ts), or their own
 * full render when a value cannot be put in byte for byte.
 */
export function makeDigestRenderer(options: DigestRendererOptions = { listUnsubscribeUrl: signedUnsubscribeUrl }): DigestRenderer {
  type PerMeeting = { content: Promise<BoardDigest | null>; templates: Map<boolean, Promise<DigestTemplate>> };
  const built = new WeakMap<TenantTx, Map<string, PerMeeting>>();
  return async (tx, context, recipient) => {
    const perBatch = built.get(tx) ?? new Map<string, PerMeeting>();
    built.set(tx, perBatch);
    let meeting = perBatch.get(context.meeting.id);
    if (!meeting) {
      meeting = { content: loadBoardDigest(tx, context.partnership.id, context.meeting.id), templates: new Map() };
      perBatch.set(context.meeting.id, meeting);
    }
    const content = await meeting.content;
    if (!content) throw new Error(`The digest of meeting ${context.meeting.id} cannot be built: its board is archived or gone`);
    const listUnsubscribeUrl = options.listUnsubscribeUrl?.(context, recipient);
    const withUnsubscribeLink = listUnsubscribeUrl !== undefined;
    let template = meeting.templates.get(withUnsubscribeLink);
    if (!template) {
      template = prepareDigestTemplate(content, { withUnsubscribeLink });
      meeting.templates.set(withUnsubscribeLink, template);
    }
    return (await template).fill(recipient.name, listUnsubscribeUrl) ?? renderDigestFor(content, recipient, { listUnsubscribeUrl });
  };
}

// ---------------------------------------------------------------------------

function appUrl(slug: string) {
  const base = env().APP_URL;
  return (path: string) => new URL(`/${slug}/${path}`, base).toString();
}

function actionTitle(action: Pick<ActionItem, "reference" | "title">) {
  return action.reference ? `${action.reference} ${action.title}` : action.title;
}

function indicatorTitle(indicator: Pick<MeasuredIndicator, "code" | "name">) {
  return indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name;
}

function value(indicator: MeasuredIndicator, raw: string) {
  return formatIndicatorValue(raw, indicator.unit, indicator.denominator?.name);
}

function latestText(indicator: MeasuredIndicator) {
  return indicator.latestFigure ? `${value(indicator, indicator.latestFigure.value)} (${indicator.latestFigure.period.label})` : "no figure yet";
}

function dateOrUnknown(at: Date | null) {
  return at ? formatCalendarDate(at) : "not known";
}

function concernAction(action: ActionItem, url: (path: string) => string, includesNotes: boolean): DigestConcernAction {
  return {
    title: actionTitle(action),
    url: url(`actions/${action.id}`),
    rating: action.rag ? RATING_WORDS[action.rag] : "Not rated",
    priority: action.priority ? `Priority ${action.priority.number}. ${action.priority.title}` : null,
    owner: action.owner ?? "no owner recorded",
    lastUpdated: dateOrUnknown(action.lastUpdatedAt),
    slipped: action.slipped ? `Due date moved from ${formatCalendarDate(action.slipped.from)} to ${formatCalendarDate(action.slipped.to)}` : null,
    note: includesNotes && action.latestNote ? { writtenOn: formatCalendarDate(action.latestNote.writtenOn), body: action.latestNote.body } : null,
  };
}

function concernIndicator(indicator: MeasuredIndicator, leadAgency: string | null, url: (path: string) => string): DigestConcernIndicator {
  return {
    title: indicatorTitle(indicator),
    url: url(`indicators/${indicator.id}`),
    rating: RATING_WORDS[indicator.rag.rag],
    reason: indicator.rag.reason,
    owner: leadAgency ?? "no lead agency recorded",
    latest: latestText(indicator),
    lastUpdated: dateOrUnknown(indicator.lastUpdatedAt),
  };
}

/** "2 red, 1 amber, 4 green" */
function countsInWords(counts: Partial<IndicatorRagCounts>, none: string) {
  const parts = (Object.keys(RATING_WORDS) as Array<keyof IndicatorRagCounts>)
    .filter((rag) => (counts[rag] ?? 0) > 0)
    .map((rag) => `${counts[rag]} ${RATING_WORDS[rag].toLowerCase()}`);
  return parts.length > 0 ? parts.join(", ") : none;
}

function indicatorLine(indicator: MeasuredIndicator, url: (path: string) => string): BoardDigest["indicators"][number] {
  const { target, baseline, measure } = indicator;
  const targetValue = target ? (target.value !== null ? value(indicator, target.value) : target.requiredDirection ? REQUIRED_DIRECTION_LABELS[target.requiredDirection] : null) : null;
  const change = measure.change
    ? `${measure.change.difference.startsWith("-") ? "" : "+"}${formatNumber(measure.change.difference)}${measure.change.percent === null ? "" : ` (${measure.change.percent.startsWith("-") ? "" : "+"}${formatNumber(measure.change.percent)}%)`}`
    : null;
  return {
    title: indicatorTitle(indicator),
    url: url(`indicators/${indicator.id}`),
    rating: RATING_WORDS[indicator.rag.rag],
    reason: indicator.rag.reason,
    latest: latestText(indicator),
    target: targetValue ? `${targetValue} (${target!.period.label})` : "none set",
    baseline:
      baseline && baseline.value !== null
        ? `${value(indicator, baseline.value)}${baseline.period ? ` (${baseline.period.label})` : ""}`
        : (baseline?.note ?? "none set"),
    direction: DIRECTION_LABELS[indicator.direction].toLowerCase(),
    trend: measure.trend ? TREND_WORDS[measure.trend] : "not enough figures yet",
    change,
  };
}

const PATHS = { Priority: "priorities", Action: "actions", Indicator: "indicators" } as const;

function changeSentence(event: ChangeSinceMeeting, includesNotes: boolean) {
  const changes = describeChanges(event);
  const shown = changes.filter((c) => includesNotes || !FREE_TEXT_FIELDS.has(c.field));
  const withheld = changes.length - shown.length;
  const what = shown.map((c) => (c.from === null ? `${c.label} ${c.to}` : `${c.label} ${c.from} to ${c.to}`)).join(", ");
  const action = `${event.action.charAt(0).toUpperCase()}${event.action.slice(1)}`;
  const parts = [what, withheld > 0 ? "wrote a note (read it in the app)" : ""].filter(Boolean).join("; ");
  return parts ? `${action}: ${parts}` : action;
}

function changesInWords(performance: BoardPerformance, url: (path: string) => string, includesNotes: boolean): BoardDigest["changes"] {
  const { changes } = performance;
  return {
    intro: changes.lastMeeting
      ? `Changes from ${formatCalendarDate(changes.since)}, the day of the board's last meeting, newest first.`
      : `No earlier meeting is recorded: changes from ${formatCalendarDate(changes.since)}, the start of this quarter, newest first.`,
    items: changes.events.map((event) => ({
      when: formatInstant(event.at),
      who: describeActor({ actorName: event.who.name, actorAgencyName: event.who.agency }),
      what: `${event.entityType}: ${event.entityLabel}`,
      url: url(`${PATHS[event.entityType]}/${event.entityId}`),
      change: changeSentence(event, includesNotes),
    })),
    more: changes.more,
  };
}
