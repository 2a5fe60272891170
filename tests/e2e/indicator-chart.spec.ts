import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./axe";
import { withE2eDatabase } from "./e2e-database";

const INDICATOR = "Repeat incidents of domestic violence";

/** The financial year (April to March, by the year it starts in) that today is in. */
function thisFinancialYear() {
  const today = new Date();
  return today.getUTCMonth() >= 3 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
}

const yearLabel = (year: number) => `${year}/${String((year + 1) % 100).padStart(2, "0")}`;

/**
 * Barnet's strategy sets this indicator only "a reduction" for 2013/14; a number for
 * this year and last, as a manager would set in Settings, gives the RAG something to meet.
 */
async function setBarnetTargets(values: Array<[year: number, value: string]>) {
  await withE2eDatabase(async (client) => {
    for (const [year, value] of values) {
      await client.query(
        `insert into "ReportingPeriod" (id, "partnershipId", type, "startsOn", "endsOn", "financialYear", label)
         select gen_random_uuid(), p.id, 'YEAR', make_date($1, 4, 1), make_date($1 + 1, 3, 31), $1, $2 from "Partnership" p where p.slug = 'barnet'
         on conflict ("partnershipId", type, "startsOn") do nothing`,
        [year, yearLabel(year)],
      );
      await client.query(
        `insert into "Target" (id, "partnershipId", "indicatorId", "periodId", value, note)
         select gen_random_uuid(), i."partnershipId", i.id, r.id, $2, 'Agreed for the e2e test'
           from "Indicator" i join "Partnership" p on p.id = i."partnershipId"
           join "ReportingPeriod" r on r."partnershipId" = p.id and r.type = 'YEAR' and r."financialYear" = $1
          where p.slug = 'barnet' and i.name = $3
         on conflict ("indicatorId", "periodId") do update set value = excluded.value`,
        [year, value, INDICATOR],
      );
    }
  });
}

/** Where a Barnet indicator's figures come from, as a manager sets it on the police.uk settings page. */
async function setFiguresFrom(indicatorName: string, figuresFrom: "POLICE_UK" | "HAND_OR_CSV") {
  await withE2eDatabase((client) =>
    client.query(
      `update "Indicator" i set "figuresFrom" = $2::"IndicatorFiguresFrom" from "Partnership" p where p.id = i."partnershipId" and p.slug = 'barnet' and i.name = $1`,
      [indicatorName, figuresFrom],
    ),
  );
}

const chart = (page: Page) => page.locator('figure.app-trend-chart svg[role="img"]');
const points = (page: Page) => chart(page).locator("circle.app-trend-chart__point");
const performance = (page: Page) => page.locator(".govuk-summary-list").first();

async function enterFigure(page: Page, period: string, figure: string) {
  await page.getByRole("link", { name: "Enter a figure", exact: true }).click();
  await page.getByLabel("Period").selectOption({ label: period });
  await page.getByLabel("Figure", { exact: true }).fill(figure);
  await page.getByRole("button", { name: "Save figure" }).click();
  await expect(page.getByText("Figure saved")).toBeVisible();
}

// The targets are this test's own: later tests read Barnet's configuration as seeded.
test.afterAll(async () => {
  await withE2eDatabase((client) =>
    client.query(`delete from "Target" t using "Partnership" p where p.id = t."partnershipId" and p.slug = 'barnet' and t.note = 'Agreed for the e2e test'`),
  );
});

test("the Barnet police editor enters figures and sees the RAG and the chart change, with and without JavaScript, on screen and in print", async ({ page, browser, baseURL }) => {
  const thisYear = thisFinancialYear();
  const lastYear = thisYear - 1;
  await setBarnetTargets([
    [lastYear, "20"],
    [thisYear, "20"],
  ]);

  await signIn(page, "police.editor@barnet.example");
  await page.goto("/barnet/indicators");
  await page.getByRole("link", { name: INDICATOR }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(INDICATOR);
  const indicatorUrl = page.url();

  // Before: no figure, so grey, and a chart of the target alone that says so.
  await expect(performance(page)).toContainText("No figure yet");
  await expect(page.getByText(`Waiting for a figure for ${yearLabel(lastYear)}.`)).toBeVisible();
  await expect(chart(page)).toBeVisible();
  await expect(chart(page)).toHaveAttribute("aria-label", new RegExp(`no figures yet, target 20%`));
  await expect(points(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Last year's figure meets last year's target: green, and the chart gains its point.
  await enterFigure(page, yearLabel(lastYear), "19");
  await expect(performance(page).locator(".govuk-tag")).toHaveText("Green");
  await expect(performance(page)).toContainText("Target met");
  await expect(points(page)).toHaveCount(1);
  await expect(chart(page)).toHaveAttribute("aria-label", `Trend of ${INDICATOR}: latest 19% in ${yearLabel(lastYear)}, target 20%, baseline 21% in 2010/11. Lower is better.`);
  await expect(performance(page)).toContainText("2 percentage points lower than the baseline (9.5% lower)");
  await expect(page.getByText(`Waiting for a figure for ${yearLabel(lastYear)}.`)).toHaveCount(0);

  // This year's is 15 points over the target, beyond any tolerance the other tests leave: red.
  await enterFigure(page, yearLabel(thisYear), "35");
  await expect(performance(page).locator(".govuk-tag")).toHaveText("Red");
  await expect(performance(page)).toContainText("Worsening: 35% in " + yearLabel(thisYear) + ", up from 19% in " + yearLabel(lastYear));
  await expect(points(page)).toHaveCount(2);
  await expect(chart(page)).toHaveAttribute("aria-label", new RegExp(`latest 35% in ${yearLabel(thisYear).replace("/", "\\/")}, target 20%`));
  await expect(chart(page).locator("path.app-trend-chart__target")).toHaveCount(1);
  await expect(chart(page).locator("path.app-trend-chart__baseline")).toHaveCount(1);

  // The same figures as a table, for anyone who cannot see the chart.
  await page.getByText("Show the figures as a table").click();
  const table = page.getByRole("table", { name: `${INDICATOR}, as charted, newest first` });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row").nth(1).getByRole("rowheader")).toHaveText(yearLabel(thisYear));
  await expect(table.getByRole("row").nth(1).getByRole("cell")).toHaveText("35%");
  await expectNoAxeViolations(page);

  // Printed, the chart is still there and still the size of the page, not squashed.
  await page.emulateMedia({ media: "print" });
  await expect(chart(page)).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter a figure", exact: true })).toBeHidden();
  const printed = await chart(page).boundingBox();
  expect(printed?.width ?? 0).toBeGreaterThan(300);
  expect(printed?.height ?? 0).toBeGreaterThan(100);
  await page.emulateMedia({ media: "screen" });

  // Without JavaScript the chart is the same server-rendered picture, and the table opens.
  const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
  try {
    const plain = await noScript.newPage();
    await signIn(plain, "police.editor@barnet.example");
    await plain.goto(indicatorUrl);
    await expect(chart(plain)).toBeVisible();
    await expect(points(plain)).toHaveCount(2);
    await expect(performance(plain).locator(".govuk-tag")).toHaveText("Red");
    await plain.getByText("Show the figures as a table").click();
    const plainTable = plain.getByRole("table", { name: `${INDICATOR}, as charted, newest first` });
    await expect(plainTable.getByRole("row").nth(2).getByRole("rowheader")).toHaveText(yearLabel(lastYear));
    await expect(plainTable.getByRole("row").nth(2).getByRole("cell")).toHaveText("19%");
  } finally {
    await noScript.close();
  }
});

test("an indicator counted from police.uk files says so, and offers no figure to enter", async ({ page }) => {
  const name = "Domestic violence offences";
  await setFiguresFrom(name, "POLICE_UK");
  try {
    await signIn(page, "police.editor@barnet.example");
    await page.goto("/barnet/indicators");
    await page.getByRole("link", { name }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(performance(page)).toContainText("police.uk crime files");
    await expect(page.getByRole("link", { name: "Enter a figure", exact: true })).toHaveCount(0);
    await expect(chart(page)).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    await setFiguresFrom(name, "HAND_OR_CSV");
  }
});
