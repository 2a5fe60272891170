import { assertCan, type Actor } from "~/modules/access/actor.server";
import { findLastMeeting, findNextMeeting } from "~/modules/meetings/meetings.server";
import { readSetupProgress } from "~/modules/onboarding/setup.server";
import { readPartnershipPerformance } from "~/modules/performance/board-performance.server";
import { withTenant } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";

/** Everything the partnership home page shows, in a fixed number of queries. */
export async function getPartnershipHome(actor: Actor, timeZone: string) {
  assertCan(actor, "partnership:read");
  const { partnershipId } = actor;
  const today = todayIn(timeZone);
  return withTenant(partnershipId, async (tx) => {
    // Priorities with their RAG counts, indicators, areas of slippage and what is not updated.
    const performance = await readPartnershipPerformance(tx, partnershipId);
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
