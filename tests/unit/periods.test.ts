import { describe, expect, it } from "vitest";
import { resolvePeriod } from "~/modules/periods/periods";
import { formatCalendarDate, formatTimeOfDay, strategyHeading, todayIn } from "~/utils/dates";
import { formatIndicatorValue } from "~/utils/format";

const day = (d: Date) => d.toISOString().slice(0, 10);

describe("periods of the financial year", () => {
  it("writes years, quarters, months and weeks as officers do", () => {
    expect(resolvePeriod({ type: "YEAR", financialYear: 2010 }, 4)).toMatchObject({ label: "2010/11", financialYear: 2010 });
    const q2 = resolvePeriod({ type: "QUARTER", financialYear: 2013, quarter: 2 }, 4);
    expect([q2.label, day(q2.startsOn), day(q2.endsOn)]).toEqual(["Q2 2013/14", "2013-07-01", "2013-09-30"]);
    const q4 = resolvePeriod({ type: "QUARTER", financialYear: 2013, quarter: 4 }, 4);
    expect([day(q4.startsOn), day(q4.endsOn)]).toEqual(["2014-01-01", "2014-03-31"]);
    const jan = resolvePeriod({ type: "MONTH", year: 2013, month: 1 }, 4);
    expect([jan.label, jan.financialYear, day(jan.endsOn)]).toEqual(["January 2013", 2012, "2013-01-31"]);
    const week = resolvePeriod({ type: "WEEK", endsOn: "2013-01-13" }, 4);
    expect([week.label, day(week.startsOn)]).toEqual(["Week ending 13 January 2013", "2013-01-07"]);
  });

  it("follows a financial year that does not start in April", () => {
    const year = resolvePeriod({ type: "YEAR", financialYear: 2024 }, 1);
    expect([year.label, day(year.startsOn), day(year.endsOn)]).toEqual(["2024", "2024-01-01", "2024-12-31"]);
  });

  it("crosses the clocks changing without shifting a day", () => {
    const year = resolvePeriod({ type: "YEAR", financialYear: 2024 }, 4);
    expect([day(year.startsOn), day(year.endsOn)]).toEqual(["2024-04-01", "2025-03-31"]);
  });
});

describe("dates and values on the page", () => {
  it("writes dates and times the GOV.UK way", () => {
    expect(formatCalendarDate(new Date("2013-01-15T00:00:00Z"))).toBe("15 January 2013");
    expect(formatTimeOfDay(new Date("1970-01-01T18:30:00Z"))).toBe("6:30pm");
    expect(formatTimeOfDay(new Date("1970-01-01T14:00:00Z"))).toBe("2pm");
  });

  it("takes today's date in London, not UTC", () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(day(todayIn("Europe/London", new Date("2025-06-30T23:30:00Z")))).toBe("2025-07-01");
    expect(day(todayIn("Europe/London", new Date("2025-12-31T23:30:00Z")))).toBe("2025-12-31");
  });

  it("writes values with their unit and denominator", () => {
    expect(formatIndicatorValue("24.841", "RATE_PER_1000", "Households")).toBe("24.841 per 1,000 households");
    expect(formatIndicatorValue("60", "PERCENTAGE")).toBe("60%");
    expect(formatIndicatorValue("25705", "COUNT")).toBe("25,705");
  });

  it("names a strategy's period only when its title does not", () => {
    expect(strategyHeading({ title: "Safer Communities Strategy 2011-2014", startYear: 2011, endYear: 2013 })).toBe(
      "Safer Communities Strategy 2011-2014",
    );
    expect(strategyHeading({ title: "Community Safety Strategy", startYear: 2024, endYear: 2026 })).toBe(
      "Community Safety Strategy (2024-27)",
    );
  });
});
