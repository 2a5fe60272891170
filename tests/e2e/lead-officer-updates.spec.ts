import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";
import { withE2eDatabase } from "./e2e-database";

const thisFinancialYear = () => {
  const today = new Date();
  return today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
};

/** Barnet's number of households for a financial year, as a manager would set it in Settings. */
async function setBarnetHouseholds(financialYear: number, value: string) {
  await withE2eDatabase((client) =>
    client.query(
      `insert into "DenominatorValue" (id, "partnershipId", "denominatorId", "financialYear", value)
       select gen_random_uuid(), d."partnershipId", d.id, $1, $2 from "Denominator" d join "Partnership" p on p.id = d."partnershipId"
        where p.slug = 'barnet' and d.kind = 'HOUSEHOLDS'
       on conflict ("denominatorId", "financialYear") do update set value = excluded.value`,
      [financialYear, value],
    ),
  );
}

// The households are this file's own: later tests read Barnet's configuration as seeded.
test.afterAll(async () => {
  await withE2eDatabase((client) =>
    client.query(
      `delete from "DenominatorValue" v using "Partnership" p where p.id = v."partnershipId" and p.slug = 'barnet' and v."financialYear" = $1`,
      [thisFinancialYear()],
    ),
  );
});

test("the Barnet police editor adds an action under priority 1 and rates it amber with a note", async ({ page }) => {
  await signIn(page, "police.editor@barnet.example");
  await page.goto("/barnet");
  await page.getByRole("link", { name: /^1\. Property crime/ }).click();
  await page.getByRole("link", { name: "Add an action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter what the action is");
  await expectNoAxeViolations(page);

  await page.getByLabel("Action", { exact: true }).fill("Target-hardening in Childs Hill");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Action added")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Target-hardening in Childs Hill");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Update progress" }).click();
  await page.getByLabel("In progress").check();
  await page.getByLabel("Amber").check();
  await page.getByRole("button", { name: "Save progress" }).click();
  // Amber needs a note: the error sits by the field and nothing is saved.
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a progress note");
  await expect(page.getByLabel("Amber")).toBeChecked();
  await expectNoAxeViolations(page);

  await page.getByLabel("Progress note").fill("Locksmith contract delayed to January.");
  await page.getByRole("button", { name: "Save progress" }).click();
  await expect(page.getByText("Progress saved")).toBeVisible();
  await expect(page.locator(".govuk-summary-list")).toContainText("Amber");
  await expect(page.getByText("Locksmith contract delayed to January.", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "History" })).toContainText("RAG none → Amber");
  await expectNoAxeViolations(page);
});

test("the Barnet police editor enters a burglary figure", async ({ page }) => {
  await signIn(page, "police.editor@barnet.example");
  await page.goto("/barnet/indicators");
  await page.getByRole("link", { name: "Residential burglary" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Residential burglary");
  await page.getByRole("link", { name: "Enter a figure", exact: true }).click();
  await expectNoAxeViolations(page);

  // A rate per households is never typed: the officer gives the count.
  await page.getByLabel("Period").selectOption({ index: 1 });
  await page.getByLabel("Number of offences").fill("abc");
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter a number, like 1234.5");
  await expect(page.getByLabel("Number of offences")).toHaveValue("abc");
  await expectNoAxeViolations(page);

  // Barnet's households are known for 2010/11 only: the rate for this year cannot be worked out yet.
  await page.getByLabel("Number of offences").fill("3,310");
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText(/there is no number of households for \d{4}\/\d{2}\. A partnership manager can add it in Settings/);
  await expectNoAxeViolations(page);

  const today = new Date();
  await setBarnetHouseholds(today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1, "135341");
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.getByText("Figure saved")).toBeVisible();
  await expect(page.getByRole("table", { name: "Figures" })).toContainText("3,310 (24.457 per 1,000 households)");
  await expectNoAxeViolations(page);
});

test("the Barnet probation editor sees no edit controls on a police-led priority, and has them on their own", async ({ page }) => {
  await signIn(page, "probation.editor@barnet.example");
  await page.goto("/barnet");
  await page.getByRole("link", { name: /^1\. Property crime/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Property crime/);
  await expect(page.getByRole("link", { name: /Update what we will do/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Enter a figure/ })).toHaveCount(0);

  await page.goto("/barnet");
  await page.getByRole("link", { name: /^4\. / }).click();
  await expect(page.getByRole("link", { name: /Update what we will do/ })).toBeVisible();
  await page.getByRole("link", { name: /Update what we will do/ }).click();
  await expectNoAxeViolations(page);
});

test("the Barnet manager edits and closes an action, and reads the audit log", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet");
  await page.getByRole("link", { name: /^1\. Property crime/ }).click();
  await page.getByRole("link", { name: "Add an action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add an action");
  await page.getByLabel("Action", { exact: true }).fill("Cocooning after every burglary");
  await page.getByRole("button", { name: "Add action" }).click();
  await expect(page.getByText("Action added")).toBeVisible();

  await page.getByRole("link", { name: "Edit action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Edit action");
  await page.getByLabel("Action", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save action" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Enter what the action is");
  await expectNoAxeViolations(page);
  await page.getByLabel("Action", { exact: true }).fill("Cocooning within 48 hours of every burglary");
  await page.getByRole("button", { name: "Save action" }).click();
  await expect(page.getByText("Action saved")).toBeVisible();

  await page.getByRole("link", { name: "Close action" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Close this action");
  await page.getByRole("button", { name: "Close action" }).click();
  await expect(page.locator(".govuk-error-summary")).toContainText("Select whether the action was completed or dropped");
  await expectNoAxeViolations(page);
  await page.getByLabel("It is complete").check();
  await page.getByLabel("Closing note").fill("Now business as usual for the burglary squad.");
  await page.getByRole("button", { name: "Close action" }).click();
  await expect(page.getByText("Action closed")).toBeVisible();
  await expect(page.getByRole("link", { name: "Update progress" })).toHaveCount(0);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expect(page.getByRole("table", { name: "Changes" })).toContainText("Closed");
  await expectNoAxeViolations(page);
});
