// Update reminders (issue 7, part 3): a few days before a board's digest goes, each
// lead officer with work on that board that nobody has updated since its last meeting
// gets one e-mail listing exactly those items, so the digest shows fresh news.
//
// The rules:
// - When: Board.reminderDaysBefore (default 3) days before the digest is due (itself
//   Board.digestDaysBefore before the meeting), until the digest's run exists. Never
//   for a past meeting, an archived board or a read-only partnership (find_due_reminders).
// - The board's items, as its dashboard counts them (app/modules/performance): the
//   current strategy's priorities it is responsible for, their open actions, and the
//   indicators it owns, is responsible for or that measure those priorities.
// - Not updated: since the board's last meeting before this one or, with none, since
//   the start of the current quarter (the dashboard's "what changed" rule). A priority
//   is updated when it is edited; an action when it is edited or a progress note is
//   added; an indicator when a figure is entered or corrected.
// - The lead officers of an item: the agency editors of the agency that leads or owns
//   it (or of its parent agency, as they may update it: access/scopes.server.ts), and
//   the person named as its lead or owner, when they have an e-mail address.
// - One reminder per address per meeting: a ReminderDelivery row, unique per (meeting,
//   address), rendered and stored before the provider call and sent under the key
//   reminder/<meeting>/<delivery id>, so a second run or a retry sends nothing new.
//   Addresses that turned reminders off (ReminderOptOut) get none; a suppressed
//   address (bounced, complained) gets a SUPPRESSED row and no e-mail.
import { renderUpdateReminderEmail, type ReminderItem } from "../../../emails/update-reminder";
import { isReadOnly } from "~/modules/billing/billing-state";
import { billingEnabled } from "~/modules/billing/billing-config.server";
import { suppressedAmong } from "~/modules/email-suppression/email-suppression.server";
import { quarterOf } from "~/modules/performance/board-performance.server";
import { partnershipCalendar } from "~/modules/performance/performance.server";
import { findCurrentStrategy } from "~/modules/priorities/priorities.server";
import { listPartnerships } from "~/modules/registry/registry.server";
import { formatCalendarDate, todayIn } from "~/utils/dates";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { EmailSendError, sendEmail, type Email, type SentEmail } from "~/utils/email.server";
import { env } from "~/utils/env.server";

/** Provider failures a reminder survives; the cron tries again every 15 minutes. */
export const REMINDER_MAX_ATTEMPTS = 5;

export const reminderIdempotencyKey = (meetingId: string, deliveryId: string) => `reminder/${meetingId}/${deliveryId}`;

export type ReminderSender = (email: Email) => Promise<SentEmail>;

type Recipient = { email: string; name: string; priorities: ReminderItem[]; actions: ReminderItem[]; indicators: ReminderItem[] };

export type StaleItems = { since: Date; lastMeeting: Date | null; recipients: Recipient[] };

const OPEN_ACTION = ["NOT_STARTED", "IN_PROGRESS"] as const;
const DAY_MS = 86_400_000;

/** The day a meeting's reminders are due: reminderDaysBefore before its digest. */
export function reminderDueOn(heldOn: Date, board: { digestDaysBefore: number; reminderDaysBefore: number }): Date {
  return new Date(heldOn.getTime() - (board.digestDaysBefore + board.reminderDaysBefore) * DAY_MS);
}

/** Who is reminded of what for this meeting, by address; the items of each in the board's order. */
export async function staleItemsForMeeting(tx: TenantTx, partnershipId: string, meetingId: string, now = new Date()): Promise<StaleItems | null> {
  const meeting = await tx.meeting.findFirst({
    where: { partnershipId, id: meetingId },
    select: { boardId: true, heldOn: true, partnership: { select: { slug: true } } },
  });
  if (!meeting) return null;
  const { boardId } = meeting;
  const calendar = await partnershipCalendar(tx, partnershipId);
  const lastMeeting = await tx.meeting.findFirst({
    where: { partnershipId, boardId, heldOn: { lt: meeting.heldOn } },
    orderBy: { heldOn: "desc" },
    select: { heldOn: true },
  });
  const since = lastMeeting?.heldOn ?? quarterOf(todayIn(calendar.timeZone, now), calendar.financialYearStartMonth).startsOn;

  const strategy = await findCurrentStrategy(tx, partnershipId);
  const agency = { select: { id: true, parentAgencyId: true } } as const;
  const person = { select: { name: true, email: true, archivedAt: true, agency } } as const;
  const priorities = strategy
    ? await tx.priority.findMany({
        where: { partnershipId, strategyId: strategy.id, archivedAt: null, responsibleBoardId: boardId },
        orderBy: { number: "asc" },
        select: { id: true, number: true, title: true, updatedAt: true, leads: { select: { agency, person } } },
      })
    : [];
  const priorityIds = priorities.map((p) => p.id);
  const actions = await tx.action.findMany({
    where: { partnershipId, priorityId: { in: priorityIds }, status: { in: [...OPEN_ACTION] } },
    orderBy: [{ reference: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      reference: true,
      title: true,
      updatedAt: true,
      ownerAgency: agency,
      ownerPerson: person,
      notes: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  const indicators = await tx.indicator.findMany({
    where: {
      partnershipId,
      archivedAt: null,
      OR: [{ ownerBoardId: boardId }, { responsibleBoardId: boardId }, { priorities: { some: { priorityId: { in: priorityIds } } } }],
    },
    orderBy: [{ code: "asc" }, { name: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      leadAgency: agency,
      figures: { orderBy: { updatedAt: "desc" }, take: 1, select: { updatedAt: true } },
    },
  });

  const editors = await tx.membership.findMany({
    where: { partnershipId, role: "AGENCY_EDITOR", agencyId: { not: null } },
    select: { agencyId: true, user: { select: { email: true, name: true } } },
  });
  const editorsOf = (agencies: Array<{ id: string; parentAgencyId: string | null } | null | undefined>) => {
    const ids = new Set(agencies.flatMap((a) => (a ? [a.id, ...(a.parentAgencyId ? [a.parentAgencyId] : [])] : [])));
    return editors.filter((m) => m.agencyId && ids.has(m.agencyId)).map((m) => ({ email: m.user.email, name: m.user.name }));
  };
  const named = (p: { name: string; email: string | null; archivedAt: Date | null } | null) =>
    p && p.email && !p.archivedAt ? [{ email: p.email, name: p.name }] : [];

  const byEmail = new Map<string, Recipient>();
  const remind = (who: Array<{ email: string; name: string }>, kind: "priorities" | "actions" | "indicators", item: ReminderItem) => {
    for (const { email, name } of who) {
      const key = email.trim().toLowerCase();
      if (!key) continue;
      const recipient = byEmail.get(key) ?? { email: key, name, priorities: [], actions: [], indicators: [] };
      byEmail.set(key, recipient);
      if (!recipient[kind].some((existing) => existing.url === item.url)) recipient[kind].push(item);
    }
  };
  const link = (path: string) => new URL(`/${meeting.partnership.slug}${path}`, env().APP_URL).toString();

  for (const priority of priorities) {
    if (priority.updatedAt >= since) continue;
    const who = priority.leads.flatMap((lead) => [...editorsOf([lead.agency, lead.person?.agency]), ...named(lead.person)]);
    remind(who, "priorities", { label: `${priority.number}. ${priority.title}`, url: link(`/priorities/${priority.id}`) });
  }
  for (const action of actions) {
    const latestNote = action.notes[0]?.createdAt;
    if (action.updatedAt >= since || (latestNote && latestNote >= since)) continue;
    const who = [...editorsOf([action.ownerAgency]), ...named(action.ownerPerson)];
    remind(who, "actions", { label: action.reference ? `${action.reference} ${action.title}` : action.title, url: link(`/actions/${action.id}`) });
  }
  for (const indicator of indicators) {
    const latestFigure = indicator.figures[0]?.updatedAt;
    if (latestFigure && latestFigure >= since) continue;
    remind(editorsOf([indicator.leadAgency]), "indicators", {
      label: indicator.code ? `${indicator.code}: ${indicator.name}` : indicator.name,
      url: link(`/indicators/${indicator.id}`),
    });
  }
  const recipients = [...byEmail.values()].sort((a, b) => a.email.localeCompare(b.email));
  return { since, lastMeeting: lastMeeting?.heldOn ?? null, recipients };
}

export type PreparedReminders = { created: number; pending: number };

/**
 * Stores one rendered reminder per lead officer with stale items, skipping addresses
 * that already have one for this meeting (a second run creates nothing) and those that
 * turned reminders off. Nothing for a past meeting.
 */
export async function prepareReminders(partnershipId: string, meetingId: string, now = new Date()): Promise<PreparedReminders> {
  return withTenant(
    partnershipId,
    async (tx) => {
      const meeting = await tx.meeting.findFirst({
        where: { partnershipId, id: meetingId },
        select: {
          heldOn: true,
          recordedAsPast: true,
          board: { select: { name: true, digestDaysBefore: true } },
          partnership: { select: { name: true, slug: true, timeZone: true } },
        },
      });
      if (!meeting || meeting.recordedAsPast || meeting.heldOn < todayIn(meeting.partnership.timeZone, now)) return { created: 0, pending: 0 };
      const stale = await staleItemsForMeeting(tx, partnershipId, meetingId, now);
      if (!stale) return { created: 0, pending: 0 };
      const already = new Set(
        (await tx.reminderDelivery.findMany({ where: { partnershipId, meetingId }, select: { email: true } })).map((row) => row.email),
      );
      const optedOut = new Set(
        (
          await tx.reminderOptOut.findMany({
            where: { partnershipId, email: { in: stale.recipients.map((r) => r.email) } },
            select: { email: true },
          })
        ).map((row) => row.email),
      );
      const fresh = stale.recipients.filter((r) => !already.has(r.email) && !optedOut.has(r.email));
      const suppressed = await suppressedAmong(fresh.map((r) => r.email), tx);
      const digestOn = new Date(meeting.heldOn.getTime() - meeting.board.digestDaysBefore * DAY_MS);
      const since = stale.lastMeeting ? `the last meeting on ${formatCalendarDate(stale.lastMeeting)}` : `the start of the quarter on ${formatCalendarDate(stale.since)}`;
      const rows = [];
      for (const recipient of fresh) {
        const email = await renderUpdateReminderEmail({
          recipientName: recipient.name,
          partnershipName: meeting.partnership.name,
          boardName: meeting.board.name,
          meetingDate: formatCalendarDate(meeting.heldOn),
          digestDate: formatCalendarDate(digestOn),
          since,
          priorities: recipient.priorities,
          actions: recipient.actions,
          indicators: recipient.indicators,
          meetingUrl: new URL(`/${meeting.partnership.slug}/meetings/${meetingId}`, env().APP_URL).toString(),
          preferencesUrl: new URL(`/${meeting.partnership.slug}/preferences`, env().APP_URL).toString(),
        });
        rows.push({
          partnershipId,
          meetingId,
          email: recipient.email,
          name: recipient.name,
          itemCount: recipient.priorities.length + recipient.actions.length + recipient.indicators.length,
          ...email,
          ...(suppressed.has(recipient.email) ? { status: "SUPPRESSED" as const } : {}),
        });
      }
      // A concurrent run may have stored some since: its rows win, unchanged.
      const { count } = await tx.reminderDelivery.createMany({ data: rows, skipDuplicates: true });
      const pending = await tx.reminderDelivery.count({ where: { partnershipId, meetingId, status: "PENDING" } });
      return { created: count, pending };
    },
    { timeoutMs: 60_000 },
  );
}

/**
 * Sends the meeting's PENDING reminders, each under its own idempotency key. A failure
 * is counted and left PENDING for the next run (a 429 or 500 from the provider); after
 * REMINDER_MAX_ATTEMPTS, or a refusal no retry can change, it is FAILED.
 */
export async function sendPendingReminders(
  partnershipId: string,
  meetingId: string,
  options: { send?: ReminderSender; now?: () => Date } = {},
): Promise<{ sent: number; failed: number; suppressed: number }> {
  const send = options.send ?? sendEmail;
  const now = options.now ?? (() => new Date());
  const pending = await withTenant(partnershipId, (tx) =>
    tx.reminderDelivery.findMany({ where: { partnershipId, meetingId, status: "PENDING" }, orderBy: { email: "asc" } }),
  );
  const result = { sent: 0, failed: 0, suppressed: 0 };
  for (const row of pending) {
    try {
      const outcome = await send({
        to: row.email,
        subject: row.subject,
        html: row.html,
        text: row.text,
        idempotencyKey: reminderIdempotencyKey(meetingId, row.id),
      });
      const suppressed = outcome.via === "suppressed";
      await withTenant(partnershipId, (tx) =>
        tx.reminderDelivery.updateMany({
          where: { partnershipId, id: row.id, status: "PENDING" },
          data: suppressed
            ? { status: "SUPPRESSED" }
            : { status: "SENT", sentAt: now(), providerId: outcome.id, lastError: null },
        }),
      );
      if (suppressed) result.suppressed += 1;
      else result.sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = row.attempts + 1 >= REMINDER_MAX_ATTEMPTS || (error instanceof EmailSendError && !error.retryable);
      await withTenant(partnershipId, (tx) =>
        tx.reminderDelivery.updateMany({
          where: { partnershipId, id: row.id, status: "PENDING" },
          data: { attempts: { increment: 1 }, lastError: message.slice(0, 2000), ...(giveUp ? { status: "FAILED" as const } : {}) },
        }),
      );
      result.failed += 1;
    }
  }
  return result;
}

/**
 * The cron task find_due_reminders: for each writable partnership, each upcoming
 * meeting whose reminders are due and whose digest has not started, prepares the
 * reminders and sends what is pending. Running it twice sends nothing twice.
 */
export async function findDueRemindersAndSend(
  now: Date,
  options: { send?: ReminderSender } = {},
): Promise<{ meetings: string[]; sent: number; failed: number }> {
  const report = { meetings: [] as string[], sent: 0, failed: 0 };
  for (const partnership of await listPartnerships()) {
    if (isReadOnly(partnership, billingEnabled(), now)) continue;
    const partnershipId = partnership.id;
    const today = todayIn(partnership.timeZone, now);
    const meetings = await withTenant(partnershipId, (tx) =>
      tx.meeting.findMany({
        where: { partnershipId, heldOn: { gte: today }, recordedAsPast: false, board: { archivedAt: null }, digestRun: { is: null } },
        orderBy: { heldOn: "asc" },
        select: { id: true, heldOn: true, board: { select: { digestDaysBefore: true, reminderDaysBefore: true } } },
      }),
    );
    for (const meeting of meetings) {
      if (reminderDueOn(meeting.heldOn, meeting.board) > today) continue;
      await prepareReminders(partnershipId, meeting.id, now);
      const sent = await sendPendingReminders(partnershipId, meeting.id, { send: options.send, now: () => now });
      report.meetings.push(meeting.id);
      report.sent += sent.sent;
      report.failed += sent.failed;
    }
  }
  return report;
}

/** For tests and the meeting page: the meeting's reminders as stored. */
export function remindersOf(partnershipId: string, meetingId: string) {
  return withTenant(partnershipId, (tx) =>
    tx.reminderDelivery.findMany({ where: { partnershipId, meetingId }, orderBy: { email: "asc" } }),
  );
}
