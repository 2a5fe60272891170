// A manager previews a meeting's briefing e-mail for a named member, sends it now, and
// the worker sends one e-mail to each member with an address (issue 7, part 8). No
// worker runs beside the browser tests' server, so this test starts the real one
// (scripts/worker.ts) against the same database for as long as the send takes. The
// production build has no /dev/outbox: the outbox is read from the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { deriveAppUrl } from "../../scripts/lib/database.js";
import { expectNoAxeViolations, signIn } from "./axe";
import { e2eDatabaseUrl, withE2eDatabase } from "./e2e-database";

const tag = randomUUID().slice(0, 8);
const members = [
  { name: `Robin Briefed ${tag}`, email: `robin-${tag}@digest.example` },
  { name: `Sasha Briefed ${tag}`, email: `sasha-${tag}@digest.example` },
  { name: `Pat Paperless ${tag}`, email: null },
];

/** A board of the demo partnership with three members, and its meeting in a month with an agenda. */
async function boardWithMeeting(boardName = `Briefing Test Board ${tag}`): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(`select id from "Partnership" where slug = 'barnet'`);
    const partnershipId = rows[0]!.id;
    const boardId = randomUUID();
    await client.query(`insert into "Board" (id, "partnershipId", name, kind) values ($1, $2, $3, 'SUB_BOARD')`, [boardId, partnershipId, boardName]);
    for (const member of members) {
      const personId = randomUUID();
      await client.query(`insert into "Person" (id, "partnershipId", name, email) values ($1, $2, $3, $4)`, [personId, partnershipId, member.name, member.email]);
      await client.query(`insert into "BoardMember" (id, "partnershipId", "boardId", "personId") values (gen_random_uuid(), $1, $2, $3)`, [partnershipId, boardId, personId]);
    }
    const meetingId = randomUUID();
    await client.query(
      `insert into "Meeting" (id, "partnershipId", "boardId", "heldOn", "startTime", place)
       values ($1, $2, $3, (now() at time zone 'Europe/London')::date + 30, '18:30', 'Committee Room 2')`,
      [meetingId, partnershipId, boardId],
    );
    await client.query(
      `insert into "AgendaItem" (id, "partnershipId", "meetingId", number, position, title, "decisionSought")
       values (gen_random_uuid(), $1, $2, '1', 1, 'Quarterly performance', 'Agree the recovery plan')`,
      [partnershipId, meetingId],
    );
    return meetingId;
  });
}

function outboxFor(meetingId: string) {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ to: string; subject: string; text: string }>(
      `select "to", subject, text from "OutboxEmail" where "idempotencyKey" like $1 order by "to"`,
      [`digest/${meetingId}/%`],
    );
    return rows;
  });
}

function startWorker(): ChildProcess {
  const ownerUrl = e2eDatabaseUrl();
  return spawn(process.execPath, ["--import", "tsx", path.join(process.cwd(), "scripts/worker.ts")], {
    cwd: process.cwd(),
    stdio: "ignore",
    env: {
      ...process.env,
      DATABASE_URL: ownerUrl,
      APP_DATABASE_URL: deriveAppUrl(ownerUrl),
      APP_URL: `http://localhost:${process.env.E2E_PORT ?? "3100"}`,
      WORKER_POLL_INTERVAL_MS: "250",
    },
  });
}

test("a manager previews a member's briefing, sends it now, and each member with an address gets one e-mail", async ({ page }) => {
  const meetingId = await boardWithMeeting();
  await signIn(page, "manager@barnet.example");
  await page.goto(`/barnet/meetings/${meetingId}`);
  await page.getByRole("link", { name: "Briefing e-mail to members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Briefing e-mail for the meeting on");
  await expect(page.locator("#unreachable")).toContainText(`Pat Paperless ${tag}: no e-mail address`);
  await expect(page.getByText("Not sent yet. It will go to 2 of the board's 3 members.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The preview: a named member's e-mail, exactly as it will go.
  await page.getByLabel("Show the e-mail for").selectOption({ label: `Sasha Briefed ${tag}` });
  await page.getByRole("button", { name: "Show preview" }).click();
  await expect(page.locator("#preview-text")).toContainText(`Dear Sasha Briefed ${tag},`);
  await expect(page.locator("#preview-text")).toContainText("at 6:30pm");
  await expect(page.locator("#preview-text")).toContainText("AREAS OF CONCERN");
  await expect(page.locator("#preview-subject")).toContainText(`Briefing Test Board ${tag}: briefing for the meeting on`);
  await expectNoAxeViolations(page);
  const html = await page.request.get(`/barnet/meetings/${meetingId}/digest/email?member=${new URL(page.url()).searchParams.get("member")}`);
  expect(html.status()).toBe(200);
  expect(html.headers()["content-security-policy"]).toContain("sandbox");
  expect(await html.text()).toContain(`Dear Sasha Briefed ${tag},`);

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("The briefing is being sent")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send now" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const worker = startWorker();
  try {
    await expect.poll(async () => (await outboxFor(meetingId)).length, { timeout: 45_000, intervals: [500] }).toBe(2);
  } finally {
    worker.kill("SIGTERM");
  }
  const sent = await outboxFor(meetingId);
  expect(sent.map((email) => email.to)).toEqual(members.filter((m) => m.email).map((m) => m.email).sort());
  expect(sent.every((email) => email.subject.startsWith(`Briefing Test Board ${tag}: briefing for the meeting on`))).toBe(true);
  expect(sent.find((email) => email.to.startsWith("robin"))?.text).toContain(`Dear Robin Briefed ${tag},`);

  await page.reload();
  await expect(page.locator(".govuk-summary-list").first()).toContainText("Sent");
  await expect(page.locator(".govuk-summary-list").first()).toContainText("2 of 2");
  await expectNoAxeViolations(page);
});

test("a manager sets a board's briefing to need approval and the partnership's briefings to leave notes out", async ({ page }) => {
  const meetingId = await boardWithMeeting(`Approval Test Board ${tag}`);
  await signIn(page, "manager@barnet.example");
  await page.goto(`/barnet/meetings/${meetingId}/digest`);
  await page.getByRole("link", { name: "Change the board's briefing settings" }).click();
  await expect(page.getByRole("heading", { name: "Briefing e-mail before each meeting" })).toBeVisible();
  await page.getByLabel("Days before the meeting").fill("lots");
  await page.getByRole("button", { name: "Save briefing settings" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a whole number of days from 0 to 60, like 5");
  await expectNoAxeViolations(page);
  await page.getByLabel("Days before the meeting").fill("7");
  await page.getByLabel("A manager approves each briefing before it goes").check();
  // The fields show what was typed at once: wait for the save itself, or the next page
  // may be read before it is written.
  const saved = page.waitForResponse((response) => response.request().method() === "POST" && response.url().includes("/settings/boards/"));
  await page.getByRole("button", { name: "Save briefing settings" }).click();
  expect((await saved).status()).toBeLessThan(400);
  await expect(page.getByLabel("Days before the meeting")).toHaveValue("7");
  await expect(page.getByLabel("A manager approves each briefing before it goes")).toBeChecked();

  await page.goto(`/barnet/meetings/${meetingId}/digest`);
  await expect(page.getByText("The board's briefings need a manager's approval")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve and send now" })).toBeVisible();

  await page.goto("/barnet/settings");
  await page.getByRole("link", { name: "Briefing e-mails" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Briefing e-mails");
  await expect(page.getByLabel("No, link to the notes in the app")).toBeChecked();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Briefing e-mail settings saved")).toBeVisible();
  await expectNoAxeViolations(page);
});
