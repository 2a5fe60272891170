// The public accountability page: what the partnership has approved for publication,
// for anyone, signed out. Plain HTML (no scripts), cacheable, 304 when unchanged.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PublicChrome, PublicPageBody } from "~/components/public-page";
import { PublicNotFound } from "~/components/public-not-found";
import { publicPageData, readPublication } from "~/modules/publication/public.server";
import { allowPageCache } from "~/modules/page-cache/page-cache.server";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `${page.snapshot.partnershipName}: our work and how we are doing` : "Page not found" },
  ...(page ? [{ name: "description", content: `What ${page.snapshot.partnershipName} is working on, and how it is doing against its targets.` }] : []),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await readPublication(request, params.slug, "page");
  if (read.notModified) return data(null, { status: 304, headers: read.headers });
  allowPageCache(read.record.partnership.id);
  return data(publicPageData(read), { headers: read.headers });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function PublicPage() {
  const page = useLoaderData<typeof loader>();
  if (!page) return null;
  return (
    <PublicChrome partnershipName={page.snapshot.partnershipName} slug={page.slug}>
      <PublicPageBody {...page} />
    </PublicChrome>
  );
}

export function ErrorBoundary() {
  return <PublicNotFound />;
}
