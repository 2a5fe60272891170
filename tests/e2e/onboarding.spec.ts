import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// A community safety manager onboards a fictional borough from nothing, through the
// UI only. The sign-up form is filled with the keyboard alone.
test("a new manager signs up Tatton Vale and sets it up through the guided set-up", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: /Create an account/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create an account for your partnership");
  await expectNoAxeViolations(page);

  const email = `manager-${Date.now()}@tatton-vale.example`;
  // Keyboard only: focus the first field, type, Tab to the next.
  await page.getByLabel("Full name").focus();
  await page.keyboard.type("Tess Tatton");
  await page.keyboard.press("Tab");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type("a long and unusual passphrase");
  await page.getByLabel("Partnership name").focus();
  await page.keyboard.type("Safer Tatton Vale Partnership");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Tatton Vale Borough Council");
  await page.getByLabel("Web address").focus();
  await page.keyboard.type("Admin"); // capitals and reserved: refused
  await page.getByLabel("Police force area (optional)").focus();
  await page.keyboard.type("Cheshire");
  await page.getByLabel("Residents this financial year").focus();
  await page.keyboard.type("lots");
  await page.getByLabel("Households this financial year").focus();
  await page.keyboard.type("41000");
  await page.keyboard.press("Enter");

  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("lower-case letters, numbers and hyphens");
  await expect(summary).toContainText("whole number");
  await expect(page.getByLabel("Partnership name")).toHaveValue("Safer Tatton Vale Partnership");
  await expectNoAxeViolations(page);

  await page.getByLabel("Web address").fill("tatton-vale");
  await page.getByLabel("Residents this financial year").fill("98,500");
  await page.getByLabel("Password").fill("a long and unusual passphrase");
  await page.getByLabel("Residents this financial year").press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your partnership");
  await expect(page).toHaveURL(/\/tatton-vale\/setup$/);
  await expectNoAxeViolations(page);

  // Partner agencies, from the templates.
  await page.locator(".govuk-task-list").getByRole("link", { name: "Partner agencies" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Partner agencies");
  await page.getByRole("button", { name: "Add chosen agencies" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expectNoAxeViolations(page);
  const templates = page.getByRole("group", { name: "Choose the agencies to add" }).getByRole("checkbox");
  await templates.nth(0).check();
  await templates.nth(1).check();
  await page.getByRole("button", { name: "Add chosen agencies" }).click();
  await expect(page.getByRole("table")).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your partnership");
  await expect(page.locator("#task-agencies-status")).toContainText("Completed");

  // A named lead, with the error state first.
  await page.locator(".govuk-task-list").getByRole("link", { name: "Named people", exact: true }).click();
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Name", { exact: true }).fill("Insp Tom Vale");
  await page.getByLabel("Agency (optional)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("cell", { name: "Insp Tom Vale", exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("#task-people-status")).toContainText("Completed");

  // A board.
  await page.locator(".govuk-task-list").getByRole("link", { name: "Boards", exact: true }).click();
  await page.getByRole("button", { name: "Add board" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Board name").fill("Safer Tatton Vale Board");
  await page.getByLabel("Kind of board").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add board" }).click();
  // A new board opens on its own page, to add its chair and members.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safer Tatton Vale Board");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to boards" }).click();
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("#task-boards-status")).toContainText("Completed");

  // The strategy and its first priority, led by the police.
  await page.locator(".govuk-task-list").getByRole("link", { name: "Strategy and priorities", exact: true }).click();
  await page.getByLabel("Strategy title").fill("Tatton Vale Community Safety Strategy");
  await page.getByLabel("First financial year").fill("2026");
  await page.getByLabel("Last financial year").fill("2028");
  await page.getByRole("button", { name: "Create strategy" }).click();
  await page.getByRole("link", { name: "Add a priority" }).click();
  await page.getByRole("button", { name: "Add priority" }).click();
  await expect(page.locator(".govuk-error-summary")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Number").fill("1");
  await page.getByLabel("Title", { exact: true }).fill("Reduce residential burglary");
  await page.getByLabel("Lead 1: agency").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add priority" }).click();
  await expect(page.getByRole("link", { name: /Reduce residential burglary/ })).toBeVisible();
  await page.getByRole("button", { name: "Save and continue" }).last().click();
  await expect(page.locator("#task-strategy-status")).toContainText("Completed");

  // Indicators: one from the national library, and a local one with everything set.
  const tasks = page.locator(".govuk-task-list");
  await tasks.getByRole("link", { name: "Indicators", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indicators");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /^Add NI 16:/ }).click();
  await expect(page.getByLabel("Rate per (for rates)")).toHaveValue(/.+/); // residents, from the sign-up
  await page.getByRole("group", { name: "Reported" }).getByLabel("Yearly").check();
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(page.getByText("Indicator saved")).toBeVisible();
  await page.locator(".govuk-back-link").click();
  await expect(page.getByRole("link", { name: "NI 16: Serious acquisitive crime rate" })).toBeVisible();

  await page.getByRole("link", { name: "Create a local indicator" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create a local indicator");
  // A rate with nothing to be per: refused, with what was typed kept.
  await page.getByLabel("Code (optional)").fill("TV 1");
  await page.getByLabel("Name", { exact: true }).fill("Residential burglary rate");
  await page.getByRole("group", { name: "Unit" }).getByLabel("Rate per 1,000", { exact: true }).check();
  await page.getByRole("group", { name: "Better when" }).getByLabel("Lower is better").check();
  await page.getByRole("group", { name: "Reported" }).getByLabel("Quarterly").check();
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(summary).toContainText("Choose what the rate is per");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Residential burglary rate");
  await expect(page.getByRole("group", { name: "Unit" }).getByLabel("Rate per 1,000", { exact: true })).toBeChecked();
  await expect(page.getByRole("group", { name: "Reported" }).getByLabel("Quarterly")).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByLabel("Rate per (for rates)").selectOption({ label: "Households" });
  await page.getByLabel("Lead agency (optional)").selectOption({ index: 1 });
  await page.getByLabel("Owner board (optional)").selectOption({ label: "Safer Tatton Vale Board" });
  await page.getByRole("group", { name: "Priorities it measures (optional)" }).getByLabel("1. Reduce residential burglary").check();
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(page.getByText("Indicator saved")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Residential burglary rate");
  await expect(page.getByLabel("Owner board (optional)")).toHaveValue(/.+/);
  await expect(page.getByRole("group", { name: "Priorities it measures (optional)" }).getByLabel("1. Reduce residential burglary")).toBeChecked();
  await expectNoAxeViolations(page);

  // Its target, a word first; then its baseline.
  await page.getByLabel("Target year").selectOption({ label: "2026/27" });
  await page.getByLabel(/^Target value/).fill("fewer");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(summary).toContainText("Enter a number, like 1234.5");
  await expect(page.getByLabel(/^Target value/)).toHaveValue("fewer");
  await expectNoAxeViolations(page);
  await page.getByLabel(/^Target value/).fill("9.5");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText("Target saved")).toBeVisible();
  await expect(page.getByText(/^2026\/27: 9\.5/)).toBeVisible();
  await page.getByLabel("Baseline year (optional)").selectOption({ label: "2025/26" });
  await page.getByLabel("Baseline value (optional)").fill("10.2");
  await page.getByLabel("Count (optional)").fill("418");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByText("Baseline saved")).toBeVisible();
  await expect(page.getByText(/^2025\/26: 418 10\.2/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.locator(".govuk-back-link").click();
  await expect(page.getByRole("row", { name: /TV 1: Residential burglary rate/ })).toContainText("Rate per 1,000");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(tasks).toBeVisible();
  await expect(page.locator("#task-indicators-status")).toContainText("Completed");

  // A lead officer invited as the police's agency editor, with the error state first.
  await tasks.getByRole("link", { name: "Invite lead officers", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Invite someone");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("tom.vale@");
  await page.getByLabel("Agency editor").check();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(summary).toContainText("Enter an email address in the correct format");
  await expect(summary).toContainText("Choose the agency this agency editor works for");
  await expect(page.getByLabel("Email address")).toHaveValue("tom.vale@");
  await expect(page.getByLabel("Agency editor")).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill("tom.vale@police.tatton-vale.example");
  await page.getByLabel("Agency", { exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page).toHaveURL(/\/members\/invite\?setup=1&invited=/);
  await expect(summary).toHaveCount(0);
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("#task-invites-status")).toContainText("Completed");

  // The details from the sign-up, checked.
  await tasks.getByRole("link", { name: "Partnership details", exact: true }).click();
  await expect(page.getByLabel("Residents")).toHaveValue("98500");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.locator("#task-details-status")).toContainText("Completed");
  await expect(page.getByText("You have completed 7 of 7 tasks.")).toBeVisible();

  // Nothing is missing: the home page says only that set-up is not finished.
  await page.goto("/tatton-vale");
  await expect(page.getByText("This partnership is not fully set up yet")).toBeVisible();
  await expect(page.getByText("It still has:")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Continue setting up the partnership" }).click();
  await page.getByRole("button", { name: "Finish set-up" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safer Tatton Vale Partnership");
  await expect(page.getByText("This partnership is not fully set up yet")).toHaveCount(0);
  await expect(page.getByText("Tatton Vale Borough Council")).toBeVisible();
  await expect(page.getByRole("link", { name: "1. Reduce residential burglary" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Safer Tatton Vale Board" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See all 2 indicators" })).toBeVisible();
  await expectNoAxeViolations(page);

  // The invitation is waiting on the members page.
  await page.goto("/tatton-vale/members");
  await expect(page.getByRole("table", { name: "Invitations not yet accepted" })).toContainText("tom.vale@police.tatton-vale.example");
});
