// Downloads everything the partnership holds: a zip of one CSV per table and a JSON file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { exportAllData } from "~/modules/data-export/data-export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const { filename, zip } = await exportAllData(actor);
  return new Response(new Uint8Array(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(zip.byteLength),
      "Cache-Control": "no-store",
    },
  });
}
