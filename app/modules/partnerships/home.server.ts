import { assertCan, type Actor } from "~/modules/access/actor.server";
import { findLastMeeting, findNextMeeting } from "~/modules/meetings/meetings.server";
import { readSetupProgress } from "~/modules/onboarding/setup.server";
import { readPartnershipPerformance, type Performance } from "~/modules/performance/board-performance.server";
import type { MeasuredIndicator } from "~/modules/performance/performance.server";
import { withTenant } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";

/** Everything the partnership home page shows, in a fixed number of queries. */
export async function getPartnershipHome(actor: Actor, timeZone: string) {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  const today = todayIn(timeZone);
  return withTenant(partnershipId, async (tx) => {
    // Priorities with their RAG counts, indicators, areas of slippage and what is not updated.
    const performance = withoutSeries(await readPartnershipPerformance(tx, partnershipId));
    const councils = await tx.council.findMany({ where: { partnershipId }, orderBy: { name: "asc" }, select: { name: true } });
    const boards = await tx.board.findMany({
      where: { partnershipId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true, kind: true, parentBoardId: true, _count: { select: { members: true } } },
    });
    const nextMeeting = await findNextMeeting(tx, partnershipId, today);
    const lastMeeting = nextMeeting ? null : await findLastMeeting(tx, partnershipId, today);
    // While set-up is not finished, managers are told what is still missing.
    const setup = await readSetupProgress(tx, partnershipId);
    return {
      setup: { finished: setup.completedAt !== null, missing: setup.missing, hasStrategy: setup.hasStrategy },
      councils: councils.map((c) => c.name),
      strategy: performance.strategy,
      priorities: performance.priorities,
      performance,
      boards,
      indicatorCount: performance.indicators.length,
      nextMeeting,
      lastMeeting,
    };
  });
}

/**
 * The home page lists indicators but draws no chart: their five-year series, and the
 * targets and baselines the chart lines need, were most of the page's weight (1.2 MB
 * of loader data for a partnership of 50 indicators, serialised into every page).
 * The measure (latest figure, change, RAG) is computed before this and kept.
 */
function withoutSeries(performance: Performance): Performance {
  const slim = (indicator: MeasuredIndicator): MeasuredIndicator => ({ ...indicator, series: [], allTargets: [], allBaselines: [] });
  return {
    ...performance,
    indicators: performance.indicators.map(slim),
    slippage: { ...performance.slippage, indicators: performance.slippage.indicators.map((entry) => ({ ...entry, indicator: slim(entry.indicator) })) },
    notUpdated: { ...performance.notUpdated, indicators: performance.notUpdated.indicators.map((entry) => ({ ...entry, indicator: slim(entry.indicator) })) },
  };
}
