import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test("the Barnet police editor signs in, clicks through to a priority and reads it", async ({ page }) => {
  await page.goto("/barnet");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fbarnet/);
  await expectNoAxeViolations(page);

  await page.getByLabel("Email address").fill("police.editor@barnet.example");
  await page.getByLabel("Password").fill("safer-partnerships-demo");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Barnet Safer Communities Partnership");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /^1\. Property crime/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Property crime with special focus on burglary/);
  await expect(page.getByText("Cdr Adrian Usher (MPS)")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why this is a priority" })).toBeVisible();
  await expect(page.getByRole("table", { name: "How we measure it" })).toContainText("3,362");
  await expectNoAxeViolations(page);

  // Client-side navigation back through the service navigation keeps working.
  await page.getByRole("link", { name: "Indicators" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indicators");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Boards" }).click();
  await expect(page.getByRole("heading", { name: "Safer Communities Partnership Board" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a wrong password shows the GOV.UK error summary and keeps the e-mail typed", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("police.editor@barnet.example");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toContainText("Enter a correct email address and password");
  await expect(page.locator(".govuk-error-message")).toContainText("Enter a correct email address and password");
  await expect(page.getByLabel("Email address")).toHaveValue("police.editor@barnet.example");
  // The summary's link takes the user to the field.
  await summary.getByRole("link").click();
  await expect(page.getByLabel("Email address")).toBeFocused();
  await expectNoAxeViolations(page);
});
