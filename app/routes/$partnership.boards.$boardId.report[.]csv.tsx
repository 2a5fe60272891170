// The board report's indicator table as CSV (?date= as the report), for a spreadsheet.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getBoardIndicatorsCsv } from "~/modules/performance/board-performance.server";
import { parseReportDate } from "~/modules/performance/report-schema";
import { todayIn } from "~/utils/dates";
import { notFound } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const chosen = parseReportDate(new URL(request.url).searchParams, todayIn(partnership.timeZone));
  if (!chosen.ok) return new Response(chosen.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const file = await getBoardIndicatorsCsv(actor, params.boardId ?? "", { asAt: chosen.date });
  if (!file) throw notFound();
  return new Response(file.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
