// A manager finds billing from the settings page by clicking (client navigation loads
// the route module in the browser). The browser tests run without Stripe keys, so the
// page says billing is off.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

test("a manager reaches billing from settings and is told billing is off", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/settings");
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { name: "Billing" })).toBeVisible();
  await expect(page.getByText("Billing is turned off for this installation")).toBeVisible();
  await expectNoAxeViolations(page);
});
