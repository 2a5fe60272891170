// Open data: the published priorities, indicators and figures as JSON, with a metadata
// object (licence, what each field means).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicIndicatorsJson } from "~/modules/publication/public.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return publicIndicatorsJson(request, params.slug);
}
