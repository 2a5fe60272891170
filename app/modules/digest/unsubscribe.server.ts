// Unsubscribing from a board's digests (issue 7, part 6; RFC 8058). Every digest
// carries a link whose token names (partnership, board, person) and is signed with
// SESSION_SECRET, so the link needs no sign-in and cannot be pointed at anyone else.
// A mail client's one-click POST (List-Unsubscribe-Post) and the confirmation page's
// button both post to it; a GET only shows the page, since mail scanners follow links.
import { createHmac, timingSafeEqual } from "node:crypto";
import { findPartnershipForUnsubscribe } from "~/modules/registry/registry.server";
import { withTenant, type TenantTx } from "~/utils/db.server";
import { env } from "~/utils/env.server";

const UUID_BYTES = 16;
const MAC_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{107}$/;

type Subject = { partnershipId: string; boardId: string; personId: string };

const uuidToBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex");
const bytesToUuid = (bytes: Buffer) => {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

// The purpose is in the MAC, so no other token signed with the same secret passes as this one.
const macOf = (ids: Buffer) => createHmac("sha256", env().SESSION_SECRET).update("digest-unsubscribe\0").update(ids).digest();

/** The three ids and their MAC, base64url: 107 characters, no state kept on the server. */
export function digestUnsubscribeToken(partnershipId: string, boardId: string, personId: string): string {
  const ids = Buffer.concat([partnershipId, boardId, personId].map(uuidToBytes));
  return Buffer.concat([ids, macOf(ids)]).toString("base64url");
}

/** The link a digest's footer shows and its List-Unsubscribe header carries. */
export function digestUnsubscribeUrl(partnershipId: string, boardId: string, personId: string): string {
  return new URL(`/unsubscribe/${digestUnsubscribeToken(partnershipId, boardId, personId)}`, env().APP_URL).toString();
}

/** RFC 8058's two headers: mail clients show an "Unsubscribe" button that posts to the link. */
export function digestUnsubscribeHeaders(partnershipId: string, boardId: string, personId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${digestUnsubscribeUrl(partnershipId, boardId, personId)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/** The ids a genuine token names; null for anything forged, altered or malformed. */
export function readDigestUnsubscribeToken(token: string): Subject | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const bytes = Buffer.from(token, "base64url");
  if (bytes.length !== 3 * UUID_BYTES + MAC_BYTES) return null;
  const ids = bytes.subarray(0, 3 * UUID_BYTES);
  if (!timingSafeEqual(bytes.subarray(3 * UUID_BYTES), macOf(ids))) return null;
  const [partnershipId, boardId, personId] = [0, 1, 2].map((i) => bytesToUuid(ids.subarray(i * UUID_BYTES, (i + 1) * UUID_BYTES)));
  return { partnershipId: partnershipId!, boardId: boardId!, personId: personId! };
}

export type UnsubscribePage =
  | { valid: false }
  | { valid: true; partnershipName: string; boardName: string; unsubscribed: boolean };

/** What the link's page says; changes nothing. */
export async function describeDigestUnsubscribe(token: string): Promise<UnsubscribePage> {
  const subject = readDigestUnsubscribeToken(token);
  if (!subject) return { valid: false };
  return withSubject(subject, async (tx, names) => {
    const optOut = await tx.digestOptOut.findFirst({ where: subject, select: { id: true } });
    return { valid: true, ...names, unsubscribed: optOut !== null };
  });
}

/** The one-click POST: that person gets no more of that board's digests. Twice is harmless. */
export async function unsubscribeFromDigest(token: string): Promise<UnsubscribePage> {
  const subject = readDigestUnsubscribeToken(token);
  if (!subject) return { valid: false };
  return withSubject(subject, async (tx, names) => {
    await tx.digestOptOut.upsert({
      where: { partnershipId_boardId_personId: subject },
      create: subject,
      update: {},
    });
    return { valid: true, ...names, unsubscribed: true };
  });
}

async function withSubject(
  subject: Subject,
  work: (tx: TenantTx, names: { partnershipName: string; boardName: string }) => Promise<UnsubscribePage>,
): Promise<UnsubscribePage> {
  const partnership = await findPartnershipForUnsubscribe(subject.partnershipId);
  if (!partnership) return { valid: false };
  return withTenant(partnership.id, async (tx) => {
    const { partnershipId, boardId, personId } = subject;
    const board = await tx.board.findFirst({ where: { partnershipId, id: boardId }, select: { name: true } });
    const person = await tx.person.findFirst({ where: { partnershipId, id: personId }, select: { id: true } });
    // A genuine token for a board or person since deleted: nothing left to unsubscribe.
    if (!board || !person) return { valid: false };
    return work(tx, { partnershipName: partnership.name, boardName: board.name });
  });
}
