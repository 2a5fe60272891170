import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { TrendChart, type MeasuredChartIndicator, type TrendChartIndicator } from "~/components/charts/trend-chart";
import { chartIndicator, month, year } from "./chart-fixtures";

const burglary = chartIndicator({
  unit: "RATE_PER_1000",
  denominator: { name: "Households", kind: "HOUSEHOLDS" },
  figures: [
    { period: year(2011), value: "24.1", count: "3262" },
    { period: year(2012), value: "23.5", count: "3181" },
  ],
  targets: [{ period: year(2012), value: "23", requiredDirection: null, note: "5% reduction on 2010/11" }],
  baselines: [{ period: year(2010), value: "24.841", count: "3362" }],
});

function render(...args: Parameters<typeof TrendChart>) {
  // React marks where adjacent text nodes meet; a browser never shows those comments.
  return renderToString(<TrendChart {...args[0]} />).replaceAll("<!-- -->", "");
}

function svgOf(html: string) {
  return html.match(/<svg[^>]*role="img"[\s\S]*?<\/svg>/)?.[0] ?? "";
}

// The contract the dashboards and the report rely on: what measureIndicators returns is drawn as it is.
const fits = (indicator: MeasuredChartIndicator): TrendChartIndicator => indicator;

describe("the trend chart, rendered on the server", () => {
  const html = render({ indicator: fits(burglary) });

  it("is an SVG image named by a sentence that says what it shows", () => {
    expect(html).toMatch(/<svg[^>]*viewBox="0 0 640 320"/);
    expect(html).toContain('role="img"');
    expect(html).toContain(
      'aria-label="Trend of NI 16: Serious acquisitive crime: latest 23.5 per 1,000 households in 2012/13, target 23 per 1,000 households, baseline 24.841 per 1,000 households in 2010/11. Lower is better."',
    );
    expect(html).toContain("<strong>Lower is better.</strong>");
  });

  it("draws a dot for each figure, the target solid and the baseline dashed", () => {
    const svg = svgOf(html);
    expect(svg.match(/class="app-trend-chart__point"/g)).toHaveLength(2);
    expect(svg).toMatch(/<path[^>]*class="[^"]*app-trend-chart__target"[^>]*stroke="#0b0c0c"/);
    expect(svg).toMatch(/<path[^>]*class="[^"]*app-trend-chart__baseline"[^>]*stroke-dasharray="8 5"/);
    expect(svg).toContain(">Target 23<");
    expect(svg).toContain(">Baseline 24.841<");
    expect(svg).toContain(">2011/12<");
  });

  it("sets no style attribute, which the Content-Security-Policy would refuse", () => {
    expect(html).not.toContain("style=");
  });

  it("has the figures as a table inside a details a screen reader can open", () => {
    expect(html).toContain('<details class="govuk-details app-trend-chart__table">');
    expect(html).toContain("Show the figures as a table");
    expect(html).toMatch(/<th scope="row" class="govuk-table__header">2012\/13<\/th><td class="govuk-table__cell">3,181 \(23.5 per 1,000 households\)<\/td>/);
    expect(html).toContain("2011/12</th>");
    expect(html).toContain("Target for 2012/13: 23 per 1,000 households");
    expect(html).toContain("Baseline (2010/11): 24.841 per 1,000 households");
  });

  it("has no NaN or Infinity anywhere", () => {
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("leaves the table out when the caller shows one, and keeps the label when small", () => {
    const small = render({ indicator: burglary, size: "small", withTable: false, caption: "Burglary" });
    expect(small).toMatch(/<svg[^>]*viewBox="0 0 240 72"/);
    expect(small).toContain('role="img"');
    expect(small).toContain("aria-label=\"Trend of NI 16");
    expect(small).not.toContain("<table");
    expect(small).not.toContain(">2011/12<"); // no axis labels on a small multiple
    expect(small).toContain("Burglary <strong>Lower is better.</strong>");
  });
});

describe("the trend chart with little to draw", () => {
  it("with no figures, says so in the picture, the label and the table", () => {
    const html = render({ indicator: chartIndicator({ targets: [{ period: year(2013), value: "18", requiredDirection: null }] }) });
    expect(html).toContain('role="img"');
    expect(html).toContain("no figures yet");
    expect(html).toContain(">No figures yet<");
    expect(html).toContain("No figures yet.</td>");
    expect(html).not.toMatch(/NaN|Infinity/);
    expect(html).not.toContain("app-trend-chart__point");
  });

  it("with no figures, target or baseline at all, still renders", () => {
    const html = render({ indicator: chartIndicator({}) });
    expect(html).toContain('role="img"');
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("with one figure, draws one dot and no line", () => {
    const html = render({ indicator: chartIndicator({ figures: [{ period: year(2013), value: "20", count: null }] }) });
    const svg = svgOf(html);
    expect(svg.match(/class="app-trend-chart__point"/g)).toHaveLength(1);
    expect(svg).not.toContain("app-trend-chart__figures");
    expect(html).not.toMatch(/NaN|Infinity/);
  });

  it("with only a direction for a target, draws none and says why", () => {
    const html = render({
      indicator: chartIndicator({
        figures: [
          { period: year(2012), value: "22", count: null },
          { period: year(2013), value: "20", count: null },
        ],
        targets: [{ period: year(2013), value: null, requiredDirection: "REDUCE" }],
        baselines: [{ period: year(2010), value: "21", count: null }],
      }),
    });
    expect(svgOf(html)).not.toContain("app-trend-chart__target");
    expect(html).toContain("The target for 2013/14 is a reduction, with no number to draw.");
    expect(html).toContain("target a reduction");
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});

describe("the year-to-date chart", () => {
  it("explains the pro-rata target and tabulates the year to date", () => {
    const html = render({
      indicator: chartIndicator({
        unit: "COUNT",
        figures: [
          { period: month(2013, 4), value: "100", count: null },
          { period: month(2013, 5), value: "80", count: null },
        ],
        targets: [{ period: year(2013), value: "1100", requiredDirection: null }],
      }),
    });
    expect(html).toContain("target shared out over the year by the days that have passed");
    expect(html).toContain("Target pro rata</th>");
    expect(html).toMatch(/May 2013<\/th><td class="govuk-table__cell">80<\/td><td class="govuk-table__cell">180<\/td>/);
    expect(html).toContain("aria-label=\"Year to date of NI 16: Serious acquisitive crime: 2013/14 to date 180, target");
    expect(html).not.toMatch(/NaN|Infinity/);
  });
});
