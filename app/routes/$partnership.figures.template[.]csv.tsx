// The figures template of a partnership: the columns the import reads, and a line for
// each indicator the user can import figures for, in its latest period.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { figureImportTemplate } from "~/modules/figures/figure-import.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, partnership } = await requirePartnershipMember(request, params.partnership);
  const { filename, body } = await figureImportTemplate(actor, partnership);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
