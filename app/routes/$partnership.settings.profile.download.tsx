// Downloads the partnership's profile: its configuration as one YAML file.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePartnershipMember } from "~/modules/access/actor.server";
import { exportProfile } from "~/modules/profiles/profile-export.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requirePartnershipMember(request, params.partnership);
  const { filename, body } = await exportProfile(actor);
  return new Response(body, {
    headers: {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
