// One-click unsubscribe (issue 7, parts 6 and 8): a member opens the link from a digest,
// confirms, and is told so; a mail client's one-click POST (no session, no Origin)
// works too; a tampered link is refused; the next send skips both and still carries
// the List-Unsubscribe headers; a member turns digests off on the preferences page.
// Axe on each page. The production build has no /dev/outbox: the outbox is read from
// the database, and the link is built with the token function and the server's secret.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { expect, test } from "@playwright/test";
import { deriveAppUrl } from "../../scripts/lib/database.js";
import { expectNoAxeViolations, signIn } from "./axe";
import { e2eDatabaseUrl, withE2eDatabase } from "./e2e-database";

const port = process.env.E2E_PORT ?? "3100";
// What scripts/e2e-server.ts gives the app, so the token signed here is the server's.
process.env.SESSION_SECRET = "e2e-session-secret-not-for-production";
process.env.APP_URL = `http://localhost:${port}`;
process.env.APP_DATABASE_URL ??= deriveAppUrl(e2eDatabaseUrl());
const { digestUnsubscribeToken } = await import("../../app/modules/digest/unsubscribe.server");

const PASSWORD = "unsubscribe-test-password";

/** A board of the demo partnership with three members and a meeting in a month; Kim can sign in. */
async function boardWithMeeting() {
  const tag = randomUUID().slice(0, 8);
  const members = ["Robin", "Sasha", "Kim"].map((first) => ({ id: randomUUID(), name: `${first} Reader ${tag}`, email: `${first.toLowerCase()}-${tag}@unsubscribe.example` }));
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Partnership" where slug = 'barnet'`);
    const partnershipId = rows[0]!.id;
    const boardId = randomUUID();
    await client.query(`insert into "Board" (id, "partnershipId", name, kind) values ($1, $2, $3, 'SUB_BOARD')`, [boardId, partnershipId, `Unsubscribe Test Board ${tag}`]);
    for (const member of members) {
      await client.query(`insert into "Person" (id, "partnershipId", name, email) values ($1, $2, $3, $4)`, [member.id, partnershipId, member.name, member.email]);
      await client.query(`insert into "BoardMember" (id, "partnershipId", "boardId", "personId") values (gen_random_uuid(), $1, $2, $3)`, [partnershipId, boardId, member.id]);
    }
    const kim = members[2]!;
    const user = await client.query<{ id: string }>(
      `insert into "User" (id, email, name, "passwordHash") values (gen_random_uuid(), $1, $2, $3) returning id`,
      [kim.email, kim.name, await hash(PASSWORD)],
    );
    await client.query(
      `insert into "Membership" (id, "partnershipId", "userId", role, "personId") values (gen_random_uuid(), $1, $2, 'BOARD_MEMBER', $3)`,
      [partnershipId, user.rows[0]!.id, kim.id],
    );
    const meetingId = randomUUID();
    await client.query(
      `insert into "Meeting" (id, "partnershipId", "boardId", "heldOn", place)
       values ($1, $2, $3, (now() at time zone 'Europe/London')::date + 30, 'Committee Room 2')`,
      [meetingId, partnershipId, boardId],
    );
    return { partnershipId, boardId, meetingId, tag, members };
  });
}

function outboxFor(meetingId: string) {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ to: string; headers: Record<string, string> | null }>(
      `select "to", headers from "OutboxEmail" where "idempotencyKey" like $1 order by "to"`,
      [`digest/${meetingId}/%`],
    );
    return rows;
  });
}

function optOutsOf(boardId: string) {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ personId: string }>(`select "personId" from "DigestOptOut" where "boardId" = $1 order by "personId"`, [boardId]);
    return rows.map((row) => row.personId);
  });
}

function startWorker(): ChildProcess {
  const ownerUrl = e2eDatabaseUrl();
  return spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts/worker.ts")], {
    cwd: process.cwd(),
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: ownerUrl, APP_DATABASE_URL: deriveAppUrl(ownerUrl), APP_URL: `http://localhost:${port}`, WORKER_POLL_INTERVAL_MS: "250" },
  });
}

test("a member unsubscribes from a board's digest by its link, one-click works without a session, and the next send skips them", async ({ page, playwright }) => {
  const { partnershipId, boardId, meetingId, tag, members } = await boardWithMeeting();
  const [robin, sasha, kim] = [members[0]!, members[1]!, members[2]!];

  // The link from the digest: the page says what the button will do, and nothing changes yet.
  const robinLink = `/unsubscribe/${digestUnsubscribeToken(partnershipId, boardId, robin.id)}`;
  await page.goto(robinLink);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Unsubscribe from the Unsubscribe Test Board ${tag} digest`);
  await expectNoAxeViolations(page);
  expect(await optOutsOf(boardId)).toEqual([]);
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have unsubscribed");
  await expectNoAxeViolations(page);

  // A tampered link: refused, and said so.
  const tampered = robinLink.slice(0, -3) + (robinLink.endsWith("AAA") ? "BBB" : "AAA");
  const refused = await page.goto(tampered);
  expect(refused?.status()).toBe(400);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This unsubscribe link is not valid");
  await expectNoAxeViolations(page);

  // What a mail client does with List-Unsubscribe-Post: no cookie, no Origin.
  const mailClient = await playwright.request.newContext({ baseURL: `http://localhost:${port}` });
  const oneClick = await mailClient.post(`/unsubscribe/${digestUnsubscribeToken(partnershipId, boardId, sasha.id)}`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(oneClick.status()).toBe(200);
  await mailClient.dispose();
  expect(await optOutsOf(boardId)).toEqual([robin.id, sasha.id].sort());

  // The next send goes to Kim only, with the unsubscribe headers.
  await signIn(page, "manager@barnet.example");
  await page.goto(`/barnet/meetings/${meetingId}/digest`);
  await page.getByRole("button", { name: "Send now" }).click();
  const worker = startWorker();
  try {
    await expect.poll(async () => (await outboxFor(meetingId)).length, { timeout: 45_000, intervals: [500] }).toBe(1);
  } finally {
    worker.kill("SIGTERM");
  }
  const [sent] = await outboxFor(meetingId);
  expect(sent?.to).toBe(kim.email);
  expect(sent?.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  expect(sent?.headers?.["List-Unsubscribe"]).toMatch(new RegExp(`^<http://localhost:${port}/unsubscribe/[A-Za-z0-9_-]{107}>$`));
});

test("a member turns a board's digest and reminders off on the preferences page", async ({ page }) => {
  const { boardId, tag, members } = await boardWithMeeting();
  const kim = members[2]!;
  await signIn(page, kim.email, PASSWORD);
  await page.goto("/barnet/preferences");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("E-mail preferences");
  await expectNoAxeViolations(page);
  const digest = page.getByLabel(`Unsubscribe Test Board ${tag}`);
  await expect(digest).toBeChecked();
  await digest.uncheck();
  await page.getByLabel("Remind me to update what I lead before a board meeting").uncheck();
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Your e-mail preferences have been saved.")).toBeVisible();
  await expect(page.getByLabel(`Unsubscribe Test Board ${tag}`)).not.toBeChecked();
  await expect(page.getByLabel("Remind me to update what I lead before a board meeting")).not.toBeChecked();
  await expectNoAxeViolations(page);
  expect(await optOutsOf(boardId)).toEqual([kim.id]);
});
