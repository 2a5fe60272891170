// A meeting's digest is the same for every member but their name and unsubscribe link,
// and a react-email render (HTML and plain text) costs milliseconds: at 10,000 members
// that was most of a run. So the e-mail is rendered once with a random marker where each
// member's value goes, and each member's e-mail is that render with their values put in,
// escaped as React escapes text and attributes, and as react-email's plain text
// (html-to-text, no wrapping) prints them.
//
// The result must be byte for byte what rendering for the member gives. html-to-text
// collapses whitespace, react-email drops NULs and a lone surrogate becomes U+FFFD: a
// value whose printing is not certain, or a render whose markers are not each found once
// where expected, is not filled in: the caller renders that member's e-mail in full.
import { randomBytes } from "node:crypto";
import type { RenderedDigest } from "~/modules/digest/delivery.server";
import { renderBoardDigestEmail, type BoardDigest } from "../../../emails/board-digest";

export type DigestTemplate = {
  /** The member's e-mail; null when only a full render can say what it is. */
  fill(recipientName: string, listUnsubscribeUrl: string | undefined): RenderedDigest | null;
};

type Slot = "name" | "unsubscribe";
/** Literal text, or a slot to fill. */
type Piece = string | { slot: Slot };
export type CompiledEmail = { subject: string; html: Piece[]; text: Piece[] };

/**
 * Renders the digest once with markers for the member's values. `withUnsubscribeLink`
 * says whether the e-mails it fills carry a link (the footer paragraph is left out without one).
 */
export async function prepareDigestTemplate(digest: BoardDigest, options: { withUnsubscribeLink: boolean }): Promise<DigestTemplate> {
  const markers = { name: newMarker(), unsubscribe: options.withUnsubscribeLink ? newMarker() : null };
  const rendered = await renderBoardDigestEmail({ digest, recipientName: markers.name, listUnsubscribeUrl: markers.unsubscribe ?? undefined });
  const compiled = compileEmail(rendered, markers);
  return {
    fill(recipientName, listUnsubscribeUrl) {
      if (!compiled || !printsAsIs(recipientName)) return null;
      if (!options.withUnsubscribeLink) return listUnsubscribeUrl === undefined ? fillEmail(compiled, { name: recipientName, unsubscribe: "" }) : null;
      if (listUnsubscribeUrl === undefined || !isPlainUrl(listUnsubscribeUrl)) return null;
      return fillEmail(compiled, { name: recipientName, unsubscribe: listUnsubscribeUrl });
    },
  };
}

/** Letters and digits only, so neither React nor html-to-text changes it; 128 random bits, so no content holds it by chance. */
function newMarker() {
  return `digestslot${randomBytes(16).toString("hex")}`;
}

/**
 * Splits a render at its markers. Null unless each marker given is found exactly once in
 * the HTML and once in the text, and none in the subject (the template puts each value
 * in one place; anything else means a value was transformed or repeated).
 */
export function compileEmail(rendered: RenderedDigest, markers: Record<Slot, string | null>): CompiledEmail | null {
  const slots = (Object.keys(markers) as Slot[]).filter((slot) => markers[slot] !== null);
  const bySlotMarker = new Map(slots.map((slot) => [markers[slot]!, slot]));
  const pattern = new RegExp(`(${slots.map((slot) => markers[slot]!.replace(/[^a-z0-9]/gi, "\\$&")).join("|")})`);
  const split = (body: string): Piece[] | null => {
    const parts = body.split(pattern);
    const pieces: Piece[] = [];
    const seen = new Map<Slot, number>();
    parts.forEach((part, index) => {
      // split with one capture group alternates literal text and a marker.
      if (index % 2 === 0) {
        pieces.push(part);
      } else {
        const slot = bySlotMarker.get(part)!;
        seen.set(slot, (seen.get(slot) ?? 0) + 1);
        pieces.push({ slot });
      }
    });
    return slots.every((slot) => seen.get(slot) === 1) ? pieces : null;
  };
  if (slots.some((slot) => rendered.subject.includes(markers[slot]!))) return null;
  const html = split(rendered.html);
  const text = split(rendered.text);
  return html && text ? { subject: rendered.subject, html, text } : null;
}

/** The e-mail with the values put in; they must be ones `printsAsIs` and `isPlainUrl` accept. */
export function fillEmail(compiled: CompiledEmail, values: Record<Slot, string>): RenderedDigest {
  // Joined piece by piece, not String.prototype.replace: "$&" in a name stays "$&".
  const join = (pieces: Piece[], escape: (value: string) => string) =>
    pieces.map((piece) => (typeof piece === "string" ? piece : escape(values[piece.slot]))).join("");
  return { subject: compiled.subject, html: join(compiled.html, escapeLikeReact), text: join(compiled.text, (value) => value) };
}

const REACT_ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };

/** What React's server renderer writes for a string, in text and in attribute values alike. */
export function escapeLikeReact(value: string) {
  return value.replace(/["&'<>]/g, (character) => REACT_ESCAPES[character]!);
}

/**
 * True when html-to-text prints the value in a paragraph exactly as it is: well-formed
 * text with no control or format characters and no whitespace but single spaces between words.
 * Deliberately narrower than html-to-text's own rules (any Unicode space is refused):
 * a refused value is only rendered the slow way.
 */
export function printsAsIs(value: string) {
  // Controls, format characters (U+200B, which html-to-text counts as a space, among them) and lone surrogates.
  return !/[\p{Cc}\p{Cf}\p{Cs}]/u.test(value) && /^\S+(?: \S+)*$/.test(value);
}

/**
 * An http(s) URL of printable ASCII with no spaces: its href is printed in the plain text
 * unchanged (html-to-text alters only mailto: and # links, and React 18 writes any href as given).
 */
export function isPlainUrl(value: string) {
  return /^https?:\/\/[\u0021-\u007e]+$/.test(value);
}
