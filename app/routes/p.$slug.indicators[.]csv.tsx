// Open data: the published indicators and figures as CSV (a row per figure). Its
// columns are described at indicators.csv-metadata.json.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicIndicatorsCsv } from "~/modules/publication/public.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return publicIndicatorsCsv(request, params.slug);
}
