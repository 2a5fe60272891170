// Update reminders (issue 7, part 3): which lead officer is reminded of what, exactly
// once per meeting, and never for a past meeting. find_due_reminders scans every
// partnership, so this file has a database of its own.
import { beforeAll, describe, expect, it } from "vitest";
import { suppressAddress } from "~/modules/email-suppression/email-suppression.server";
import {
  findDueRemindersAndSend,
  prepareReminders,
  reminderIdempotencyKey,
  remindersOf,
  sendPendingReminders,
  type ReminderSender,
} from "~/modules/reminders/reminders.server";
import { EmailSendError, sendEmail } from "~/utils/email.server";
import { db, withTenant } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";
import { createPartnership, createUser, idsOf, smallProfile, uniqueSlug } from "../factories";
import { ownDatabaseForThisFile } from "../digest/helpers";

ownDatabaseForThisFile();

const DAY = 86_400_000;
const today = () => todayIn();

/**
 * A partnership whose Community Safety Board meets in 8 days (its digest goes 5 days
 * before, its reminders 3 days before that: today), last met 30 days ago, with every
 * item last touched 60 days ago but the action "Joint patrols in hotspots", updated today.
 */
async function world() {
  const slug = uniqueSlug("remind");
  const { partnershipId } = await createPartnership(smallProfile(slug));
  const ids = await idsOf(partnershipId);
  const agency = (name: string) => ids.agencies.find((a) => a.name.includes(name))!.id;
  const editor = async (name: string, agencyName: string) =>
    createUser({ name, memberships: [{ partnershipId, role: "AGENCY_EDITOR", agencyId: agency(agencyName) }] });
  const police = await editor("Police Editor", "Constabulary");
  const council = await editor("Council Editor", "Council");
  const probation = await editor("Probation Editor", "Probation");
  const longAgo = new Date(Date.now() - 60 * DAY);
  const inspectorEmail = `inspector-${slug}@test.example`;
  const meeting = await withTenant(partnershipId, async (tx) => {
    const board = await tx.board.findFirstOrThrow({ where: { partnershipId, name: "Community Safety Board" }, select: { id: true } });
    await tx.meeting.create({ data: { partnershipId, boardId: board.id, heldOn: new Date(today().getTime() - 30 * DAY), recordedAsPast: true } });
    await tx.person.updateMany({ where: { partnershipId, name: "Insp Jane Lead" }, data: { email: inspectorEmail } });
    // @updatedAt would stamp now on a Prisma update: the dates are set in SQL.
    await tx.$executeRaw`UPDATE "Priority" SET "updatedAt" = ${longAgo} WHERE "partnershipId" = ${partnershipId}::uuid`;
    await tx.$executeRaw`UPDATE "Action" SET "updatedAt" = ${longAgo} WHERE "partnershipId" = ${partnershipId}::uuid AND "title" <> 'Joint patrols in hotspots'`;
    await tx.$executeRaw`UPDATE "ProgressNote" SET "createdAt" = ${longAgo} WHERE "partnershipId" = ${partnershipId}::uuid`;
    await tx.$executeRaw`UPDATE "Figure" SET "updatedAt" = ${longAgo} WHERE "partnershipId" = ${partnershipId}::uuid`;
    return tx.meeting.create({
      data: { partnershipId, boardId: board.id, heldOn: new Date(today().getTime() + 8 * DAY), place: "Town Hall" },
      select: { id: true },
    });
  });
  return { partnershipId, slug, meetingId: meeting.id, police, council, probation, inspectorEmail };
}

let ours: Awaited<ReturnType<typeof world>>;
let theirs: Awaited<ReturnType<typeof world>>;

beforeAll(async () => {
  ours = await world();
  theirs = await world();
}, 120_000);

const outboxTo = (email: string) => db().outboxEmail.findMany({ where: { to: email.toLowerCase() } });

describe("find_due_reminders", () => {
  it("reminds each lead officer once, of exactly their items not updated since the last meeting, even when it runs twice", async () => {
    const first = await findDueRemindersAndSend(new Date());
    const second = await findDueRemindersAndSend(new Date());
    expect(first.meetings.sort()).toEqual([ours.meetingId, theirs.meetingId].sort());
    expect(first.sent).toBe(4);
    expect(second.sent).toBe(0);

    const rows = await remindersOf(ours.partnershipId, ours.meetingId);
    expect(rows.map((row) => [row.email, row.status, row.itemCount])).toEqual(
      [
        [ours.police.email, "SENT", 3],
        [ours.inspectorEmail, "SENT", 1],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // The police editor: the priority their agency leads, its stale open action, the indicator it leads.
    const [police] = await outboxTo(ours.police.email);
    expect(police?.idempotencyKey).toBe(reminderIdempotencyKey(ours.meetingId, rows.find((r) => r.email === ours.police.email)!.id));
    expect(police?.subject).toContain("Community Safety Board");
    expect(police?.text).toContain("1. Reduce burglary");
    expect(police?.text).toContain("Launch a target-hardening scheme");
    expect(police?.text).toContain("LOCAL 1: Residential burglary rate");
    expect(police?.text).toContain(`/${ours.slug}/actions/`);
    // Updated since the meeting, closed, or another partnership's: not listed.
    expect(police?.text).not.toContain("Joint patrols in hotspots");
    expect(police?.text).not.toContain("Publish burglary advice");
    expect(police?.text).not.toContain(theirs.slug);

    // The inspector is the named lead of the priority, and owns no action.
    const [inspector] = await outboxTo(ours.inspectorEmail);
    expect(inspector?.text).toContain("1. Reduce burglary");
    expect(inspector?.text).not.toContain("Launch a target-hardening scheme");

    // The council's only action on the board is complete; probation leads nothing on it.
    expect(await outboxTo(ours.council.email)).toEqual([]);
    expect(await outboxTo(ours.probation.email)).toEqual([]);
    // Exactly one e-mail each, in both partnerships.
    for (const email of [ours.police.email, ours.inspectorEmail, theirs.police.email, theirs.inspectorEmail]) {
      expect(await outboxTo(email)).toHaveLength(1);
    }
  });

  it("sends nothing for a past meeting", async () => {
    const past = await withTenant(ours.partnershipId, async (tx) => {
      const board = await tx.board.findFirstOrThrow({ where: { partnershipId: ours.partnershipId, name: "Community Safety Board" }, select: { id: true } });
      return tx.meeting.create({
        data: { partnershipId: ours.partnershipId, boardId: board.id, heldOn: new Date(today().getTime() - 2 * DAY) },
        select: { id: true },
      });
    });
    expect(await prepareReminders(ours.partnershipId, past.id)).toEqual({ created: 0, pending: 0 });
    expect(await remindersOf(ours.partnershipId, past.id)).toEqual([]);
  });

  it("skips an address that turned reminders off, marks a suppressed one, and retries a 429 under the same key", async () => {
    const w = await world();
    await withTenant(w.partnershipId, (tx) => tx.reminderOptOut.create({ data: { partnershipId: w.partnershipId, email: w.inspectorEmail } }));
    await suppressAddress(w.police.email, "BOUNCED", null);
    expect(await prepareReminders(w.partnershipId, w.meetingId)).toEqual({ created: 1, pending: 0 });
    expect((await remindersOf(w.partnershipId, w.meetingId)).map((r) => [r.email, r.status])).toEqual([[w.police.email, "SUPPRESSED"]]);

    const w2 = await world();
    const keys: string[] = [];
    let calls = 0;
    const flaky: ReminderSender = async (email) => {
      keys.push(email.idempotencyKey ?? "");
      calls += 1;
      if (calls === 1) throw new EmailSendError("Resend refused the e-mail (429): Too many requests", { statusCode: 429 });
      return sendEmail(email);
    };
    await prepareReminders(w2.partnershipId, w2.meetingId);
    const first = await sendPendingReminders(w2.partnershipId, w2.meetingId, { send: flaky });
    expect(first).toEqual({ sent: 1, failed: 1, suppressed: 0 });
    const second = await sendPendingReminders(w2.partnershipId, w2.meetingId, { send: flaky });
    expect(second).toEqual({ sent: 1, failed: 0, suppressed: 0 });
    const rows = await remindersOf(w2.partnershipId, w2.meetingId);
    expect(rows.every((row) => row.status === "SENT")).toBe(true);
    const retried = rows.find((row) => row.attempts === 1)!;
    expect(keys.filter((key) => key === reminderIdempotencyKey(w2.meetingId, retried.id))).toHaveLength(2);
    expect(await outboxTo(retried.email)).toHaveLength(1);
  });
});
