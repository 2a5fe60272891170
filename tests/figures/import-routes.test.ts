// The figure import's pages, called as Remix calls them: uploads (a 50 MB file, a binary
// file), the preview by draft id (another partnership's or another user's: 404), the
// template, and the figure form's rate-from-count and police.uk behaviour.
import { beforeAll, describe, expect, it } from "vitest";
import { createFigureImportDraft } from "~/modules/figures/figure-import.server";
import * as draftPage from "~/routes/$partnership.figures.import.$draftId";
import * as importPage from "~/routes/$partnership.figures.import._index";
import * as template from "~/routes/$partnership.figures.template[.]csv";
import * as figureNew from "~/routes/$partnership.indicators.$indicatorId.figures.new";
import * as indicatorsPage from "~/routes/$partnership.indicators._index";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";
import { csv, importWorld, snapshot } from "./import-world";

type World = Awaited<ReturnType<typeof importWorld>>;
let ours: World;
let theirs: World;
const cookies: Record<string, string> = {};
let theirDraft: string;
let ourManager: Awaited<ReturnType<World["actor"]>>;

const BOUNDARY = "----figures-test-boundary";

/** A multipart upload of `file`, streamed in 1 MB pieces (the body is never built whole). */
function upload(slug: string, cookie: string, parts: { fileName: string; size?: number; bytes?: Uint8Array }) {
  const encoder = new TextEncoder();
  const head = encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${parts.fileName}"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const megabyte = encoder.encode("LOCAL 2,Q1 2025/26,1,,padding\n".repeat(Math.ceil((1024 * 1024) / 30))).subarray(0, 1024 * 1024);
  let sent = 0;
  let stage: "head" | "body" | "tail" | "done" = "head";
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === "head") {
        controller.enqueue(head);
        stage = "body";
      } else if (stage === "body") {
        if (parts.bytes) {
          controller.enqueue(parts.bytes);
          stage = "tail";
        } else if (sent < (parts.size ?? 0)) {
          controller.enqueue(megabyte);
          sent += megabyte.byteLength;
        } else stage = "tail";
      } else if (stage === "tail") {
        controller.enqueue(tail);
        stage = "done";
      } else controller.close();
    },
  });
  const request = new Request(`http://localhost/${slug}/figures/import`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, bytesSent: () => sent };
}

async function post(request: Request, slug: string) {
  try {
    return await importPage.action({ request, params: { partnership: slug }, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

beforeAll(async () => {
  ours = await importWorld();
  theirs = await importWorld();
  ourManager = await ours.actor("PARTNERSHIP_MANAGER");
  const actors = {
    manager: ourManager,
    policeEditor: await ours.actor("AGENCY_EDITOR", ours.agencies.police),
    probationEditor: await ours.actor("AGENCY_EDITOR", ours.agencies.probation),
    boardMember: await ours.actor("BOARD_MEMBER"),
    viewer: await ours.actor("VIEWER"),
  };
  for (const [role, actor] of Object.entries(actors)) cookies[role] = await sessionCookieFor(actor.userId);
  const theirManager = await theirs.actor("PARTNERSHIP_MANAGER");
  const draft = await createFigureImportDraft(theirManager, { ok: true, fileName: "theirs.csv", bytes: csv("LOCAL 2,Q1 2025/26,5,,") });
  if (!draft.ok) throw new Error("their draft was not made");
  theirDraft = draft.draftId;
});

describe("uploading", () => {
  it("refuses a 50 MB file with a clear message, reading past 5 MB without keeping it", async () => {
    const before = await snapshot(ours.partnershipId);
    const { request, bytesSent } = upload(ours.slug, cookies.manager!, { fileName: "huge.csv", size: 50 * 1024 * 1024 });
    const response = await post(request, ours.slug);
    expect(isResponse(response) && response.status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/${ours.slug}/figures/import?problem=too-large`);
    // The rest of the upload was read (and dropped), so a browser still sending it gets the answer.
    expect(bytesSent()).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const page = await callRoute(importPage.loader, { path: `/${ours.slug}/figures/import?problem=too-large`, params: { partnership: ours.slug }, cookie: cookies.manager });
    expect(isResponse(page) ? page.status : page.problem).toMatch(/^The file is larger than 5 MB/);
    expect(await snapshot(ours.partnershipId)).toEqual(before);
  });

  it("refuses a binary file renamed .csv, and no file at all", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const binary = await post(upload(ours.slug, cookies.manager!, { fileName: "figures.csv", bytes: png }).request, ours.slug);
    expect((binary as Response).headers.get("Location")).toBe(`/${ours.slug}/figures/import?problem=not-csv`);
    const xlsx = await post(upload(ours.slug, cookies.manager!, { fileName: "figures.csv", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]) }).request, ours.slug);
    expect((xlsx as Response).headers.get("Location")).toBe(`/${ours.slug}/figures/import?problem=workbook`);
    const none = await post(upload(ours.slug, cookies.manager!, { fileName: "", bytes: new Uint8Array([]) }).request, ours.slug);
    expect((none as Response).headers.get("Location")).toBe(`/${ours.slug}/figures/import?problem=no-file`);
    const page = await callRoute(importPage.loader, { path: `/${ours.slug}/figures/import?problem=not-csv`, params: { partnership: ours.slug }, cookie: cookies.manager });
    expect(isResponse(page) ? page.status : page.problem).toMatch(/^This is not a CSV file/);
  });

  it("takes a clean file to its preview, which a confirmation imports", async () => {
    const response = (await post(upload(ours.slug, cookies.manager!, { fileName: "q4.csv", bytes: csv("LOCAL 2,Q4 2025/26,8,,") }).request, ours.slug)) as Response;
    const location = response.headers.get("Location")!;
    expect(location).toMatch(new RegExp(`^/${ours.slug}/figures/import/[0-9a-f-]{36}$`));
    const draftId = location.split("/").at(-1)!;
    const preview = await callRoute(draftPage.loader, { path: location, params: { partnership: ours.slug, draftId }, cookie: cookies.manager });
    if (isResponse(preview)) throw new Error(`preview ${preview.status}`);
    expect(preview).toMatchObject({ problems: [], counts: { created: 1, changed: 0, unchanged: 0 } });
    // Only the uploader's own drafts: the police editor, in the same partnership, gets 404.
    const other = await callRoute(draftPage.loader, { path: location, params: { partnership: ours.slug, draftId }, cookie: cookies.policeEditor });
    expect(isResponse(other) && other.status).toBe(404);
    const done = await callRoute(draftPage.action, { path: location, params: { partnership: ours.slug, draftId }, cookie: cookies.manager, form: { signature: preview.signature } });
    expect(isResponse(done) && done.headers.get("Location")).toBe(`/${ours.slug}/figures/import?imported=1&changed=0&unchanged=0`);
    // Confirming twice finds nothing to confirm.
    const again = await callRoute(draftPage.action, { path: location, params: { partnership: ours.slug, draftId }, cookie: cookies.manager, form: { signature: preview.signature } });
    expect(isResponse(again) && again.status).toBe(404);
  });
});

describe("another partnership's draft", () => {
  it("every role of ours gets 404 reading or confirming it, and their draft and figures are untouched", async () => {
    const before = await snapshot(theirs.partnershipId);
    for (const role of Object.keys(cookies)) {
      const params = { partnership: ours.slug, draftId: theirDraft };
      const read = await callRoute(draftPage.loader, { path: `/${ours.slug}/figures/import/${theirDraft}`, params, cookie: cookies[role] });
      const write = await callRoute(draftPage.action, { path: `/${ours.slug}/figures/import/${theirDraft}`, params, cookie: cookies[role], form: { signature: "x" } });
      expect([role, isResponse(read) && read.status, isResponse(write) && [403, 404].includes(write.status)]).toEqual([role, read instanceof Response && read.status === 403 ? 403 : 404, true]);
    }
    expect(await snapshot(theirs.partnershipId)).toEqual(before);
    const stillThere = await withTenant(theirs.partnershipId, (tx) => tx.figureImportDraft.count({ where: { id: theirDraft } }));
    expect(stillThere).toBe(1);
  });

  it("a board member and a viewer cannot open the import (403)", async () => {
    for (const role of ["boardMember", "viewer"]) {
      const page = await callRoute(importPage.loader, { path: `/${ours.slug}/figures/import`, params: { partnership: ours.slug }, cookie: cookies[role] });
      expect([role, isResponse(page) && page.status]).toEqual([role, 403]);
      const file = await callRoute(template.loader, { path: `/${ours.slug}/figures/template.csv`, params: { partnership: ours.slug }, cookie: cookies[role] });
      expect([role, isResponse(file) && file.status]).toEqual([role, 403]);
    }
  });
});

describe("the template", () => {
  it("has the columns and a line for each hand-entered indicator the user can import, in its latest period", async () => {
    const response = (await callRoute(template.loader, { path: `/${ours.slug}/figures/template.csv`, params: { partnership: ours.slug }, cookie: cookies.manager })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="${ours.slug}-figures-template.csv"`);
    const lines = (await response.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("indicator,period,value,count,note");
    const indicators = lines.slice(1).map((line) => line.split(",")[0]);
    // LOCAL 4's figures come from police.uk: not in the template.
    expect(indicators).toEqual(["LOCAL 1", "LOCAL 2", "LOCAL 3", "LOCAL 5", "LOCAL 6", "Fear of crime"]);
    expect(lines[1]).toMatch(/^LOCAL 1,\d{4}\/\d{2},,,$/);
    expect(lines[4]).toMatch(/^LOCAL 5,Week ending \d{1,2} [A-Z][a-z]+ \d{4},,,$/);
    const probation = (await callRoute(template.loader, { path: `/${ours.slug}/figures/template.csv`, params: { partnership: ours.slug }, cookie: cookies.probationEditor })) as Response;
    expect((await probation.text()).trim().split("\r\n").slice(1).map((l) => l.split(",")[0])).toEqual(["LOCAL 3"]);
  });
});

describe("the pages that lead to it", () => {
  it("the indicators list offers the import to those who can enter a figure", async () => {
    const list = async (role: string) => {
      const data = await callRoute(indicatorsPage.loader, { path: `/${ours.slug}/indicators`, params: { partnership: ours.slug }, cookie: cookies[role] });
      if (isResponse(data)) throw new Error(`indicators ${data.status}`);
      return data.canImportFigures;
    };
    expect([await list("manager"), await list("policeEditor"), await list("probationEditor"), await list("viewer"), await list("boardMember")]).toEqual([true, true, true, false, false]);
  });

  it("the figure form asks a rate's count, keeps the figure for a rate with no denominator, and shows where police.uk figures come from", async () => {
    const form = async (indicatorId: string) => {
      const data = await callRoute(figureNew.loader, { path: "/", params: { partnership: ours.slug, indicatorId }, cookie: cookies.manager });
      if (isResponse(data)) throw new Error(`form ${data.status}`);
      return { countsForRate: data.countsForRate, sourceMessage: data.sourceMessage };
    };
    expect(await form(ours.indicators.burglary)).toEqual({ countsForRate: true, sourceMessage: null });
    expect(await form(ours.indicators.unratedRate)).toEqual({ countsForRate: false, sourceMessage: null });
    expect(await form(ours.indicators.robbery)).toEqual({ countsForRate: false, sourceMessage: expect.stringMatching(/come from police.uk crime files/) });
  });
});
