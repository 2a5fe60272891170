// The public side, with no one signed in: /p/<slug>, its accessibility statement and
// open data. Everything comes from the latest approved snapshot (one registry read,
// a constant number of queries), so nothing unapproved can reach it. Responses are
// cacheable: an ETag from what the response is made of, and 304 to a matching
// If-None-Match.
import { createHash } from "node:crypto";
import { findPublicPageBySlug, type PublicPageRecord } from "~/modules/registry/registry.server";
import { notFound } from "~/utils/http";
import { indicatorsCsv, indicatorsCsvMetadata, indicatorsJson } from "./open-data";
import { asSnapshot, type PublicSnapshot } from "./snapshot";

export const PUBLIC_CACHE_CONTROL = "public, max-age=300";

// Part of every ETag: a new release may render the same snapshot differently, so a
// restart (each deploy) makes browsers fetch afresh once rather than keep old markup.
const RELEASE = `${process.env.FLY_IMAGE_REF ?? ""}${Date.now()}`;

export type PublicResource = "page" | "accessibility" | "csv" | "csv-metadata" | "json";

export type PublicRead = {
  record: PublicPageRecord;
  snapshot: PublicSnapshot;
  etag: string;
  /** Cache-Control and ETag, for the response and for a 304. */
  headers: Record<string, string>;
  /** The request's If-None-Match names this ETag: answer 304 Not Modified. */
  notModified: boolean;
};

function etagOf(resource: PublicResource, record: PublicPageRecord) {
  const hash = createHash("sha256")
    .update(JSON.stringify([RELEASE, resource, record.publication.id, (record.publication.revisedAt ?? record.publication.approvedAt).toISOString(), record.meetings]))
    .digest("base64url")
    .slice(0, 27);
  return `"${hash}"`;
}

/** RFC 9110's weak comparison: W/"x" matches "x"; * matches anything. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

/**
 * The latest publication of the partnership at `slug`, for `resource`; 404 (thrown)
 * when there is no such partnership or it has published nothing.
 */
export async function readPublication(request: Request, slug: string | undefined, resource: PublicResource): Promise<PublicRead> {
  const record = slug ? await findPublicPageBySlug(slug) : null;
  if (!record) throw notFound("This partnership has not published anything here.");
  const snapshot = asSnapshot(record.publication.snapshot);
  const etag = etagOf(resource, record);
  return {
    record,
    snapshot,
    etag,
    headers: { "Cache-Control": PUBLIC_CACHE_CONTROL, ETag: etag },
    notModified: matchesIfNoneMatch(request.headers.get("If-None-Match"), etag),
  };
}

/** What the public page renders: the snapshot, its dates and the upcoming meetings. */
export function publicPageData(read: PublicRead) {
  const { record, snapshot } = read;
  return {
    slug: record.partnership.slug,
    timeZone: record.partnership.timeZone,
    approvedAt: record.publication.approvedAt,
    revisedAt: record.publication.revisedAt,
    snapshot,
    meetings: record.meetings,
  };
}

function absolute(request: Request, path: string) {
  return new URL(path, request.url).toString();
}

/** A 304 with the same validators, or the file with them. */
function fileResponse(read: PublicRead, body: string, headers: Record<string, string>) {
  if (read.notModified) return new Response(null, { status: 304, headers: read.headers });
  // Open data: any site's scripts may read it.
  return new Response(body, { headers: { ...headers, ...read.headers, "Access-Control-Allow-Origin": "*" } });
}

const licenceLink = `<https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/>; rel="license"`;

export async function publicIndicatorsCsv(request: Request, slug: string | undefined) {
  const read = await readPublication(request, slug, "csv");
  const base = `/p/${read.record.partnership.slug}`;
  return fileResponse(read, indicatorsCsv(read.snapshot), {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": `inline; filename="${read.record.partnership.slug}-indicators.csv"`,
    // The licence and the columns' meanings, for tools that follow links (CSV on the Web).
    Link: `${licenceLink}, <${absolute(request, `${base}/indicators.csv-metadata.json`)}>; rel="describedby"; type="application/csvm+json"`,
  });
}

export async function publicIndicatorsCsvMetadata(request: Request, slug: string | undefined) {
  const read = await readPublication(request, slug, "csv-metadata");
  const csvUrl = absolute(request, `/p/${read.record.partnership.slug}/indicators.csv`);
  const body = JSON.stringify(indicatorsCsvMetadata(read.snapshot, csvUrl, read.record.publication.approvedAt), null, 2);
  return fileResponse(read, body, { "Content-Type": "application/csvm+json; charset=utf-8", Link: licenceLink });
}

export async function publicIndicatorsJson(request: Request, slug: string | undefined) {
  const read = await readPublication(request, slug, "json");
  const base = `/p/${read.record.partnership.slug}`;
  const document = indicatorsJson(read.snapshot, read.record.publication.approvedAt, {
    page: absolute(request, base),
    csv: absolute(request, `${base}/indicators.csv`),
  });
  return fileResponse(read, JSON.stringify(document, null, 2), { "Content-Type": "application/json; charset=utf-8", Link: licenceLink });
}
