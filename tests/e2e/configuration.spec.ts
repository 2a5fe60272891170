import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

test("the Barnet manager adds and renumbers a priority (one move, then all numbers at once), adds NI 16 with a target, and changes the target with a reason", async ({ page }) => {
  await signIn(page, "manager@barnet.example");

  // Strategy and priorities.
  await page.goto("/barnet/settings/strategy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Strategy and priorities");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Add a priority" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a priority");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add priority" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter the priority's title");
  await expect(summary).toContainText("Add at least one lead");
  await expectNoAxeViolations(page);

  await page.getByLabel("Title").fill("Tackle hate crime");
  await page.getByLabel("Lead 1: agency").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add priority" }).click();
  await expect(page.getByText("Priority saved")).toBeVisible();
  const row = page.getByRole("row", { name: /Tackle hate crime/ });
  const numberBefore = Number(await row.locator("td").first().innerText());
  await row.getByRole("button", { name: /Move up/ }).click();
  await expect(page.getByText(`"Tackle hate crime" is now priority ${numberBefore - 1}`)).toBeVisible();
  await expect(page.getByRole("row", { name: /Tackle hate crime/ }).locator("td").first()).toHaveText(String(numberBefore - 1));
  await expectNoAxeViolations(page);

  // All the numbers at once: a number given twice is refused, by the field, with what was typed kept.
  const numbers = page.getByRole("group", { name: "Set the numbers of all the priorities" });
  const hateCrime = numbers.getByRole("textbox", { name: "Tackle hate crime" });
  const last = numbers.getByRole("textbox").last();
  await expect(hateCrime).toHaveValue(String(numberBefore - 1));
  await expect(last).toHaveValue(String(numberBefore));
  await hateCrime.fill("1");
  await page.getByRole("button", { name: "Save numbers" }).click();
  await expect(summary).toContainText('Number 1 is also given to "Property crime with special focus on burglary"');
  await expect(hateCrime).toHaveValue("1");
  await expect(numbers.locator(".govuk-error-message").first()).toContainText("give each priority a different number");
  await expect(page.getByRole("row", { name: /Tackle hate crime/ }).locator("td").first()).toHaveText(String(numberBefore - 1));
  await expectNoAxeViolations(page);
  // Swap it back with the one after it, leaving priority 1 as the other tests expect.
  await hateCrime.fill(String(numberBefore));
  await last.fill(String(numberBefore - 1));
  await page.getByRole("button", { name: "Save numbers" }).click();
  await expect(page.getByText("Priority numbers saved")).toBeVisible();
  await expect(page.getByRole("row", { name: /Tackle hate crime/ }).locator("td").first()).toHaveText(String(numberBefore));
  await expect(hateCrime).toHaveValue(String(numberBefore));

  // An indicator from the library.
  await page.goto("/barnet/settings/indicators");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /^Add NI 16:/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add NI 16");
  await expect(page.getByLabel("Name")).toHaveValue("Serious acquisitive crime rate");
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(summary).toContainText("Choose how often figures are reported");
  await expectNoAxeViolations(page);
  await page.getByRole("group", { name: "Reported" }).getByLabel("Yearly").check();
  await page.getByRole("button", { name: "Add indicator" }).click();
  await expect(page.getByText("Indicator saved")).toBeVisible();
  await expectNoAxeViolations(page);

  // Its target: a unit typed into the number is refused; then set, then changed with a reason.
  await page.getByLabel("Target year").selectOption({ label: "2013/14" });
  await page.getByLabel(/^Target value/).fill("24.841 per 1000");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(summary).toContainText("Enter a number, like 1234.5");
  await expect(page.getByLabel(/^Target value/)).toHaveValue("24.841 per 1000");
  await expectNoAxeViolations(page);

  // Keyboard only: type into the focused field and submit with Enter.
  await page.getByLabel(/^Target value/).focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("30");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Target saved")).toBeVisible();

  await page.getByLabel("Target year").selectOption({ label: "2013/14" });
  await page.getByLabel(/^Target value/).fill("28");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(summary).toContainText("Enter why the target is changing");
  await page.getByLabel("Reason for the change").fill("Lowered after the mid-year review");
  await page.getByLabel(/^Agreed by/).fill("Performance Management Group");
  await page.getByRole("button", { name: "Save target" }).click();
  await expect(page.getByText("Target saved")).toBeVisible();

  await page.getByRole("link", { name: "View the indicator page" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Serious acquisitive crime rate");
  await expect(page.getByText(/Changed from 30 per 1,000 .* to 28 per 1,000 .*, agreed by Performance Management Group/)).toBeVisible();
  await expect(page.locator(".govuk-summary-list").first()).toContainText("No figure yet");
  await expectNoAxeViolations(page);
});

test("the RAG tolerance form works with the keyboard alone", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/settings/rag");
  await expectNoAxeViolations(page);
  await page.getByLabel("Tolerance").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("lots");
  await page.keyboard.press("Enter");
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter the tolerance as a number");
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await page.getByLabel("Tolerance").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("7.5");
  await page.keyboard.press("Enter");
  await expect(page.getByText("RAG rules saved")).toBeVisible();
  await expect(page.getByLabel("Tolerance")).toHaveValue("7.5");
  // Back to the seeded 5 points: later tests read Barnet's RAGs.
  await page.getByLabel("Tolerance").focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Tolerance")).toHaveValue("5");
});
