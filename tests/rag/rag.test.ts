import { describe, expect, it } from "vitest";
import { indicatorRag, type RagInput } from "~/modules/rag/rag";

const base: RagInput = {
  unit: "COUNT",
  direction: "LOWER_IS_BETTER",
  latest: "100",
  target: { value: "100", requiredDirection: null },
  baseline: null,
  tolerance: 5,
};
const rag = (overrides: Partial<RagInput>) => indicatorRag({ ...base, ...overrides }).rag;

describe("numeric targets", () => {
  it("is green when the target is met or beaten, in the indicator's direction", () => {
    expect(rag({ latest: "100" })).toBe("GREEN");
    expect(rag({ latest: "90" })).toBe("GREEN");
    expect(rag({ direction: "HIGHER_IS_BETTER", latest: "110" })).toBe("GREEN");
  });

  it("is amber within the tolerance (relative for counts and rates) and red beyond", () => {
    expect(rag({ latest: "105" })).toBe("AMBER");
    expect(rag({ latest: "105.0001" })).toBe("RED");
    expect(rag({ direction: "HIGHER_IS_BETTER", latest: "95" })).toBe("AMBER");
    expect(rag({ direction: "HIGHER_IS_BETTER", latest: "94.9999" })).toBe("RED");
    // 5% of 24.841 is 1.24205: 26.0830 is within, 26.0831 is not.
    expect(rag({ unit: "RATE_PER_1000", target: { value: "24.841", requiredDirection: null }, latest: "26.083" })).toBe("AMBER");
    expect(rag({ unit: "RATE_PER_1000", target: { value: "24.841", requiredDirection: null }, latest: "26.0831" })).toBe("RED");
  });

  it("uses percentage points for percentages", () => {
    const pct = { unit: "PERCENTAGE" as const, direction: "HIGHER_IS_BETTER" as const, target: { value: "60", requiredDirection: null } };
    expect(rag({ ...pct, latest: "55" })).toBe("AMBER"); // 5 points short, though 8.3% of the target
    expect(rag({ ...pct, latest: "54.99" })).toBe("RED");
    expect(rag({ ...pct, latest: "60" })).toBe("GREEN");
  });

  it("follows the partnership's tolerance", () => {
    expect(rag({ latest: "109", tolerance: "10" })).toBe("AMBER");
    expect(rag({ latest: "101", tolerance: "0" })).toBe("RED");
    expect(rag({ latest: "102.5", tolerance: "2.5" })).toBe("AMBER");
  });
});

describe("direction-only targets", () => {
  const reduce = { target: { value: null, requiredDirection: "REDUCE" as const }, baseline: { value: "24.841" } };
  it("compares the latest figure with the baseline in the indicator's direction", () => {
    expect(rag({ ...reduce, latest: "23" })).toBe("GREEN");
    expect(rag({ ...reduce, latest: "24.841" })).toBe("AMBER");
    expect(rag({ ...reduce, latest: "25" })).toBe("RED");
    expect(rag({ ...reduce, direction: "HIGHER_IS_BETTER", latest: "25" })).toBe("GREEN");
  });

  it("holding the baseline meets a target to maintain", () => {
    expect(rag({ target: { value: null, requiredDirection: "MAINTAIN" }, baseline: { value: "10" }, latest: "10" })).toBe("GREEN");
  });

  it("cannot rate without a baseline value", () => {
    expect(rag({ ...reduce, baseline: { value: null }, latest: "20" })).toBe("NOT_RATED");
    expect(rag({ ...reduce, baseline: null, latest: "20" })).toBe("NOT_RATED");
  });
});

describe("grey", () => {
  it("is 'no figure yet' when there is no figure, whatever the target", () => {
    expect(indicatorRag({ ...base, latest: null })).toEqual({ rag: "NO_FIGURE", reason: "No figure yet" });
  });
  it("is not rated when there is no target", () => {
    expect(rag({ target: null })).toBe("NOT_RATED");
  });
});
