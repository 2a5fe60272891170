// The briefing e-mail's HTML exactly as a named member receives it, for the manager's
// preview. It is someone else's markup shown on our origin: sandboxed by its own policy
// (no scripts, forms or plugins), never cached.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getDigestPage } from "~/modules/digest/report.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const page = await getDigestPage(actor, params.meetingId ?? "", new URL(request.url).searchParams.get("member"));
  invariantResponse(page?.preview, "Meeting not found");
  return new Response(page.preview.html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
