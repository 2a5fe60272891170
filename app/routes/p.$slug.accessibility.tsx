// The accessibility statement of a partnership's public page, in the form the Public
// Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations
// 2018 require, following GOV.UK's model statement.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AccessibilityStatement } from "~/components/accessibility-statement";
import { PublicNotFound } from "~/components/public-not-found";
import { PublicChrome } from "~/components/public-page";
import { readPublication } from "~/modules/publication/public.server";

export const handle = { hydrate: false };

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page ? `Accessibility statement: ${page.partnershipName}` : "Page not found" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await readPublication(request, params.slug, "accessibility");
  if (read.notModified) return data(null, { status: 304, headers: read.headers });
  return data({ slug: read.record.partnership.slug, partnershipName: read.snapshot.partnershipName, contact: read.snapshot.contact }, { headers: read.headers });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function PublicAccessibilityStatement() {
  const page = useLoaderData<typeof loader>();
  if (!page) return null;
  return (
    <PublicChrome partnershipName={page.partnershipName} slug={page.slug}>
      <AccessibilityStatement {...page} />
    </PublicChrome>
  );
}

export function ErrorBoundary() {
  return <PublicNotFound />;
}
