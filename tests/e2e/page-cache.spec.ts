// The page cache (docs/decisions/0018-page-cache.md) on the real pages of the production
// server: a kept page goes back only to the member who asked for it, and what anyone
// saves shows at once, whether saved through the app or written by another process.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./axe";
import { withE2eDatabase } from "./e2e-database";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Opens the page until the server answers it from memory (other tests' writes may empty the cache). */
async function openFromCache(page: Page, path: string) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    if (response?.headers()["x-page-cache"] === "hit") return;
  }
  throw new Error(`${path} never came from the cache`);
}

test("a kept page goes only to the member who asked: others get their own, outsiders get nothing", async ({ browser }) => {
  const manager = await signedIn(browser, "manager@barnet.example");
  await openFromCache(manager, "/barnet");
  await expect(manager.getByRole("link", { name: "Settings", exact: true })).toBeVisible();

  // A board member of the same partnership asks for the same address: their own page, without the manager's sections.
  const member = await signedIn(browser, "board.member@barnet.example");
  const memberResponse = await member.goto("/barnet");
  expect(memberResponse?.status()).toBe(200);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Barnet Safer Communities Partnership");
  await expect(member.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);
  await expect(member.getByRole("button", { name: "Sign out" })).toBeVisible();

  // Another partnership's manager, and someone signed out, never see Barnet's kept page.
  const outsider = await signedIn(browser, "manager@haringey.example");
  expect((await outsider.goto("/barnet"))?.status()).toBe(404);
  const signedOut = await (await browser.newContext()).newPage();
  await signedOut.goto("/barnet");
  await expect(signedOut).toHaveURL(/\/sign-in\?redirectTo=%2Fbarnet/);

  // The manager's own session, signed out, does not get its kept page back.
  const cookies = await manager.context().cookies();
  await manager.getByRole("button", { name: "Sign out" }).click();
  await expect(manager).toHaveURL(/\/sign-in$/);
  const replay = await (await browser.newContext()).newPage();
  await replay.context().addCookies(cookies);
  await replay.goto("/barnet");
  await expect(replay).toHaveURL(/\/sign-in/);
});

test("a saved change shows at once on a page kept before it, whoever wrote it", async ({ browser }) => {
  const manager = await signedIn(browser, "manager@barnet.example");
  await manager.goto("/barnet");
  await manager.getByRole("link", { name: /^1\. Property crime/ }).click();
  await expect(manager).toHaveURL(/\/barnet\/priorities\/[0-9a-f-]{36}$/);
  const priorityPath = new URL(manager.url()).pathname;
  const original = await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ progressSummary: string | null }>(
      `select pr."progressSummary" from "Priority" pr where pr.id = $1`,
      [priorityPath.split("/").pop()],
    );
    return rows[0]!.progressSummary;
  });
  try {
    await openFromCache(manager, priorityPath);

    // Saved through the app.
    await manager.getByRole("link", { name: /Update what we will do and progress/ }).click();
    await manager.getByLabel("Progress summary").fill("Burglary down 12% since the spring: kept page test.");
    await manager.getByRole("button", { name: "Save priority" }).click();
    await expect(manager.getByText("Burglary down 12% since the spring: kept page test.", { exact: true })).toBeVisible();
    await openFromCache(manager, priorityPath);

    // Written by another process (a job, another app machine): PostgreSQL tells this one.
    await withE2eDatabase((client) =>
      client.query(`update "Priority" set "progressSummary" = $2 where id = $1`, [priorityPath.split("/").pop(), "Written elsewhere: kept page test."]),
    );
    await expect(async () => {
      await manager.goto(priorityPath);
      await expect(manager.getByText("Written elsewhere: kept page test.", { exact: true })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 5_000 });
  } finally {
    await withE2eDatabase((client) => client.query(`update "Priority" set "progressSummary" = $2 where id = $1`, [priorityPath.split("/").pop(), original]));
  }
});
