// The import page's upload with progress: the same import as the page's own form, but
// answered in JSON, so the page can show upload progress (which, as the server counts
// while the file streams in, is the counting's progress too) and then the report.
import { type ActionFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { importPoliceUkUpload } from "~/modules/police-uk/police-uk-upload.server";

export type UploadAnswer = { ok: true; redirectTo: string } | { ok: false; problems: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const result = await importPoliceUkUpload(actor, request);
  if (result.status === "refused") return Response.json({ ok: false, problems: result.problems } satisfies UploadAnswer, { status: 400 });
  const query = new URLSearchParams({ months: result.months.join(",") });
  return Response.json({ ok: true, redirectTo: `/${partnership.slug}/police-uk/import?${query}` } satisfies UploadAnswer);
}
