// The Barnet manager downloads the partnership's profile, imports a copy with one
// new agency (preview, then confirm), sees the agency; uploads a broken file and
// sees every problem by its path; and downloads all of the partnership's data.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";

test("the Barnet manager exports the profile, imports a changed copy and sees what a broken file gets wrong", async ({ page }) => {
  const agency = `Barnet Youth Offending Service ${Date.now()}`;
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/settings/profile");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Partnership profile" })).toBeVisible();
  await expectNoAxeViolations(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the profile (YAML)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("barnet-profile.yaml");
  const exported = await readFile(await download.path(), "utf8");
  expect(exported).toContain("name: Metropolitan Police Service");

  // One new agency; everything else as exported.
  const changed = exported.replace("agencies:\n", `agencies:\n  - key: e2e-yos\n    name: ${agency}\n    kind: YOUTH_OFFENDING\n`);
  await page.getByLabel("Upload a profile file").setInputFiles({ name: "barnet-profile.yaml", mimeType: "application/yaml", buffer: Buffer.from(changed) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Check what the file will change" })).toBeVisible();
  const agenciesRow = page.getByRole("row", { name: /Agencies/ });
  await expect(agenciesRow).toContainText("1");
  await expect(page.getByText("Nothing will be deleted")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Import the profile" }).click();
  await expect(page.getByRole("heading", { name: "Profile imported" })).toBeVisible();
  // The preview above counted exactly one agency; the total also counts what earlier
  // browser tests changed in Barnet since its export (the round trip itself is tested in vitest).
  await expect(page.getByText(/^\d+ things? (was|were) added or changed\.$/)).toBeVisible();

  await page.goto("/barnet/settings/agencies");
  await expect(page.getByText(agency).first()).toBeVisible();

  // A broken file: an unknown key, an agency key used twice, a priority led by an agency it does not define.
  await page.goto("/barnet/settings/profile");
  await page.waitForLoadState("networkidle");
  const broken = [
    "name: Barnet Safer Communities Partnership",
    "agencies:",
    "  - { key: mps, name: Metropolitan Police Service, kind: POLICE, leed: yes }",
    "  - { key: mps, name: Met Police, kind: POLICE }",
    "strategies:",
    "  - key: s",
    "    title: Safer Communities Strategy",
    "    startYear: 2011",
    "    endYear: 2013",
    "    priorities:",
    "      - { number: 1, title: Burglary, leads: [{ agency: MPS }] }",
    "",
  ].join("\n");
  await page.getByLabel("Upload a profile file").setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from(broken) });
  await page.getByRole("button", { name: "Check the file" }).click();
  const summary = page.locator(".govuk-error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("agencies[0].leed: is not something a profile can contain");
  await page.getByLabel("Upload a profile file").setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from(broken.replace(", leed: yes", "")) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(summary).toContainText("agencies[1].key: 'mps' is used twice");
  await expect(summary).toContainText("strategies[0].priorities[0].leads[0].agency: no agency 'MPS' in this file");
  await expectNoAxeViolations(page);

  // Not YAML at all.
  await page.getByLabel("Upload a profile file").setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from("name: x\nagencies: [\n  - a: b: c\n") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(summary).toContainText("The file is not valid YAML: line 3:");
  await expectNoAxeViolations(page);
});

test("the Barnet manager downloads all of the partnership's data", async ({ page }) => {
  await signIn(page, "manager@barnet.example");
  await page.goto("/barnet/settings/export");
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { name: "Download all data" })).toBeVisible();
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all data (zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^barnet-all-data-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = await readFile(await download.path());
  expect(zip.subarray(0, 2).toString()).toBe("PK");
});
