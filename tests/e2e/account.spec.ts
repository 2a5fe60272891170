// A partnership manager secures their account: turns on two-step verification, signs
// in with a code, requires it of the partnership's managers, and resets a forgotten
// password. Every new page, and its error state, gets an axe scan; the
// Content-Security-Policy must not block anything the pages need.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { expectNoAxeViolations } from "./axe";
import { createMember, latestResetToken, setManagerTwoFactorRequirement } from "./e2e-database";

/** Anything the browser refused or failed at: CSP violations are console errors. */
function watchForProblems(page: Page) {
  const problems: string[] = [];
  // A form answered with its errors (400), a used link (410): expected, not a problem.
  const expectedStatus = /Failed to load resource: the server responded with a status of (400|410)/;
  page.on("console", (message) => {
    const text = message.text();
    if ((message.type() === "error" && !expectedStatus.test(text)) || /Content Security Policy/i.test(text)) problems.push(text);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

function wrongCodeFor(key: Uint8Array) {
  return String((Number(generateTOTP(key, 30, 6)) + 500_000) % 1_000_000).padStart(6, "0");
}

// The second test goes on from the first: the manager then has two-step verification.
test.describe.configure({ mode: "serial" });

const password = "a password only this test knows";
const email = `e2e-manager-${randomUUID().slice(0, 8)}@barnet.example`;

test.beforeAll(async () => {
  await createMember({ email, name: "Robin Secure", password, partnershipSlug: "barnet", role: "PARTNERSHIP_MANAGER" });
});

// Other tests sign in as Barnet's demo manager, who has no two-step verification.
test.afterAll(async () => {
  await setManagerTwoFactorRequirement("barnet", false);
});

async function signInWithPassword(page: Page, withPassword = password) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(withPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a manager turns on two-step verification, signs in with a code, and requires it of managers", async ({ page }) => {
  const problems = watchForProblems(page);

  const first = page.waitForResponse((r) => r.url().endsWith("/sign-in") && r.request().resourceType() === "document");
  await page.goto("/sign-in");
  const headers = (await first).headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // GOV.UK Frontend's scripts ran (the inline script with the nonce set this class).
  await expect(page.locator("body")).toHaveClass(/govuk-frontend-supported/);

  await signInWithPassword(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Barnet Safer Communities Partnership");

  // Requiring two-step verification before using it yourself is refused.
  await page.goto("/barnet/settings/security");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Security settings");
  await expectNoAxeViolations(page);
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Turn on two-step verification for your own account before you require it of managers");
  await expectNoAxeViolations(page);

  // The footer link to the account page (a client-side navigation: hydration works).
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Set up two-step verification" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step verification");
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByText("I cannot scan the QR code").click();
  const keyText = (await page.locator("#two-factor-key").innerText()).replace(/\s/g, "");
  const key = decodeBase32IgnorePadding(keyText);

  await page.getByLabel("Code", { exact: true }).fill(wrongCodeFor(key));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.locator(".govuk-error-message")).toContainText("The code is not correct");
  await expectNoAxeViolations(page);
  // The same key is still on the page: no need to scan again.
  expect((await page.locator("#two-factor-key").textContent())?.replace(/\s/g, "")).toBe(keyText);

  await page.getByLabel("Code", { exact: true }).fill(generateTOTP(key, 30, 6));
  await page.getByRole("button", { name: "Turn on two-step verification" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step verification is on");
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "I have kept my recovery codes: continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account");
  await expect(page.getByText("Signing in needs a code from your authenticator app")).toBeVisible();

  // Sign out, and in again: the password, then the code.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await signInWithPassword(page);
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter the code from your authenticator app");
  await expectNoAxeViolations(page);
  // Until the code is entered, every other page treats them as signed out.
  await page.goto("/barnet");
  await expect(page).toHaveURL(/\/sign-in\/two-factor\?redirectTo=%2Fbarnet/);

  await page.getByLabel("Code", { exact: true }).fill(wrongCodeFor(key));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("The code is not correct");
  await expectNoAxeViolations(page);
  await page.getByLabel("Code", { exact: true }).fill(generateTOTP(key, 30, 6));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Barnet Safer Communities Partnership");

  // Now the manager may require it of every manager.
  await page.goto("/barnet/settings/security");
  await page.getByLabel("Yes").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator(".govuk-notification-banner--success")).toContainText("Security settings saved");
  await expect(page.getByLabel("Yes")).toBeChecked();
  await expectNoAxeViolations(page);
  // And back off, as other tests expect Barnet.
  await page.getByLabel("No").check();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByLabel("No")).toBeChecked();

  expect(problems).toEqual([]);
});

test("a manager who forgot their password resets it by e-mail, then still needs their code", async ({ page }) => {
  const problems = watchForProblems(page);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgotten your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter your email address");
  await expectNoAxeViolations(page);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expectNoAxeViolations(page);

  const token = await latestResetToken(email);
  await page.goto(`/reset-password/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("password1");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.locator(".govuk-error-message")).toContainText("This password is too common");
  await expectNoAxeViolations(page);
  await page.getByLabel("New password").fill("a brand new password for robin");
  await page.getByRole("button", { name: "Save the new password" }).click();
  // The e-mail proves the inbox, not the phone: the code is still needed.
  await expect(page).toHaveURL(/\/sign-in\/two-factor/);

  // The link works once.
  await page.goto(`/reset-password/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or has already been used");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  await expectNoAxeViolations(page);

  expect(problems).toEqual([]);
});
