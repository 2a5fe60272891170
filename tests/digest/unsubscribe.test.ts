// Unsubscribing from a board's digests (issue 7, part 6; RFC 8058): the headers every
// digest carries (here through the local outbox), the one-click POST with no session
// and no Origin, the GET that changes nothing, a tampered or forged token, the next
// run that skips the member, and a suppressed address.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDigestRun, sendDigestBatch, type DigestRenderer } from "~/modules/digest/delivery.server";
import {
  digestUnsubscribeToken,
  digestUnsubscribeUrl,
  readDigestUnsubscribeToken,
} from "~/modules/digest/unsubscribe.server";
import { getEmailPreferences, saveEmailPreferences } from "~/modules/digest/unsubscribe-preferences.server";
import { digestOptOutReport } from "~/modules/digest/unsubscribe-report.server";
import { suppressAddress } from "~/modules/email-suppression/email-suppression.server";
import { action, loader } from "~/routes/unsubscribe.$token";
import { withTenant } from "~/utils/db.server";
import { sendEmail, sendEmailBatch } from "~/utils/email.server";
import { env } from "~/utils/env.server";
import { createUser } from "../factories";
import { callRoute } from "../routes/call-route";
import { deliveriesOf, outboxByKeyPrefix, partnershipWithBoard } from "./helpers";

// The local outbox for this file (the environment is read on first use); restored after.
const savedKey = process.env.RESEND_API_KEY;
delete process.env.RESEND_API_KEY;
afterAll(() => {
  if (savedKey !== undefined) process.env.RESEND_API_KEY = savedKey;
});

// The digest's content is another test's concern: any renderer carries the headers.
const renderPlaceholderDigest: DigestRenderer = async (_tx, { meeting }, recipient) => ({
  subject: `${meeting.board.name}: your briefing`,
  html: `<p>Dear ${recipient.name}</p>`,
  text: `Dear ${recipient.name}`,
});

type Page = { valid: boolean; unsubscribed?: boolean; boardName?: string };
function pageOf(result: unknown): { status: number; page: Page } {
  const { data, init } = result as { data: Page; init: { status?: number } | null };
  return { status: init?.status ?? 200, page: data };
}

const optOutsOf = (partnershipId: string) => withTenant(partnershipId, (tx) => tx.digestOptOut.findMany({ where: { partnershipId } }));

async function newMeeting(partnershipId: string, boardId: string, inDays: number) {
  const heldOn = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + inDays));
  return withTenant(partnershipId, (tx) => tx.meeting.create({ data: { partnershipId, boardId, heldOn }, select: { id: true } }));
}

describe("the unsubscribe token", () => {
  it("names the partnership, board and person it was made for, and nothing else passes", () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()] as const;
    const token = digestUnsubscribeToken(...ids);
    expect(readDigestUnsubscribeToken(token)).toEqual({ partnershipId: ids[0], boardId: ids[1], personId: ids[2] });
    expect(digestUnsubscribeUrl(...ids)).toBe(`${new URL(env().APP_URL).origin}/unsubscribe/${token}`);

    const bytes = Buffer.from(token, "base64url");
    bytes[40] = bytes[40]! ^ 1; // another person, same MAC
    expect(readDigestUnsubscribeToken(bytes.toString("base64url"))).toBeNull();
    // Signed right, but with a secret that is not ours.
    const idBytes = Buffer.from(ids.map((id) => id.replace(/-/g, "")).join(""), "hex");
    const forged = Buffer.concat([idBytes, createHmac("sha256", "not-the-secret-at-all").update("digest-unsubscribe\0").update(idBytes).digest()]);
    expect(readDigestUnsubscribeToken(forged.toString("base64url"))).toBeNull();
    expect(readDigestUnsubscribeToken("")).toBeNull();
    expect(readDigestUnsubscribeToken(`${token}A`)).toBeNull();
  });
});

describe("digest e-mails", () => {
  it("carry List-Unsubscribe and List-Unsubscribe-Post, kept in the outbox", async () => {
    const board = await partnershipWithBoard(2);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const result = await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender: sendEmailBatch, renderer: renderPlaceholderDigest });
    expect(result).toEqual({ status: "sent", count: 2 });

    const outbox = await outboxByKeyPrefix(`digest/${board.meetingId}/`);
    expect(outbox).toHaveLength(2);
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    for (const [index, email] of outbox.entries()) {
      const headers = email.headers as Record<string, string>;
      expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
      const url = headers["List-Unsubscribe"]!.replace(/^<|>$/g, "");
      expect(url).toMatch(/^http.*\/unsubscribe\/[A-Za-z0-9_-]{107}$/);
      expect(readDigestUnsubscribeToken(url.split("/").at(-1)!)).toEqual({
        partnershipId: board.partnershipId,
        boardId: board.boardId,
        personId: rows[index]!.personId,
      });
    }
  });
});

describe("the unsubscribe link", () => {
  it("GET shows the confirmation and changes nothing; the one-click POST (no session, no Origin) unsubscribes; the next run skips the member", async () => {
    const board = await partnershipWithBoard(3);
    const leaver = board.people[1]!;
    const token = digestUnsubscribeToken(board.partnershipId, board.boardId, leaver.id);
    const path = `/unsubscribe/${token}`;

    const shown = pageOf(await callRoute(loader, { path, params: { token } }));
    expect(shown).toEqual({ status: 200, page: expect.objectContaining({ valid: true, unsubscribed: false, boardName: "Community Safety Board" }) });
    expect(await optOutsOf(board.partnershipId)).toEqual([]);

    // What a mail client sends for RFC 8058: a form POST with this one field, and no cookie.
    const posted = pageOf(await callRoute(action, { path, params: { token }, form: { "List-Unsubscribe": "One-Click" } }));
    expect(posted).toEqual({ status: 200, page: expect.objectContaining({ valid: true, unsubscribed: true }) });
    // Twice is harmless.
    expect(pageOf(await callRoute(action, { path, params: { token }, form: { "List-Unsubscribe": "One-Click" } })).status).toBe(200);
    expect((await optOutsOf(board.partnershipId)).map((o) => [o.boardId, o.personId])).toEqual([[board.boardId, leaver.id]]);
    expect(pageOf(await callRoute(loader, { path, params: { token } })).page.unsubscribed).toBe(true);

    await prepareDigestRun(board.partnershipId, board.meetingId);
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.map((row) => row.personId).sort()).toEqual([board.people[0]!.id, board.people[2]!.id].sort());

    // A later meeting of the same board: still skipped.
    const next = await newMeeting(board.partnershipId, board.boardId, 40);
    const run = await prepareDigestRun(board.partnershipId, next.id);
    expect(run.recipientCount).toBe(2);
    expect((await deliveriesOf(board.partnershipId, next.id)).some((row) => row.personId === leaver.id)).toBe(false);
  });

  it("refuses a tampered or forged token with a clear page, and changes nothing", async () => {
    const board = await partnershipWithBoard(2);
    const genuine = digestUnsubscribeToken(board.partnershipId, board.boardId, board.people[0]!.id);
    const bytes = Buffer.from(genuine, "base64url");
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x55;
    for (const token of [bytes.toString("base64url"), "not-a-token", genuine.slice(0, -2) + "AA"]) {
      const path = `/unsubscribe/${token}`;
      expect(pageOf(await callRoute(loader, { path, params: { token } }))).toEqual({ status: 400, page: { valid: false } });
      expect(pageOf(await callRoute(action, { path, params: { token }, form: { "List-Unsubscribe": "One-Click" } }))).toEqual({
        status: 400,
        page: { valid: false },
      });
    }
    expect(await optOutsOf(board.partnershipId)).toEqual([]);
  });
});

describe("suppressed addresses", () => {
  it("get a SUPPRESSED delivery, never sent, whether suppressed before the run or before the batch is rendered", async () => {
    const board = await partnershipWithBoard(3);
    await suppressAddress(board.people[0]!.email, "BOUNCED", "msg_test");
    await prepareDigestRun(board.partnershipId, board.meetingId);
    await suppressAddress(board.people[2]!.email.toUpperCase(), "COMPLAINED", "msg_test_2");
    expect(await sendDigestBatch(board.partnershipId, board.meetingId, 1, { sender: sendEmailBatch, renderer: renderPlaceholderDigest })).toEqual({
      status: "sent",
      count: 1,
    });
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    const statusOf = (index: number) => rows.find((row) => row.personId === board.people[index]!.id)?.status;
    expect([statusOf(0), statusOf(1), statusOf(2)]).toEqual(["SUPPRESSED", "SENT", "SUPPRESSED"]);
    expect((await outboxByKeyPrefix(`digest/${board.meetingId}/`)).map((e) => e.to)).toEqual([board.people[1]!.email.toLowerCase()]);

    // The manager sees them as bounced.
    const manager = await createUser({ name: "Manager", memberships: [{ partnershipId: board.partnershipId, role: "PARTNERSHIP_MANAGER" }] });
    const membership = await withTenant(board.partnershipId, (tx) => tx.membership.findFirstOrThrow({ where: { userId: manager.id }, select: { id: true } }));
    const actor = { userId: manager.id, userName: manager.name, partnershipId: board.partnershipId, membershipId: membership.id, role: "PARTNERSHIP_MANAGER" as const, agencyId: null };
    const report = await digestOptOutReport(actor, board.meetingId);
    expect(report?.bounced.map((b) => b.personId).sort()).toEqual([board.people[0]!.id, board.people[2]!.id].sort());
    expect(report?.unsubscribed).toEqual([]);
  });

  it("are refused by the single sender", async () => {
    const to = `bounced-${randomUUID().slice(0, 8)}@test.example`;
    await suppressAddress(to, "BOUNCED", null);
    expect(await sendEmail({ to, subject: "Hello", html: "<p>Hello</p>", text: "Hello" })).toEqual({ id: "", via: "suppressed" });
  });
});

describe("e-mail preferences", () => {
  it("turn a board's digest and reminders off and on again, for the member's own boards only", async () => {
    const board = await partnershipWithBoard(2);
    const person = board.people[0]!;
    const user = await createUser({ name: "Member One", memberships: [{ partnershipId: board.partnershipId, role: "BOARD_MEMBER" }] });
    const membership = await withTenant(board.partnershipId, (tx) =>
      tx.membership.update({ where: { partnershipId_userId: { partnershipId: board.partnershipId, userId: user.id } }, data: { personId: person.id }, select: { id: true } }),
    );
    const actor = { userId: user.id, userName: user.name, partnershipId: board.partnershipId, membershipId: membership.id, role: "BOARD_MEMBER" as const, agencyId: null };

    expect(await getEmailPreferences(actor)).toMatchObject({ boards: [{ id: board.boardId, digest: true }], reminders: true });
    await saveEmailPreferences(actor, { digestBoardIds: [randomUUID()], reminders: false });
    expect(await getEmailPreferences(actor)).toMatchObject({ boards: [{ id: board.boardId, digest: false }], reminders: false });
    expect((await optOutsOf(board.partnershipId)).map((o) => o.personId)).toEqual([person.id]);

    await saveEmailPreferences(actor, { digestBoardIds: [board.boardId], reminders: true });
    expect(await getEmailPreferences(actor)).toMatchObject({ boards: [{ id: board.boardId, digest: true }], reminders: true });
    expect(await optOutsOf(board.partnershipId)).toEqual([]);
  });
});
