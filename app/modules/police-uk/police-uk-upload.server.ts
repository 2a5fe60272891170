// The one way an HTTP upload reaches the import: each file part of a multipart body is
// handed to the counter as it streams, never gathered into memory first. Both the
// plain form post and the page's progress-showing upload come through here.
import { unstable_parseMultipartFormData } from "@remix-run/node";
import type { Actor } from "~/modules/access/actor.server";
import { POLICE_UK_FILES_FIELD } from "./police-uk-schema";
import { beginPoliceUkUpload, PoliceUkMessages, type PoliceUkImportResult } from "./police-uk.server";

export async function importPoliceUkUpload(actor: Actor, request: Request, options: { maxBytes?: number } = {}): Promise<PoliceUkImportResult> {
  const upload = await beginPoliceUkUpload(actor, options);
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return { status: "refused", problems: [PoliceUkMessages.chooseFile] };
  try {
    await unstable_parseMultipartFormData(request, async (part) => {
      if (part.name === POLICE_UK_FILES_FIELD && part.filename) await upload.addFile(part.filename.slice(0, 200), part.data);
      // What the counter did not read (a refused file, another field) is read and
      // dropped here: left unread, the multipart parser would hold it in memory.
      for await (const chunk of part.data) void chunk;
      return undefined;
    });
  } catch (error) {
    // The multipart parser's own errors: a body cut short or not multipart at all.
    if (error instanceof TypeError || (error instanceof Error && /multipart|content-disposition|boundary/i.test(error.message))) {
      return { status: "refused", problems: ["The upload could not be read: select the files and upload them again"] };
    }
    throw error;
  }
  return upload.finish();
}
