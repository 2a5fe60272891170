import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

/** The financial year (April to March, by the year it starts in) that today is in. */
function thisFinancialYear() {
  const today = new Date();
  return today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}
const yearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

async function enterFigure(page: Page, period: string, figure: string) {
  await page.goto("/barnet/indicators");
  await page.getByRole("link", { name: PUBLISHED_INDICATOR, exact: true }).click();
  await page.getByRole("link", { name: "Enter a figure", exact: true }).click();
  await page.getByLabel("Period").selectOption({ label: period });
  await page.getByLabel("Figure", { exact: true }).fill(figure);
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.getByText("Figure saved")).toBeVisible();
}

const PUBLISHED_PRIORITIES = ["Property crime with special focus on burglary", "Anti-Social Behaviour"];
const UNPUBLISHED_PRIORITY = "Violent crime with specific focus on domestic violence";
// Measures priorities 6 and 7, which stay unpublished: their titles must not show through it.
const PUBLISHED_INDICATOR = "Repeat victimisation - ASB";
const UNPUBLISHED_INDICATOR = "Repeat victimisation - domestic burglary";
const ITS_PRIORITY = "Tackle repeat victimisation";
const LEAD_OFFICER = "Cdr Adrian Usher";

test("a manager publishes two priorities and an indicator; a resident reads them, signed out, on a phone and without JavaScript", async ({ page, browser, request }) => {
  test.setTimeout(120_000);
  // Nothing is public by default.
  expect((await request.get("/p/barnet")).status()).toBe(404);

  await signIn(page, "manager@barnet.example");
  await enterFigure(page, yearLabel(thisFinancialYear() - 1), "31.5");
  await page.goto("/barnet/settings");
  await page.getByRole("link", { name: "Public page and open data" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public page and open data");
  await expectNoAxeViolations(page);

  const priorities = page.getByRole("group", { name: "Priorities" });
  for (const title of PUBLISHED_PRIORITIES) await priorities.getByLabel(title, { exact: false }).check();
  await page.getByRole("group", { name: "Indicators" }).getByLabel(PUBLISHED_INDICATOR, { exact: true }).check();
  await page.getByLabel("Upcoming board meetings", { exact: false }).check();
  await page.getByLabel("How to contact the partnership").fill("Community Safety Team\nsafer.communities@example.org");
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByText("Choices saved. They will be published when you next approve a publication.")).toBeVisible();

  // The preview is what would be published; still nothing is public.
  const preview = page.getByRole("region", { name: "Preview of the public page" });
  await expect(preview).toContainText(PUBLISHED_PRIORITIES[0]!);
  await expect(preview).not.toContainText(UNPUBLISHED_PRIORITY);
  expect((await request.get("/p/barnet")).status()).toBe(404);

  await page.getByLabel("What is this publication?").fill("Publish the Q2 figures");
  await page.getByRole("button", { name: "Approve and publish" }).click();
  await expect(page.getByText("Published. The public page now shows this publication.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Publish the Q2 figures" })).toBeVisible();
  await expectNoAxeViolations(page);
  // A figure entered after the approval waits for the next one.
  await enterFigure(page, yearLabel(thisFinancialYear()), "27.25");

  // A resident, signed out.
  const resident = await browser.newContext();
  const publicPage = await resident.newPage();
  await publicPage.goto("/p/barnet");
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(/Barnet/);
  for (const heading of ["What we are working on", "How we are doing", "Board meetings", "Open data", "Contact us"]) {
    await expect(publicPage.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const main = publicPage.getByRole("main");
  for (const title of PUBLISHED_PRIORITIES) await expect(main).toContainText(title);
  await expect(publicPage.getByRole("heading", { level: 3, name: PUBLISHED_INDICATOR, exact: true })).toBeVisible();
  await expect(main).not.toContainText(UNPUBLISHED_PRIORITY);
  await expect(main).not.toContainText(UNPUBLISHED_INDICATOR);
  await expect(main).not.toContainText(ITS_PRIORITY);
  await expect(main).not.toContainText(LEAD_OFFICER);
  await expect(main).toContainText("31.5%");
  await expect(main).not.toContainText("27.25");
  await expect(main).toContainText("safer.communities@example.org");
  await expect(main).not.toContainText("Publish the Q2 figures");
  await expect(publicPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expectNoAxeViolations(publicPage);

  await publicPage.getByRole("link", { name: "Accessibility statement for this page" }).click();
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText(/^Accessibility statement/);
  for (const heading of ["Compliance status", "Non-accessible content", "Enforcement procedure", "Preparation of this accessibility statement"]) {
    await expect(publicPage.getByRole("heading", { name: heading })).toBeVisible();
  }
  await expect(publicPage.getByRole("link", { name: /Equality Commission for Northern Ireland/ })).toBeVisible();
  await expectNoAxeViolations(publicPage);
  await resident.close();

  // Without JavaScript: everything is there, and the table alternative opens.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/p/barnet");
  for (const title of PUBLISHED_PRIORITIES) await expect(plain.getByRole("main")).toContainText(title);
  await plain.getByText("Show the figures as a table").first().click();
  await expect(plain.getByRole("table").first()).toBeVisible();
  await noScript.close();

  // On a phone: nothing wider than the screen.
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const small = await phone.newPage();
  await small.goto("/p/barnet");
  await expect(small.getByRole("heading", { level: 2, name: "How we are doing" })).toBeVisible();
  expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoAxeViolations(small);
  await phone.close();

  // Cacheable: an ETag, and 304 when it still matches.
  const first = await request.get("/p/barnet");
  const etag = first.headers()["etag"];
  expect(first.headers()["cache-control"]).toBe("public, max-age=300");
  expect(etag).toBeTruthy();
  const again = await request.get("/p/barnet", { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
  const file = await request.get("/p/barnet/indicators.csv");
  expect(file.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(await file.text()).toContain(PUBLISHED_INDICATOR);

  // Unpublishing takes it off at once.
  await page.goto("/barnet/settings/publication");
  await page.getByRole("group", { name: "Priorities" }).getByLabel(PUBLISHED_PRIORITIES[1]!, { exact: false }).uncheck();
  await page.getByRole("button", { name: "Save choices" }).click();
  await expect(page.getByText("What you took out has been removed from the public page.")).toBeVisible();
  const after = await request.get("/p/barnet");
  expect(await after.text()).not.toContain(PUBLISHED_PRIORITIES[1]);
});

test("an unknown partnership's public page is a friendly 404", async ({ page }) => {
  const response = await page.goto("/p/no-such-partnership");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});
