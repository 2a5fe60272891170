// "Add to calendar": the meeting as an iCalendar file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getMeetingCalendar } from "~/modules/meetings/calendar.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const pageUrl = new URL(`/${partnership.slug}/meetings/${params.meetingId}`, request.url).toString();
  const calendar = await getMeetingCalendar(actor, params.meetingId ?? "", partnership, pageUrl);
  invariantResponse(calendar, "Meeting not found");
  return new Response(calendar.text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${calendar.fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
