import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectNoAxeViolations, signIn } from "./axe";
import { e2eDatabaseUrl } from "./e2e-database";

async function barnetFigures() {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ figures: string }>(
      `select string_agg(f.id::text || ':' || f.value::text || ':' || f.version, ',' order by f.id) as figures
         from "Figure" f join "Partnership" p on p.id = f."partnershipId" where p.slug = 'barnet'`,
    );
    return rows[0]?.figures ?? "";
  } finally {
    await client.end();
  }
}

function csvFile(name: string, lines: string[]) {
  return { name, mimeType: "text/csv", buffer: Buffer.from(`${["Indicator,Period,Value,Count,Note", ...lines].join("\r\n")}\r\n`, "utf8") };
}

const GOOD = [
  "Very/fairly worried about ASB in this area,2012/13,22,,Met Police Survey",
  "ASB a big problem: gangs,2012/13,12%,,",
];

async function upload(page: Page, file: ReturnType<typeof csvFile>) {
  await page.getByLabel(/^Upload (a CSV file of figures|the corrected file)$/).setInputFiles(file);
  await page.getByRole("button", { name: "Check the file" }).click();
}

test("the Barnet manager imports a CSV of figures: one bad line, nothing changes; fixed, the figures are in", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/indicators");
  await page.getByRole("link", { name: "Import figures from a CSV file" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import figures from a CSV file");
  await expect(page.getByRole("link", { name: "Download the figures template (CSV)" })).toBeVisible();
  await expectNoAxeViolations(page);

  // No file chosen: the error by the field and in the summary.
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Choose a CSV file of figures to upload");
  await expectNoAxeViolations(page);

  // Too large: refused in the browser before it is sent, with the server's message.
  await page.getByLabel("Upload a CSV file of figures").setInputFiles({ name: "huge.csv", mimeType: "text/csv", buffer: Buffer.alloc(6 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.locator("#file-error")).toContainText("The file is larger than 5 MB");

  const before = await barnetFigures();
  // One bad line, with two problems in it.
  await upload(page, csvFile("figures.csv", [...GOOD, 'Repeat offending (probation),2012-13,30,,=HYPERLINK("http://example.com")']));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fix the file and upload it again");
  await expect(page.locator(".govuk-error-summary")).toContainText("figures.csv has 2 problems: nothing has been imported");
  const problems = page.getByRole("table", { name: "2 problems" });
  await expect(problems).toContainText("Line 4, column period: Write the period as 2013/14, Q2 2013/14, January 2013");
  await expect(problems).toContainText("Line 4, column note:");
  await expect(problems).toContainText("starts with “=”, so a spreadsheet would run it as a formula");
  await expectNoAxeViolations(page);
  expect(await barnetFigures()).toBe(before);

  // Fixed: the upload shows its progress (held back here so it can be seen), then the preview, then the import.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    "**/barnet/figures/import",
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  await upload(page, csvFile("figures.csv", [...GOOD, "Repeat offending (probation),2012/13,30,,"]));
  await expect(page.getByRole("progressbar", { name: /^Uploading figures\.csv: \d+%$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Check the file" })).toBeDisabled();
  await expectNoAxeViolations(page);
  release();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the figures before you import them");
  await expect(page.getByRole("table", { name: "Figures to add" })).toContainText("Very/fairly worried about ASB in this area");
  await expect(page.getByRole("table", { name: "Figures to add" })).toContainText("12%");
  await expectNoAxeViolations(page);
  expect(await barnetFigures()).toBe(before);
  await page.getByRole("button", { name: "Import 3 figures" }).click();
  await expect(page.getByText("Figures imported")).toBeVisible();
  await expect(page.getByText("3 added, 0 changed, 0 already up to date.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/barnet/indicators");
  await page.getByRole("link", { name: "Very/fairly worried about ASB in this area" }).first().click();
  await expect(page.getByRole("table", { name: "Figures" })).toContainText("22%");

  // The same file again changes nothing.
  const afterImport = await barnetFigures();
  await page.goto("/barnet/figures/import");
  await upload(page, csvFile("figures.csv", [...GOOD, "Repeat offending (probation),2012/13,30,,"]));
  await expect(page.getByText("Every figure in the file is already saved as it is: importing it would change nothing.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect(await barnetFigures()).toBe(afterImport);
});
