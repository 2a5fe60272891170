// Papers for agenda items: links, or files kept in the database. An upload is
// counted as it streams in and stops being kept the moment it passes the limit, so
// a 2 GB body never sits in memory; what is served back goes as an attachment with
// a Content-Type from our own safe list, never the uploader's claim.
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { assertCan, type Actor } from "~/modules/access/actor.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { withTenant } from "~/utils/db.server";
import { isUuid } from "~/utils/uuid";
import { PAPER_MAX_BYTES, PAPER_TYPES, PAPER_TYPES_IN_WORDS, PaperSchema } from "./meeting-schema";
import type { FieldErrors } from "./meetings.server";

export const PAPER_FILE_FIELD = "file";
/** Text fields are a title and a link: anything longer is not this form. */
const TEXT_FIELD_MAX_BYTES = 10_000;

type ReceivedFile = { fileName: string; extension: string; bytes: Uint8Array<ArrayBuffer> | null; size: number; tooLarge: boolean };

export type PaperResult =
  | { status: "saved"; id: string }
  | { status: "invalid"; fieldErrors: FieldErrors; fields: Record<string, string> };

function extensionOf(fileName: string) {
  const dot = fileName.lastIndexOf(".");
  return dot < 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

function isPaperType(extension: string): extension is keyof typeof PAPER_TYPES {
  return Object.hasOwn(PAPER_TYPES, extension);
}

/** "Board report.pdf" from whatever path an old browser sends; no control characters. */
function cleanFileName(name: string) {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f"]/g, "").trim().slice(-200) || "paper";
}

async function drain(data: AsyncIterable<Uint8Array>) {
  for await (const chunk of data) void chunk;
}

/** Reads the form, keeping a file part only while it is of a safe type and within the limit. */
async function readUpload(request: Request, maxBytes: number) {
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
    return { fields, file };
  }
  await unstable_parseMultipartFormData(request, async ({ name, filename, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= TEXT_FIELD_MAX_BYTES) chunks.push(chunk);
      }
      fields[name] = Buffer.concat(chunks).toString("utf8");
      return undefined;
    }
    if (name !== PAPER_FILE_FIELD || filename === "" || file) {
      await drain(data);
      return undefined;
    }
    const fileName = cleanFileName(filename);
    const extension = extensionOf(fileName);
    const keep = isPaperType(extension);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let tooLarge = false;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) tooLarge = true;
      // Past the limit, or a type we refuse: keep counting (so the client gets its
      // answer), but stop keeping.
      if (keep && !tooLarge) chunks.push(chunk);
    }
    file = { fileName, extension, size, tooLarge, bytes: keep && !tooLarge ? new Uint8Array(Buffer.concat(chunks)) : null };
    return undefined;
  });
  return { fields, file: file as ReceivedFile | null };
}

function sizeInWords(bytes: number) {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/**
 * Adds a paper to an agenda item from the posted form: a link, or a file of a safe
 * type up to `maxBytes` (20 MB; tests pass less). The item is checked before the body
 * is read, so a stranger's upload is refused without being received.
 */
export async function addPaperFromUpload(
  actor: Actor,
  meetingId: string,
  itemId: string,
  request: Request,
  options: { maxBytes?: number } = {},
): Promise<PaperResult | null> {
  if (!isUuid(meetingId) || !isUuid(itemId)) return null;
  const { partnershipId } = actor;
  const maxBytes = options.maxBytes ?? PAPER_MAX_BYTES;
  const exists = await withTenant(partnershipId, (tx) =>
    tx.agendaItem.findFirst({ where: { id: itemId, meetingId, partnershipId }, select: { id: true } }),
  );
  if (!exists) return null;
  // Not this partnership's: 404 for everyone, before saying who may change it.
  assertCan(actor, "meeting:manage");

  let upload: Awaited<ReturnType<typeof readUpload>>;
  try {
    upload = await readUpload(request, maxBytes);
  } catch (error) {
    if (error instanceof TypeError || (error instanceof Error && /multipart/i.test(error.message))) {
      return { status: "invalid", fieldErrors: { [PAPER_FILE_FIELD]: ["The upload could not be read: select the file and upload it again"] }, fields: {} };
    }
    throw error;
  }
  const { fields, file } = upload;
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) formData.set(key, value);
  const submission = parseWithZod(formData, { schema: PaperSchema });
  const fieldErrors: FieldErrors = submission.status === "success" ? {} : { ...(submission.error as FieldErrors) };
  const kind = fields.kind;
  if (kind === "file") {
    if (!file) fieldErrors[PAPER_FILE_FIELD] = ["Select a file"];
    else if (!isPaperType(file.extension)) fieldErrors[PAPER_FILE_FIELD] = [`The selected file must be ${PAPER_TYPES_IN_WORDS}`];
    else if (file.tooLarge) fieldErrors[PAPER_FILE_FIELD] = [`The selected file must be smaller than ${sizeInWords(maxBytes)}`];
    else if (file.size === 0) fieldErrors[PAPER_FILE_FIELD] = ["The selected file is empty"];
  }
  if (submission.status !== "success" || Object.keys(fieldErrors).length > 0) {
    return { status: "invalid", fieldErrors, fields };
  }
  const input = submission.value;
  const data =
    input.kind === "link"
      ? { title: input.title, url: input.url! }
      : {
          title: input.title,
          fileName: file!.fileName,
          contentType: PAPER_TYPES[file!.extension as keyof typeof PAPER_TYPES],
          size: file!.size,
          bytes: file!.bytes!,
        };
  return withTenant(partnershipId, async (tx): Promise<PaperResult | null> => {
    // Checked again inside the write: the item may have gone while the file streamed in.
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId, partnershipId }, select: { id: true } });
    if (!item) return null;
    const last = await tx.meetingPaper.findFirst({ where: { partnershipId, agendaItemId: itemId }, orderBy: { position: "desc" }, select: { position: true } });
    const paper = await tx.meetingPaper.create({
      data: { partnershipId, agendaItemId: itemId, position: (last?.position ?? -1) + 1, ...data },
      select: { id: true, title: true, url: true, fileName: true, contentType: true, size: true },
    });
    await recordAudit(tx, actor, { action: "added", entityType: "MeetingPaper", entityId: paper.id, after: { meetingId, agendaItemId: itemId, ...paper } });
    return { status: "saved", id: paper.id };
  });
}

/** An uploaded paper's file, for the download route: null (404) unless it is a file of this meeting, here. */
export async function getPaperFile(actor: Actor, meetingId: string, paperId: string) {
  assertCan(actor, "partnership:read");
  if (!isUuid(meetingId) || !isUuid(paperId)) return null;
  const { partnershipId } = actor;
  const paper = await withTenant(partnershipId, (tx) =>
    tx.meetingPaper.findFirst({
      where: { id: paperId, partnershipId, agendaItem: { meetingId, partnershipId } },
      select: { bytes: true, fileName: true, contentType: true },
    }),
  );
  if (!paper?.bytes || !paper.fileName) return null;
  const extension = extensionOf(paper.fileName);
  // The stored type is re-derived from the safe list: a row edited by hand cannot make us serve HTML.
  const contentType = isPaperType(extension) ? PAPER_TYPES[extension] : "application/octet-stream";
  return { bytes: paper.bytes, fileName: paper.fileName, contentType };
}

/** The headers a paper download goes with: always an attachment, never sniffed into something else. */
export function paperDownloadHeaders(file: { fileName: string; contentType: string; bytes: Uint8Array }) {
  const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return {
    "Content-Type": file.contentType,
    "Content-Length": String(file.bytes.byteLength),
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

export async function removePaper(actor: Actor, meetingId: string, paperId: string) {
  if (!isUuid(meetingId) || !isUuid(paperId)) return null;
  const { partnershipId } = actor;
  return withTenant(partnershipId, async (tx) => {
    const paper = await tx.meetingPaper.findFirst({
      where: { id: paperId, partnershipId, agendaItem: { meetingId, partnershipId } },
      select: { id: true, title: true, url: true, fileName: true, agendaItemId: true },
    });
    if (!paper) return null;
    // Not this partnership's: 404 for everyone, before saying who may change it.
    assertCan(actor, "meeting:manage");
    await tx.meetingPaper.deleteMany({ where: { id: paperId, partnershipId } });
    await recordAudit(tx, actor, { action: "removed", entityType: "MeetingPaper", entityId: paperId, before: { meetingId, ...paper } });
    return { status: "removed" as const };
  });
}
