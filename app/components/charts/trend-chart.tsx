// An indicator's trend against its target and baseline, drawn as SVG on the server: it
// needs no script, scales with its viewBox, and prints. Colours are GOV.UK's, and never
// the only difference: figures are a solid line with dots, targets a heavy solid step,
// baselines dashed, each named in text. Styling is in attributes because the site's
// Content-Security-Policy refuses style attributes (and visx's <Text> sets one, so
// tick labels are plain <text> here).
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { LinePath } from "@visx/shape";
import type { ReactNode } from "react";
import type { MeasuredIndicator } from "~/modules/performance/performance.server";
import { formatNumber } from "~/utils/format";
import { chartScales, trendChartData, valueText, type ChartBox, type ChartIndicator, type ReferenceLine, type TrendChartData } from "./chart-data";

/** What the dashboards and reports pass: a MeasuredIndicator, or this much of it. */
export type MeasuredChartIndicator = Pick<MeasuredIndicator, "code" | "name" | "unit" | "direction" | "denominator" | "series" | "allTargets" | "allBaselines" | "measure">;

/**
 * What the chart reads. Every MeasuredChartIndicator is one (tests/unit/trend-chart.test.tsx
 * holds that); so is an indicator rebuilt from elsewhere (a published snapshot) with no
 * figure entry times to give.
 */
export type TrendChartIndicator = ChartIndicator;

/** GOV.UK Frontend's palette. The lines that carry meaning are at least 3:1 against white (WCAG 1.4.11); the grid is only a guide. */
export const CHART_COLOURS = {
  figures: "#1d70b8",
  target: "#0b0c0c",
  baseline: "#505a5f",
  grid: "#b1b4b6",
  text: "#0b0c0c",
  secondaryText: "#505a5f",
} as const;

const FONT = '"GDS Transport", arial, sans-serif';
const BASELINE_DASH = "8 5";

const BOXES: Record<"full" | "small", ChartBox> = {
  full: { width: 640, height: 320, top: 16, right: 112, bottom: 52, left: 72 },
  small: { width: 240, height: 72, top: 6, right: 6, bottom: 6, left: 6 },
};

export function TrendChart(props: { indicator: TrendChartIndicator; size?: "full" | "small"; caption?: string; withTable?: boolean }) {
  const size = props.size ?? "full";
  const withTable = props.withTable ?? true;
  // A small multiple shows which way things are going, so its scale fits the values rather than starting at 0.
  const data = trendChartData(props.indicator, { fromZero: size === "full" });
  const caption = props.caption ?? defaultCaption(data);
  return (
    <figure className={`app-trend-chart app-trend-chart--${size} app-avoid-break`}>
      <figcaption className={size === "full" ? "govuk-body" : "govuk-body-s govuk-!-margin-bottom-1"}>
        {`${caption} `}
        <strong>{`${data.direction}.`}</strong>
      </figcaption>
      <ChartSvg data={data} size={size} />
      {size === "full" ? <Legend data={data} /> : null}
      {withTable ? <ChartTable data={data} indicator={props.indicator} /> : null}
    </figure>
  );
}

function round(value: number) {
  return Math.round(value * 100) / 100;
}

function defaultCaption(data: TrendChartData) {
  if (data.points.length === 0) return "No figures yet.";
  if (data.basis === "YEAR_TO_DATE") {
    return "Each financial year's figures added up from the start of the year (the year to date), against the year's target pro rata: the target shared out over the year by the days that have passed.";
  }
  return "Each figure against the target for its period and the baseline.";
}

function ChartSvg({ data, size }: { data: TrendChartData; size: "full" | "small" }) {
  const box = BOXES[size];
  const scales = chartScales(data, box);
  const full = size === "full";
  const left = box.left;
  const right = box.width - box.right;
  const bottom = box.height - box.bottom;
  // Two decimal places of a viewBox unit are finer than any screen or printer.
  const x = (date: Date) => round(scales.x(date) ?? left);
  const y = (value: number) => round(scales.y(value) ?? bottom);
  // A year of weekly figures is 52 dots: smaller ones keep the line readable.
  const crowded = data.points.length > 40;
  const dot = full ? (crowded ? 2.5 : 4.5) : crowded ? 1.5 : 2.5;
  return (
    <svg
      className="app-trend-chart__svg"
      viewBox={`0 0 ${box.width} ${box.height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={data.summary}
      focusable="false"
      fontFamily={FONT}
    >
      <rect x={0} y={0} width={box.width} height={box.height} fill="#ffffff" />
      {full ? (
        <>
          {data.yTicks.map((tick) => (
            <line key={`grid-${tick.at}`} x1={left} x2={right} y1={y(tick.at)} y2={y(tick.at)} stroke={CHART_COLOURS.grid} strokeWidth={1} />
          ))}
          {data.yearStarts.map((at) => (
            <line key={`year-${at.getTime()}`} x1={x(at)} x2={x(at)} y1={box.top} y2={bottom} stroke={CHART_COLOURS.grid} strokeWidth={1} />
          ))}
          <AxisLeft
            left={left}
            scale={scales.y}
            tickValues={data.yTicks.map((t) => t.at)}
            tickFormat={(value) => data.yTicks.find((t) => t.at === Number(value))?.label ?? formatNumber(String(value))}
            stroke={CHART_COLOURS.text}
            tickStroke={CHART_COLOURS.text}
            tickComponent={({ x: tx, y: ty, formattedValue }) => (
              <text x={tx} y={ty} dx={-4} dy="0.32em" textAnchor="end" fontSize={13} fill={CHART_COLOURS.text}>
                {formattedValue}
              </text>
            )}
          />
          <AxisBottom
            top={bottom}
            scale={scales.x}
            tickValues={data.xTicks.map((t) => t.at)}
            tickFormat={(value) => data.xTicks.find((t) => t.at.getTime() === (value instanceof Date ? value.getTime() : Number(value)))?.label ?? ""}
            stroke={CHART_COLOURS.text}
            tickStroke={CHART_COLOURS.text}
            tickComponent={({ x: tx, y: ty, formattedValue }) => (
              <text x={tx} y={ty} dy="0.6em" textAnchor="middle" fontSize={13} fill={CHART_COLOURS.text}>
                {formattedValue}
              </text>
            )}
          />
          <text x={(left + right) / 2} y={box.height - 6} textAnchor="middle" fontSize={13} fill={CHART_COLOURS.secondaryText}>
            {data.xTitle}
          </text>
          <text x={14} y={(box.top + bottom) / 2} transform={`rotate(-90 14 ${(box.top + bottom) / 2})`} textAnchor="middle" fontSize={13} fill={CHART_COLOURS.secondaryText}>
            {data.yTitle}
          </text>
        </>
      ) : data.y.from === 0 ? (
        <line x1={left} x2={right} y1={y(0)} y2={y(0)} stroke={CHART_COLOURS.grid} strokeWidth={1} />
      ) : null}
      <Group>
        {data.baselines.map((line, index) => (
          <LinePath
            key={`baseline-${index}`}
            className="app-trend-chart__baseline"
            data={line.points}
            x={(p) => x(p.at)}
            y={(p) => y(p.value)}
            stroke={CHART_COLOURS.baseline}
            strokeWidth={full ? 2 : 1.5}
            strokeDasharray={BASELINE_DASH}
            fill="none"
          />
        ))}
        {data.targets.map((line, index) => (
          <LinePath
            key={`target-${index}`}
            className="app-trend-chart__target"
            data={line.points}
            x={(p) => x(p.at)}
            y={(p) => y(p.value)}
            stroke={CHART_COLOURS.target}
            strokeWidth={full ? 3 : 2}
            fill="none"
          />
        ))}
        {data.figureLines.map((line, index) =>
          line.length > 1 ? (
            <LinePath
              key={`figures-${index}`}
              className="app-trend-chart__figures"
              data={line}
              x={(p) => x(p.at)}
              y={(p) => y(p.value)}
              stroke={CHART_COLOURS.figures}
              strokeWidth={full ? 2.5 : 1.5}
              strokeLinejoin="round"
              fill="none"
            />
          ) : null,
        )}
        {data.points.map((point) => (
          <circle
            key={`point-${point.at.getTime()}`}
            className="app-trend-chart__point"
            cx={x(point.at)}
            cy={y(point.value)}
            r={dot}
            fill={CHART_COLOURS.figures}
            stroke="#ffffff"
            strokeWidth={1}
          />
        ))}
      </Group>
      {full ? <LineLabels lines={[...data.targets, ...data.baselines]} x={x} y={y} right={right} top={box.top} bottom={bottom} /> : null}
      {data.points.length === 0 ? (
        <text x={(left + right) / 2} y={(box.top + bottom) / 2} textAnchor="middle" fontSize={full ? 16 : 11} fill={CHART_COLOURS.secondaryText}>
          No figures yet
        </text>
      ) : null}
    </svg>
  );
}

/** Each target and baseline named at its right-hand end, nudged apart when they would overlap. */
function LineLabels(props: { lines: ReferenceLine[]; x: (d: Date) => number; y: (v: number) => number; right: number; top: number; bottom: number }) {
  const placed: Array<{ line: ReferenceLine; at: number; y: number }> = [];
  const labels = props.lines
    .map((line) => {
      const end = line.points.at(-1)!;
      return { line, at: Math.min(props.x(end.at), props.right), y: props.y(end.value) };
    })
    // Only the line ending furthest right of each kind gets a label at the edge; earlier ones are in the legend.
    .filter((label) => label.at >= props.right - 1)
    .sort((a, b) => a.y - b.y);
  for (const label of labels) {
    const previous = placed.at(-1);
    const wanted = previous && label.y - previous.y < 16 ? previous.y + 16 : label.y;
    placed.push({ ...label, y: Math.min(Math.max(wanted, props.top + 8), props.bottom) });
  }
  return (
    <g>
      {placed.map(({ line, at, y }, index) => (
        <text key={index} x={at + 6} y={y} dy="0.32em" fontSize={13} fill={line.kind === "TARGET" ? CHART_COLOURS.target : CHART_COLOURS.baseline} fontWeight={line.kind === "TARGET" ? 700 : 400}>
          {line.label}
        </text>
      ))}
    </g>
  );
}

function uniqueByDescription(lines: ReferenceLine[]) {
  return lines.filter((line, index) => lines.findIndex((other) => other.description === line.description) === index);
}

function Sample({ children }: { children: ReactNode }) {
  return (
    <svg className="app-trend-chart__key" viewBox="0 0 36 12" width="36" height="12" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** What each line is, in words beside a sample of its stroke, so nothing depends on colour. */
function Legend({ data }: { data: TrendChartData }) {
  const items: Array<{ key: string; sample: ReactNode; text: string }> = [];
  if (data.points.length > 0) {
    items.push({
      key: "figures",
      sample: (
        <>
          <line x1={0} x2={36} y1={6} y2={6} stroke={CHART_COLOURS.figures} strokeWidth={2.5} />
          <circle cx={18} cy={6} r={4} fill={CHART_COLOURS.figures} />
        </>
      ),
      text: data.basis === "YEAR_TO_DATE" ? "Year to date (solid line with dots, starting again each year)" : "Figures (solid line with dots)",
    });
  }
  for (const [index, line] of data.targets.entries()) {
    items.push({
      key: `target-${index}`,
      sample: <line x1={0} x2={36} y1={6} y2={6} stroke={CHART_COLOURS.target} strokeWidth={3} />,
      text: `${line.description} (heavy solid line${data.basis === "YEAR_TO_DATE" ? ", rising over the year" : ""})`,
    });
  }
  // A baseline shared out over each year is drawn once a year but named once.
  for (const [index, line] of uniqueByDescription(data.baselines).entries()) {
    items.push({
      key: `baseline-${index}`,
      sample: <line x1={0} x2={36} y1={6} y2={6} stroke={CHART_COLOURS.baseline} strokeWidth={2} strokeDasharray={BASELINE_DASH} />,
      text: `${line.description} (dashed line)`,
    });
  }
  if (items.length === 0 && data.notes.length === 0) return null;
  return (
    <>
      <ul className="govuk-list govuk-body-s app-trend-chart__legend">
        {items.map((item) => (
          <li key={item.key}>
            <Sample>{item.sample}</Sample> {item.text}
          </li>
        ))}
      </ul>
      {data.notes.map((note) => (
        <p key={note} className="govuk-body-s">
          {note}
        </p>
      ))}
    </>
  );
}

function ChartTable({ data, indicator }: { data: TrendChartData; indicator: TrendChartIndicator }) {
  const yearToDate = data.basis === "YEAR_TO_DATE";
  const rates = indicator.unit.startsWith("RATE_");
  const figure = (point: TrendChartData["points"][number]) =>
    rates && point.count !== null ? `${formatNumber(point.count)} (${valueText(indicator, point.figure)})` : valueText(indicator, point.figure);
  const rows = [...data.points].reverse();
  return (
    <details className="govuk-details app-trend-chart__table">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Show the figures as a table</span>
      </summary>
      <div className="govuk-details__text">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{`${data.title}${yearToDate ? ", year to date" : ""}, as charted, newest first`}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Period
              </th>
              <th scope="col" className="govuk-table__header">
                Figure
              </th>
              {yearToDate ? (
                <>
                  <th scope="col" className="govuk-table__header">
                    Year to date
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Target pro rata
                  </th>
                </>
              ) : null}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {rows.length === 0 ? (
              <tr className="govuk-table__row">
                <td className="govuk-table__cell" colSpan={yearToDate ? 4 : 2}>
                  No figures yet.
                </td>
              </tr>
            ) : (
              rows.map((point) => (
                <tr key={point.at.getTime()} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {point.periodLabel}
                  </th>
                  <td className="govuk-table__cell">{figure(point)}</td>
                  {yearToDate ? (
                    <>
                      <td className="govuk-table__cell">{valueText(indicator, point.plotted)}</td>
                      <td className="govuk-table__cell">{point.targetToDate === null ? "None" : valueText(indicator, point.targetToDate)}</td>
                    </>
                  ) : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
        {data.targets.length + data.baselines.length > 0 ? (
          <ul className="govuk-list govuk-body-s">
            {uniqueByDescription([...data.targets, ...data.baselines]).map((line) => (
              <li key={line.description}>{line.description}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
