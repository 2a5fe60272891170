// A paper's file, downloaded: a resource route (no page), tenancy-checked like every other.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { getPaperFile, paperDownloadHeaders } from "~/modules/meetings/papers.server";
import { invariantResponse } from "~/utils/http";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const file = await getPaperFile(actor, params.meetingId ?? "", params.paperId ?? "");
  invariantResponse(file, "Paper not found");
  return new Response(file.bytes, { headers: paperDownloadHeaders(file) });
}
