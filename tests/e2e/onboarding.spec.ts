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

  // The rest can wait: skip them, then finish.
  for (const task of ["Indicators", "Invite lead officers"]) {
    await page.locator(".govuk-task-list").getByRole("link", { name: task, exact: true }).click();
    await page.getByRole("button", { name: "I'll do this later" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up your partnership");
  }
  await page.getByRole("button", { name: "Finish set-up" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Safer Tatton Vale Partnership");
  await expect(page.getByText("Tatton Vale Borough Council")).toBeVisible();
  await expect(page.getByRole("link", { name: "1. Reduce residential burglary" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Safer Tatton Vale Board" })).toBeVisible();
  await expectNoAxeViolations(page);
});
