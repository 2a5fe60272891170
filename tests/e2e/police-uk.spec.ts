// A manager maps police.uk's "Burglary" to a monthly indicator, uploads a small
// street-level file, reads what was counted and what was left out, and finds the
// month's figure on the indicator's page. The partnership is this test's own, so the
// demo partnerships other tests read stay as seeded.
import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectNoAxeViolations, signIn } from "./axe";
import { createMember } from "./e2e-database";

const stamp = Date.now().toString(36);
const slug = `tatton-vale-${stamp}`;
const email = `manager-${stamp}@tatton-vale.example`;
const password = "tatton-vale-police-uk-e2e";
const indicatorName = `Burglaries recorded ${stamp}`;

function e2eDatabaseUrl() {
  const port = process.env.E2E_PORT ?? "3100";
  const server = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_TEST_PORT ?? "54339"}/postgres`;
  const url = new URL(server);
  url.pathname = `/safer_e2e_${port}`;
  return url.toString();
}

// The second test imports into the mapping the first one saves.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `insert into "Partnership" (id, slug, name, "setupCompletedAt") values (gen_random_uuid(), $1, $2, now()) returning id`,
      [slug, `Tatton Vale Community Safety Partnership ${stamp}`],
    );
    const partnershipId = rows[0]!.id;
    await client.query(`insert into "Council" (id, "partnershipId", name) values (gen_random_uuid(), $1, 'Tatton Vale Borough Council')`, [partnershipId]);
    await client.query(
      `insert into "Indicator" (id, "partnershipId", code, name, unit, direction, frequency)
       values (gen_random_uuid(), $1, 'LOCAL 1', $2, 'COUNT', 'LOWER_IS_BETTER', 'MONTHLY')`,
      [partnershipId, indicatorName],
    );
  } finally {
    await client.end();
  }
  await createMember({ email, name: "Sam Manager", password, partnershipSlug: slug, role: "PARTNERSHIP_MANAGER" });
});

const HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
const row = (type: string, place = "-2.371,53.302,On or near High Street,E01018000,Tatton Vale 001A") =>
  `abc${Math.random().toString(16).slice(2)},2025-03,Tatton Constabulary,Tatton Constabulary,${place},${type},Under investigation,`;
const FILE = [
  HEADER,
  row("Burglary"),
  row("Burglary"),
  row("Burglary"),
  row("Burglary", "-2.5,53.1,On or near Mill Lane,E01019999,Cheswick Forest 004B"),
  row("Burglary", "-2.5,53.1,On or near Mill Lane,E01019999,Cheswick Forest 004B"),
  row("Burglary", ",,No location,,"),
  row("Drugs"),
  "",
].join("\n");

test("a manager maps Burglary to an indicator, imports a police.uk file and sees what was counted and left out", async ({ page }) => {
  await signIn(page, email, password);
  await page.goto(`/${slug}/settings`);
  await page.getByRole("link", { name: "police.uk crime data" }).click();
  await expect(page.getByRole("heading", { name: "police.uk crime data" })).toBeVisible();
  await expect(page.getByText("A police.uk crime type is never exactly a national indicator")).toBeVisible();
  await expect(page.getByText('crimes in LSOAs named "Tatton Vale …" are counted')).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page);

  await page.getByLabel("Burglary", { exact: true }).selectOption({ label: `LOCAL 1 ${indicatorName}` });
  await page.getByRole("button", { name: "Save police.uk settings" }).click();
  await expect(page.getByText("police.uk settings saved")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Import police.uk crime files" }).click();
  await expect(page.getByRole("heading", { name: "Import police.uk crime files" })).toBeVisible();
  await expect(page.getByText(`Burglary: LOCAL 1 ${indicatorName}`)).toBeVisible();
  await expect(page.getByText("No police.uk file has been imported yet.")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page);

  await page.getByLabel("Upload street-level crime files").setInputFiles({ name: "2025-03-tatton-street.csv", mimeType: "text/csv", buffer: Buffer.from(FILE) });
  await page.getByRole("button", { name: "Import the files" }).click();
  await expect(page.getByText("police.uk figures imported for March 2025")).toBeVisible();
  const summary = (label: string) => page.locator(".govuk-summary-list__row").filter({ has: page.getByText(label, { exact: true }) }).locator("dd");
  await expect(summary("Rows read")).toHaveText("7");
  await expect(summary("Counted into indicators")).toHaveText("3");
  await expect(summary("Outside the partnership's area")).toHaveText("2");
  await expect(summary("Without a location")).toHaveText("1");
  await expect(summary("In the area, of crime types no indicator takes")).toHaveText("1");
  await expect(page.getByRole("row", { name: /Drugs 1 Not counted/ })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`${indicatorName}.* 3 3`) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Months imported" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: `LOCAL 1 ${indicatorName}` }).click();
  await expect(page.getByRole("heading", { name: indicatorName })).toBeVisible();
  await expect(page.getByText("March 2025").first()).toBeVisible();
});

test("a file of another force is refused with a clear message", async ({ page }) => {
  await signIn(page, email, password);
  await page.goto(`/${slug}/police-uk/import`);
  await page.waitForLoadState("networkidle");
  const cheswick = "-2.5,53.1,On or near Mill Lane,E01019999,Cheswick Forest 004B";
  const elsewhere = [HEADER, row("Burglary", cheswick), row("Robbery", cheswick), ""].join("\n");
  await page.getByLabel("Upload street-level crime files").setInputFiles({ name: "2025-04-cheswick-street.csv", mimeType: "text/csv", buffer: Buffer.from(elsewhere) });
  await page.getByRole("button", { name: "Import the files" }).click();
  const errorSummary = page.locator(".govuk-error-summary");
  await expect(errorSummary).toContainText("2025-04-cheswick-street.csv: none of its 2 crimes is in the partnership's area");
  await expectNoAxeViolations(page);
});

test("without JavaScript the import form posts as a plain form and shows the report", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.goto(`/${slug}/police-uk/import`);
  const april = [HEADER, ...[1, 2].map(() => row("Burglary").replace("2025-03", "2025-04")), ""].join("\n");
  await page.getByLabel("Upload street-level crime files").setInputFiles({ name: "2025-04-tatton-street.csv", mimeType: "text/csv", buffer: Buffer.from(april) });
  await page.getByRole("button", { name: "Import the files" }).click();
  await expect(page.getByText("police.uk figures imported for April 2025")).toBeVisible();
  await expect(page.getByRole("row", { name: /April 2025 2 2 0 0 0/ })).toBeVisible();
  await context.close();
});
