import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

test("a manager reads the slippage on the home page, opens a board and prints its progress report", async ({ page }) => {
  await signIn(page, "manager@haringey.example");
  await page.goto("/haringey");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Haringey Safer Communities Partnership");

  // Areas of slippage come first: before the priorities, with the owners' red actions and their notes.
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.indexOf("Areas of slippage")).toBeGreaterThanOrEqual(0);
  expect(headings.indexOf("Areas of slippage")).toBeLessThan(headings.indexOf("Priorities"));
  const slippage = page.getByRole("region", { name: "Areas of slippage" });
  await expect(slippage.getByRole("row", { name: /LFB LIFE course/ })).toContainText("Red");
  await expect(slippage.getByRole("row", { name: /Safer Neighbourhood Board/ })).toContainText("Slipped from 31 October 2013 to 31 January 2014");
  await expect(page.getByRole("heading", { name: "Not updated this period" })).toBeVisible();
  await expectNoAxeViolations(page);

  // A figure for one of the board's indicators, for its chart and "what changed".
  await page.goto("/haringey/indicators");
  await page.getByRole("link", { name: /^NI 21/ }).first().click();
  await page.getByRole("link", { name: "Enter a figure", exact: true }).click();
  await page.getByLabel("Period").selectOption({ index: 1 });
  await page.getByLabel("Figure", { exact: true }).fill("48");
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.getByText("Figure saved")).toBeVisible();

  await page.getByRole("link", { name: "Boards", exact: true }).click();
  await page.getByRole("link", { name: "Safer Communities Executive Board" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safer Communities Executive Board");
  await expect(page.getByRole("heading", { name: "Areas of slippage" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Indicators Safer Communities Executive Board owns/ })).toContainText("NI 16");
  // Small multiples: a chart for each indicator with figures.
  const trends = page.getByRole("region", { name: "Trends" });
  await expect(trends.getByRole("img")).toHaveCount(1);
  await expect(trends.locator("figcaption")).toContainText("NI 21");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Safer Communities Executive Board progress report" }).click();
  await expect(page).toHaveURL(/\/boards\/[0-9a-f-]+\/report$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Safer Communities Executive Board performance report, \d{1,2} \w+ \d{4}$/);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();
  await expect(page.getByRole("table", { name: /Indicators of Safer Communities Executive Board/ })).toContainText("48%");
  await expect(page.getByRole("region", { name: "What changed since the last meeting" })).toContainText("Entered a figure");
  await expectNoAxeViolations(page);

  // A past date, chosen with the date input, becomes the report's address.
  await page.getByLabel("Day").fill("16");
  await page.getByLabel("Month").fill("3");
  await page.getByLabel("Year").fill("2009");
  await page.getByRole("button", { name: "Show the report for this date" }).click();
  await expect(page).toHaveURL(/\/report\?date=2009-03-16$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safer Communities Executive Board performance report, 16 March 2009");
  await expect(page.getByText(/figures for periods that ended after that date/)).toBeVisible();
  await expectNoAxeViolations(page);

  // A date that does not exist is refused beside the input.
  await page.getByLabel("Day").fill("30");
  await page.getByLabel("Month").fill("2");
  await page.getByRole("button", { name: "Show the report for this date" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The report date must be a real date");
  await expectNoAxeViolations(page);
  await page.goto(page.url().replace(/\?.*$/, "?date=2009-03-16"));

  // Print preview: only the report, RAG in words, and an A4 PDF.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".govuk-generic-header")).toBeHidden();
  await expect(page.locator(".govuk-service-navigation")).toBeHidden();
  await expect(page.locator(".govuk-footer")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Show the report for this date" })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Summary", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Indicators", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What changed since the last meeting" })).toBeVisible();
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator(".govuk-generic-header")).toBeVisible();
});

test("the report's indicator table downloads as CSV", async ({ page }) => {
  await signIn(page, "manager@haringey.example");
  await page.goto("/haringey/boards");
  await page.getByRole("link", { name: "Safer Communities Executive Board" }).click();
  await page.getByRole("link", { name: "Safer Communities Executive Board progress report" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the indicator table (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^safer-communities-executive-board-indicators-\d{4}-\d{2}-\d{2}\.csv$/);
});
