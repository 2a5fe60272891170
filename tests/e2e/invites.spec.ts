// The Barnet manager invites a new agency editor; the invitee opens the link from
// the e-mail in a browser of their own, creates an account and lands in Barnet.
// The e2e server has no Resend key, so the e-mail is in its outbox table.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoAxeViolations, signIn } from "./axe";

/** The database scripts/e2e-server.ts made for this port (`safer_e2e_<port>`). */
function e2eDatabaseUrl() {
  const port = process.env.E2E_PORT ?? "3100";
  const server =
    process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_TEST_PORT ?? "54339"}/postgres`;
  const url = new URL(server);
  url.pathname = `/safer_e2e_${port}`;
  return url.toString();
}

async function invitePathSentTo(email: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ text: string }>(
      'select "text" from "OutboxEmail" where "to" = $1 order by "createdAt" desc limit 1',
      [email],
    );
    const match = rows[0]?.text.match(/\/invites\/[A-Za-z0-9_-]{43}/);
    if (!match) throw new Error(`no invitation e-mail to ${email}`);
    return match[0];
  } finally {
    await client.end();
  }
}

test("the Barnet manager invites an agency editor, who creates an account and lands in Barnet", async ({ page, browser }) => {
  const email = `fire.officer.${Date.now()}@lfb.example`;

  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet");
  // Let the page hydrate before clicking, so the click is the app's navigation.
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(page.getByRole("table", { name: /Members/ })).toContainText("manager@barnet.example");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Invite someone" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite someone");
  await expectNoAxeViolations(page);

  // An agency editor without an agency: the message by the field, what was typed kept.
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Agency editor", { exact: true }).check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Choose the agency this agency editor works for");
  await expect(page.locator(".govuk-error-message")).toContainText("Choose the agency this agency editor works for");
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await expect(page.getByLabel("Agency editor", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel("Agency", { exact: true }).selectOption({ label: "London Fire Brigade" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  const invitations = page.getByRole("table", { name: "Invitations not yet accepted" });
  await expect(invitations).toContainText(email);
  await expect(invitations).toContainText("London Fire Brigade");
  await expectNoAxeViolations(page);

  // The invitee, in a browser of their own.
  const invitePath = await invitePathSentTo(email);
  const invitee = await browser.newContext();
  const theirPage = await invitee.newPage();
  await theirPage.goto(invitePath);
  await theirPage.waitForLoadState("networkidle");
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Join Barnet Safer Communities Partnership");
  await expect(theirPage.getByText("as an agency editor for London Fire Brigade")).toBeVisible();
  await expectNoAxeViolations(theirPage);

  await theirPage.getByLabel("Full name").fill("Frances Fireofficer");
  await theirPage.getByLabel("Create a password").fill("password");
  await theirPage.getByRole("button", { name: /Create account and join/ }).click();
  await expect(theirPage.locator(".govuk-error-summary")).toContainText("This password is too common");
  await expect(theirPage.getByLabel("Full name")).toHaveValue("Frances Fireofficer");
  await expectNoAxeViolations(theirPage);

  await theirPage.getByLabel("Create a password").fill("ladders and hoses at dawn");
  await theirPage.getByRole("button", { name: /Create account and join/ }).click();
  await expect(theirPage).toHaveURL(/\/barnet$/);
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("Barnet Safer Communities Partnership");
  await expect(theirPage.getByText("Signed in as Frances Fireofficer")).toBeVisible();
  // An agency editor does not manage members.
  await expect(theirPage.getByRole("link", { name: "Members" })).toHaveCount(0);

  // The link works once.
  await theirPage.goto(invitePath);
  await expect(theirPage.getByRole("heading", { level: 1 })).toHaveText("This invitation has already been used");
  await expectNoAxeViolations(theirPage);
  await invitee.close();

  // The manager sees the new member, and the invitation is no longer waiting.
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("table", { name: /Members/ })).toContainText("Frances Fireofficer");
  await expect(page.getByText(email)).toHaveCount(1);

  // Changing their role, and removing them, are a click away (each page checked, nothing saved).
  await page.getByRole("link", { name: "Change the role or agency of Frances Fireofficer" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change the role or agency of Frances Fireofficer");
  await expect(page.getByLabel("Agency editor", { exact: true })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Remove Frances Fireofficer from the partnership" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove Frances Fireofficer from Barnet Safer Communities Partnership?");
  await expectNoAxeViolations(page);
});
