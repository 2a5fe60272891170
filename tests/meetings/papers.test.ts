import { beforeAll, describe, expect, it } from "vitest";
import { getMeeting } from "~/modules/meetings/meetings.server";
import { addPaperFromUpload, getPaperFile, removePaper } from "~/modules/meetings/papers.server";
import * as downloadRoute from "~/routes/$partnership.meetings.$meetingId.papers.$paperId";
import * as paperNewRoute from "~/routes/$partnership.meetings.$meetingId.items.$itemId.papers.new";
import { withTenant } from "~/utils/db.server";
import { sessionCookieFor } from "../factories";
import { thrownStatus } from "../editing/helpers";
import { callRoute, isResponse } from "../routes/call-route";
import { meetingWorld } from "./helpers";

type World = Awaited<ReturnType<typeof meetingWorld>>;
let world: World;
let other: World;

beforeAll(async () => {
  world = await meetingWorld();
  other = await meetingWorld();
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

/** A multipart POST as a browser sends the paper form. */
function uploadRequest(fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  if (file) form.set("file", new File([file.bytes], file.name, { type: file.type }));
  return new Request("http://localhost/x", { method: "POST", body: form });
}

async function paperCount(w: World) {
  return withTenant(w.partnershipId, (tx) => tx.meetingPaper.count({ where: { partnershipId: w.partnershipId } }));
}

describe("papers", () => {
  it("uploads a PDF into the database and lists it without its bytes", async () => {
    const result = await addPaperFromUpload(
      world.manager,
      world.meetingId,
      world.itemId,
      uploadRequest({ kind: "file", title: "Performance report" }, { name: "report.pdf", type: "application/pdf", bytes: PDF }),
    );
    expect(result).toMatchObject({ status: "saved" });
    const page = await getMeeting(world.member, world.meetingId, "Europe/London");
    const papers = page!.meeting.agendaItems[0]!.papers;
    expect(papers).toEqual([
      { id: expect.any(String), title: "Performance report", url: null, fileName: "report.pdf", contentType: "application/pdf", size: PDF.byteLength },
    ]);
    const file = await getPaperFile(world.member, world.meetingId, papers[0]!.id);
    expect(Buffer.from(file!.bytes).equals(Buffer.from(PDF))).toBe(true);
  });

  it("adds a link paper, https only", async () => {
    const before = await paperCount(world);
    expect(
      await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "link", title: "Minutes", url: "http://example.org/minutes" })),
    ).toMatchObject({ status: "invalid", fieldErrors: { url: ["Enter the link as a full web address starting with https://"] }, fields: { title: "Minutes" } });
    expect(await paperCount(world)).toBe(before);
    expect(
      await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "link", title: "Minutes", url: "https://example.org/minutes" })),
    ).toMatchObject({ status: "saved" });
  });

  it("refuses a file over the limit, counting as it streams, and writes nothing", async () => {
    const before = await paperCount(world);
    const big = new Uint8Array(4096).fill(65);
    const result = await addPaperFromUpload(
      world.manager,
      world.meetingId,
      world.itemId,
      uploadRequest({ kind: "file", title: "Big pack" }, { name: "pack.pdf", type: "application/pdf", bytes: big }),
      { maxBytes: 2048 },
    );
    expect(result).toEqual({ status: "invalid", fieldErrors: { file: ["The selected file must be smaller than 2 KB"] }, fields: { kind: "file", title: "Big pack" } });
    expect(await paperCount(world)).toBe(before);
    // The same file at the real limit is fine.
    expect(
      await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "file", title: "Big pack" }, { name: "pack.pdf", type: "application/pdf", bytes: big })),
    ).toMatchObject({ status: "saved" });
  });

  it("says 20 MB when the real limit is passed", async () => {
    const result = await addPaperFromUpload(
      world.manager,
      world.meetingId,
      world.itemId,
      uploadRequest({ kind: "file", title: "Huge" }, { name: "huge.pdf", type: "application/pdf", bytes: new Uint8Array(20 * 1024 * 1024 + 1) }),
    );
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { file: ["The selected file must be smaller than 20 MB"] } });
  });

  it("refuses an unsupported type (by extension, whatever the browser claims), an empty file, and no file", async () => {
    const before = await paperCount(world);
    for (const [name, type] of [
      ["page.html", "application/pdf"],
      ["image.svg", "image/svg+xml"],
      ["run.exe", "application/octet-stream"],
      ["noextension", "application/pdf"],
    ] as const) {
      expect(
        await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "file", title: "Bad" }, { name, type, bytes: PDF })),
      ).toMatchObject({ status: "invalid", fieldErrors: { file: [expect.stringContaining("The selected file must be a PDF, Word, Excel")] } });
    }
    expect(
      await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "file", title: "Empty" }, { name: "e.pdf", type: "application/pdf", bytes: new Uint8Array(0) })),
    ).toMatchObject({ status: "invalid", fieldErrors: { file: ["The selected file is empty"] } });
    expect(await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "file", title: "None" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { file: ["Select a file"] },
    });
    expect(await addPaperFromUpload(world.manager, world.meetingId, world.itemId, uploadRequest({ kind: "file", title: "" }, { name: "a.pdf", type: "application/pdf", bytes: PDF }))).toMatchObject({
      status: "invalid",
      fieldErrors: { title: ["Enter the title of the paper"] },
    });
    expect(await paperCount(world)).toBe(before);
  });

  it("through the route: the error comes back by the field with the title kept", async () => {
    const cookie = await sessionCookieFor(world.manager.userId);
    const form = new FormData();
    form.set("kind", "file");
    form.set("title", "Strategy");
    form.set("file", new File([PDF], "strategy.html", { type: "text/html" }));
    const request = new Request(`http://localhost/${world.slug}/meetings/${world.meetingId}/items/${world.itemId}/papers/new`, {
      method: "POST",
      headers: { Cookie: cookie },
      body: form,
    });
    const result = (await paperNewRoute.action({ request, params: { partnership: world.slug, meetingId: world.meetingId, itemId: world.itemId }, context: {} })) as unknown as {
      data: { result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } };
      init: { status: number };
    };
    expect(result.init.status).toBe(400);
    expect(result.data.result.error.file).toEqual([expect.stringContaining("The selected file must be a PDF")]);
    expect(result.data.result.initialValue).toMatchObject({ title: "Strategy", kind: "file" });
  });

  it("the download is an attachment with its type from the safe list and nosniff; another partnership's paper is 404", async () => {
    const page = await getMeeting(world.member, world.meetingId, "Europe/London");
    const paper = page!.meeting.agendaItems[0]!.papers.find((p) => p.fileName === "report.pdf")!;
    const cookie = await sessionCookieFor(world.member.userId);
    const response = await callRoute(downloadRoute.loader, {
      path: `/${world.slug}/meetings/${world.meetingId}/papers/${paper.id}`,
      params: { partnership: world.slug, meetingId: world.meetingId, paperId: paper.id },
      cookie,
    });
    if (!isResponse(response)) throw new Error("expected a Response");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);

    const theirCookie = await sessionCookieFor(other.manager.userId);
    const stranger = await callRoute(downloadRoute.loader, {
      path: `/${other.slug}/meetings/${world.meetingId}/papers/${paper.id}`,
      params: { partnership: other.slug, meetingId: world.meetingId, paperId: paper.id },
      cookie: theirCookie,
    });
    expect(isResponse(stranger) && stranger.status).toBe(404);
    // The right paper under the wrong meeting is not found either.
    expect(await getPaperFile(world.member, other.meetingId, paper.id)).toBeNull();
  });

  it("only a manager adds or removes papers; another partnership's manager cannot upload into ours", async () => {
    const before = [await paperCount(world), await paperCount(other)];
    expect(
      await thrownStatus(() =>
        addPaperFromUpload(world.member, world.meetingId, world.itemId, uploadRequest({ kind: "link", title: "x", url: "https://example.org" })),
      ),
    ).toBe(403);
    expect(
      await addPaperFromUpload(other.manager, world.meetingId, world.itemId, uploadRequest({ kind: "link", title: "x", url: "https://example.org" })),
    ).toBeNull();
    const page = await getMeeting(world.member, world.meetingId, "Europe/London");
    const paperId = page!.meeting.agendaItems[0]!.papers[0]!.id;
    expect(await removePaper(other.manager, world.meetingId, paperId)).toBeNull();
    expect(await thrownStatus(() => removePaper(world.member, world.meetingId, paperId))).toBe(403);
    expect([await paperCount(world), await paperCount(other)]).toEqual(before);
  });
});
