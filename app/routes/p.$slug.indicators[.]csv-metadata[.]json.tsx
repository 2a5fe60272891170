// Open data: what indicators.csv's columns mean, and its licence (CSV on the Web metadata).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicIndicatorsCsvMetadata } from "~/modules/publication/public.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return publicIndicatorsCsvMetadata(request, params.slug);
}
