// The digest's content (issue 7, part 2): what a member's e-mail says and in which
// order, what it keeps out (progress notes, unless the partnership opts in), times in
// London across BST, and the manager's preview and "Send now".
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadBoardDigest, makeDigestRenderer, renderDigestFor } from "~/modules/digest/digest-content.server";
import { digestUnsubscribeUrl } from "~/modules/digest/unsubscribe.server";
import { BoardDigestSettingsSchema, DigestNotesSettingSchema } from "~/modules/digest/digest-settings-schema";
import { getBoardDigestSettings, getDigestNotesSetting, saveBoardDigestSettings, saveDigestNotesSetting } from "~/modules/digest/digest-settings.server";
import { getDigestPage, sendDigestNow } from "~/modules/digest/report.server";
import { FIND_DUE_DIGESTS } from "~/modules/jobs/tasks.server";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "../editing/helpers";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;

let world: World;
let boardId: string;
let meetingId: string;
const NOTE = "Funding delayed.";
const SECRET = "The victim at 12 Acacia Avenue asked for a review";

/** A July meeting at 18:30 (BST) with two agenda items, a member with an address and one without. */
beforeAll(async () => {
  world = await partnershipWithActors();
  const partnershipId = world.partnershipId;
  ({ boardId, meetingId } = await withTenant(partnershipId, async (tx) => {
    const board = await tx.board.findFirstOrThrow({ where: { partnershipId, name: "Community Safety Board" }, select: { id: true } });
    const people = [
      { id: randomUUID(), partnershipId, name: "Alex Reachable", email: `alex-${world.slug}@test.example` },
      { id: randomUUID(), partnershipId, name: "Pat Paperless" },
    ];
    await tx.person.createMany({ data: people });
    await tx.boardMember.createMany({ data: people.map((p) => ({ partnershipId, boardId: board.id, personId: p.id })) });
    const meeting = await tx.meeting.create({
      data: {
        partnershipId,
        boardId: board.id,
        heldOn: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 6, 14)),
        startTime: new Date("1970-01-01T18:30:00Z"),
        place: "Town Hall, Committee Room 1",
      },
      select: { id: true },
    });
    await tx.agendaItem.createMany({
      data: [
        { partnershipId, meetingId: meeting.id, number: "1", position: 1, title: "Burglary performance", reportOf: "Insp Jane Lead", purpose: "To review the red actions", decisionSought: "Agree a recovery plan" },
        { partnershipId, meetingId: meeting.id, number: "2", position: 2, title: "Any other business" },
      ],
    });
    // A progress update whose audit record carries the note's text.
    await tx.auditEvent.create({
      data: {
        partnershipId,
        actorName: "Insp Jane Lead",
        actorAgencyName: "Test Constabulary",
        action: "updated progress",
        entityType: "Action",
        entityId: world.policeAction.id,
        before: { rag: "AMBER" },
        after: { rag: "RED", note: SECRET },
      },
    });
    return { boardId: board.id, meetingId: meeting.id };
  }));
});

async function render(options: { includeNotes?: boolean } = {}) {
  await withTenant(world.partnershipId, (tx) =>
    tx.partnership.update({ where: { id: world.partnershipId }, data: { digestIncludesNotes: options.includeNotes ?? false } }),
  );
  const digest = await withTenant(world.partnershipId, (tx) => loadBoardDigest(tx, world.partnershipId, meetingId));
  if (!digest) throw new Error("no digest");
  return renderDigestFor(digest, { name: "Alex Reachable" });
}

function positions(haystack: string, needles: string[]) {
  return needles.map((needle) => haystack.indexOf(needle));
}

describe("the digest e-mail", () => {
  it("has the meeting, then areas of concern first (red before amber), priorities, indicators, changes and what is waiting, in HTML and text", async () => {
    const email = await render();
    const year = new Date().getUTCFullYear() + 1;
    expect(email.subject).toBe(`Community Safety Board: briefing for the meeting on 14 July ${year}`);
    const ids = ["meeting", "concerns", "priorities", "indicators", "changes", "waiting"];
    const headings = ["The meeting", "Areas of concern", "Priorities the board oversees", "Indicators", "What changed since the last meeting", "Still waiting for an update"];
    const inHtml = ids.map((id) => email.html.indexOf(`id="${id}"`));
    // The plain text has each section's heading on a line of its own, in capitals.
    const inText = headings.map((heading) => email.text.indexOf(`\n${heading.toUpperCase()}\n`));
    for (const [body, at] of [[email.html, inHtml], [email.text, inText]] as const) {
      expect(at.every((p) => p >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const [red, amber] = positions(body, ["Launch a target-hardening scheme", "Joint patrols in hotspots"]);
      expect(red).toBeGreaterThan(at[1]!);
      expect(amber).toBeGreaterThan(red!);
      expect(body).toContain("Dear Alex Reachable,");
      expect(body).toContain("1. Burglary performance");
      expect(body).toContain("Decision sought: Agree a recovery plan");
      expect(body).toContain("Town Hall, Committee Room 1");
      // Words, not colour alone; owners; when last updated.
      expect(body).toMatch(/Red\. Owner: TC\. Last updated \d{1,2} \w+ \d{4}\./);
      expect(body).toContain("Amber. Owner: TC.");
      expect(body).toContain("1. Reduce burglary");
      expect(body).toContain("Led by Insp Jane Lead (TC).");
      expect(body).toContain("LOCAL 1: Residential burglary rate");
      expect(body).toContain("Baseline: 12.5 per 1,000 households (2024/25)");
      expect(body).toContain("Direction: lower is better.");
      expect(body).toContain("Insp Jane Lead, Test Constabulary");
    }
    expect(email.html).toContain(`/${world.slug}/actions/${world.policeAction.id}`);
    expect(email.html).toContain(`/${world.slug}/meetings/${meetingId}`);
    // Tables for layout, nothing Outlook cannot draw.
    expect(email.html).not.toMatch(/display:\s*(flex|grid)/);
  });

  it("shows a July meeting at 18:30 as 6:30pm, London time in summer", async () => {
    const email = await render();
    expect(email.text).toContain("at 6:30pm");
    expect(email.text).toContain("Time: 6:30pm");
    expect(email.html).not.toContain("5:30pm");
  });

  it("keeps progress notes out by default, linking to them instead, and includes them when the partnership opts in", async () => {
    const closed = await render();
    for (const body of [closed.html, closed.text]) {
      expect(body).not.toContain(NOTE);
      expect(body).not.toContain(SECRET);
      expect(body).toContain("Read the progress notes for Launch a target-hardening scheme");
      expect(body).toContain("wrote a note (read it in the app)");
    }
    const open = await render({ includeNotes: true });
    for (const body of [open.html, open.text]) {
      expect(body).toContain(NOTE);
      expect(body).toContain(SECRET);
    }
  });
});

describe("the manager's digest page", () => {
  it("previews what a named member receives and shows a member without an address as not reachable", async () => {
    const manager = await world.actor("PARTNERSHIP_MANAGER");
    await render();
    const page = await getDigestPage(manager, meetingId, null);
    expect(page?.member?.name).toBe("Alex Reachable");
    expect(page?.preview?.text).toContain("Dear Alex Reachable,");
    expect(page?.report.unreachable.map((p) => p.name)).toEqual(expect.arrayContaining(["Pat Paperless"]));
    expect(page?.report.unreachable.map((p) => p.name)).not.toContain("Alex Reachable");
    const paperless = page!.members.find((m) => m.name === "Pat Paperless")!;
    expect(paperless.email).toBeNull();
    const chosen = await getDigestPage(manager, meetingId, paperless.personId);
    expect(chosen?.preview?.text).toContain("Dear Pat Paperless,");
  });

  it("is for managers only: an agency editor cannot preview or send (403), and another partnership's meeting is not found", async () => {
    const editor = await world.actor("AGENCY_EDITOR", world.agencies.police);
    expect(await thrownStatus(() => getDigestPage(editor, meetingId, null))).toBe(403);
    expect(await thrownStatus(() => sendDigestNow(editor, meetingId))).toBe(403);
    const other = await partnershipWithActors();
    const theirManager = await other.actor("PARTNERSHIP_MANAGER");
    expect(await getDigestPage(theirManager, meetingId, null)).toBeNull();
    expect(await sendDigestNow(theirManager, meetingId)).toBeNull();
  });

  it("refuses a meeting already past with a clear message, and writes nothing", async () => {
    const manager = await world.actor("PARTNERSHIP_MANAGER");
    const past = await withTenant(world.partnershipId, (tx) =>
      tx.meeting.create({ data: { partnershipId: world.partnershipId, boardId, heldOn: new Date(Date.UTC(2020, 0, 15)) }, select: { id: true } }),
    );
    expect(await sendDigestNow(manager, past.id)).toEqual({ status: "refused", message: "The meeting has already happened: no digest is sent for it." });
    expect(await withTenant(world.partnershipId, (tx) => tx.digestRun.count({ where: { meetingId: past.id } }))).toBe(0);
  });

  it("Send now stores the run and enqueues the worker's search for due digests at once", async () => {
    const manager = await world.actor("PARTNERSHIP_MANAGER");
    const result = await sendDigestNow(manager, meetingId);
    expect(result).toMatchObject({ status: "sending", queued: true, run: { recipientCount: 1, batchCount: 1 } });
    const client = new pg.Client({ connectionString: inject("ownerUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ identifier: string; run_at: Date }>(
        `select t.identifier, j.run_at from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where j.key = $1`,
        [FIND_DUE_DIGESTS],
      );
      expect(rows.map((row) => row.identifier)).toEqual([FIND_DUE_DIGESTS]);
      expect(rows[0]!.run_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    } finally {
      await client.end();
    }
    // The app role may enqueue nothing else.
    const { db } = await import("~/utils/db.server");
    await expect(db().$executeRaw`select app_jobs.add_job('send_digest_batch', '{}'::json, null)`).rejects.toThrow(/may not enqueue/);
  });
});

describe("the digest's settings", () => {
  it("a manager sets a board's days before, reminder days and approval, audited; other roles are refused; nonsense is refused with a message", async () => {
    const manager = await world.actor("PARTNERSHIP_MANAGER");
    const parsed = BoardDigestSettingsSchema.parse({ intent: "digest", digestDaysBefore: " 7 ", reminderDaysBefore: "2", digestNeedsApproval: "yes" });
    expect(parsed).toEqual({ intent: "digest", digestDaysBefore: 7, reminderDaysBefore: 2, digestNeedsApproval: true });
    expect(BoardDigestSettingsSchema.parse({ intent: "digest", digestDaysBefore: "0", reminderDaysBefore: "3" }).digestNeedsApproval).toBe(false);
    for (const typed of ["-1", "five", "61", "2.5", ""]) {
      const days = BoardDigestSettingsSchema.safeParse({ intent: "digest", digestDaysBefore: typed, reminderDaysBefore: "3" });
      expect([typed, days.success]).toEqual([typed, false]);
      const reminder = BoardDigestSettingsSchema.safeParse({ intent: "digest", digestDaysBefore: "5", reminderDaysBefore: typed });
      expect([typed, reminder.success]).toEqual([typed, false]);
    }
    expect(await saveBoardDigestSettings(manager, boardId, parsed)).toEqual({ status: "saved" });
    expect(await getBoardDigestSettings(manager, boardId)).toEqual({ digestDaysBefore: 7, reminderDaysBefore: 2, digestNeedsApproval: true });
    const audit = await withTenant(world.partnershipId, (tx) => tx.auditEvent.findFirst({ where: { entityId: boardId, action: "changed the briefing settings" } }));
    expect(audit?.after).toEqual({ digestDaysBefore: 7, reminderDaysBefore: 2, digestNeedsApproval: true });
    const editor = await world.actor("AGENCY_EDITOR", world.agencies.police);
    expect(await thrownStatus(() => saveBoardDigestSettings(editor, boardId, { ...parsed, digestDaysBefore: 1 }))).toBe(403);
    expect(await getBoardDigestSettings(manager, randomUUID())).toBeNull();
    await saveBoardDigestSettings(manager, boardId, { intent: "digest", digestDaysBefore: 5, reminderDaysBefore: 3, digestNeedsApproval: false });
  });

  it("a manager chooses whether briefings include progress notes", async () => {
    const manager = await world.actor("PARTNERSHIP_MANAGER");
    await saveDigestNotesSetting(manager, DigestNotesSettingSchema.parse({ digestIncludesNotes: "yes" }));
    expect(await getDigestNotesSetting(manager)).toEqual({ digestIncludesNotes: true });
    await saveDigestNotesSetting(manager, DigestNotesSettingSchema.parse({ digestIncludesNotes: "no" }));
    expect(await getDigestNotesSetting(manager)).toEqual({ digestIncludesNotes: false });
    const viewer = await world.actor("VIEWER");
    expect(await thrownStatus(() => saveDigestNotesSetting(viewer, { digestIncludesNotes: true }))).toBe(403);
  });
});

describe("the worker's renderer", () => {
  it("puts each member's own signed unsubscribe link in the footer", async () => {
    const renderer = makeDigestRenderer();
    const context = await withTenant(world.partnershipId, async (tx) => {
      const meeting = await tx.meeting.findFirstOrThrow({
        where: { partnershipId: world.partnershipId, id: meetingId },
        select: { id: true, heldOn: true, startTime: true, place: true, onlineUrl: true, board: { select: { id: true, name: true } } },
      });
      const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: world.partnershipId }, select: { id: true, slug: true, name: true, timeZone: true } });
      return { partnership, meeting };
    });
    const personId = randomUUID();
    const email = await withTenant(world.partnershipId, (tx) => renderer(tx, context, { personId, name: "Alex Reachable", email: "alex@test.example" }));
    const expected = digestUnsubscribeUrl(world.partnershipId, context.meeting.board.id, personId);
    expect(email.html).toContain(expected);
    expect(email.text).toContain(expected);
    expect(email.html).not.toContain(digestUnsubscribeUrl(world.partnershipId, context.meeting.board.id, randomUUID()));
  });
});
