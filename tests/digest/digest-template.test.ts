// The digest rendered once and filled in per member (digest-template.server.ts) must give
// each member byte for byte the e-mail their own render gives, whatever their name or
// link holds; a value it cannot put in exactly is left to the full render (null).
import { describe, expect, it } from "vitest";
import {
  compileEmail,
  escapeLikeReact,
  fillEmail,
  isPlainUrl,
  prepareDigestTemplate,
  printsAsIs,
} from "~/modules/digest/digest-template.server";
import { BoardDigestEmail, renderBoardDigestEmail, type BoardDigest } from "../../emails/board-digest";

const sample = BoardDigestEmail.PreviewProps.digest;
/** Content with characters of its own to escape, and the member's words in places: they must stay untouched. */
const awkward: BoardDigest = {
  ...sample,
  boardName: `Safety & "Wellbeing" <Board> O'Hare`,
  partnershipName: "Dear Sam Member, $& $1",
  subject: `Safety & "Wellbeing" <Board>: briefing for the meeting on 14 July 2027`,
  agenda: [{ number: "1", title: "Stop receiving briefings", reportOf: "https://example.test/unsubscribe/x", purpose: null, decisionSought: null }],
};

const URL_A = "https://safer.example/unsubscribe/aaa.bbb_ccc-ddd";

const fastNames = [
  "Sam Member",
  "Siobhán O'Neill",
  "Tom & Jerry <script>alert('x')</script>",
  `Dr "Quotes" McQuote`,
  "Zoë Ní Bhriain",
  "$& $1 $' $` $$ $<name>",
  "digestslot0123456789abcdef0123456789abcdef",
  "&amp; &lt;not a tag&gt; &#x27;",
  "中文名 😀",
  "a",
  "x".repeat(500),
];
/** Names the full render does not print as given: whitespace collapsed, NUL dropped, a lone surrogate replaced. */
const changedNames = ["Ann  Two  Spaces", " Leading", "Tab\tName", "New\nLine", "Zero\u200bWidth", "Null\u0000Byte", "Lone \ud83d surrogate"];
/** Names refused to be on the safe side, though the full render may print them as given. */
const cautiousNames = ["Trailing ", "Non\u00a0Breaking", "👩‍💻 Joiner", ""];

async function fullRender(digest: BoardDigest, recipientName: string, listUnsubscribeUrl?: string) {
  return renderBoardDigestEmail({ digest, recipientName, listUnsubscribeUrl });
}

describe("the digest template", () => {
  it("fills in tricky names and links exactly as each member's own render", async () => {
    for (const digest of [sample, awkward]) {
      const withLink = await prepareDigestTemplate(digest, { withUnsubscribeLink: true });
      const withoutLink = await prepareDigestTemplate(digest, { withUnsubscribeLink: false });
      for (const [index, name] of fastNames.entries()) {
        const url = `${URL_A}?n=${index}&x='y'`;
        expect(withLink.fill(name, url), name).toEqual(await fullRender(digest, name, url));
        expect(withoutLink.fill(name, undefined), name).toEqual(await fullRender(digest, name));
      }
    }
  });

  it("leaves to the full render a value it could not put in byte for byte, and says so", async () => {
    const withLink = await prepareDigestTemplate(sample, { withUnsubscribeLink: true });
    for (const name of [...changedNames, ...cautiousNames]) expect(withLink.fill(name, URL_A), JSON.stringify(name)).toBeNull();
    for (const name of changedNames) {
      const full = await fullRender(sample, name, URL_A);
      expect(full.text.includes(`Dear ${name},`) && full.html.includes(`Dear ${escapeLikeReact(name)},`), JSON.stringify(name)).toBe(false);
    }
    for (const url of ["mailto:someone@example.test", "https://safer.example/a b", "https://safer.example/é", "javascript:alert(1)", "#top", ""]) {
      expect(withLink.fill("Sam Member", url), url).toBeNull();
    }
    // A template is for e-mails with a link, or without: never the other.
    expect(withLink.fill("Sam Member", undefined)).toBeNull();
    const withoutLink = await prepareDigestTemplate(sample, { withUnsubscribeLink: false });
    expect(withoutLink.fill("Sam Member", URL_A)).toBeNull();
  });

  it("agrees with the full render for random names over an alphabet of awkward characters", async () => {
    const alphabet = [..."aZ09 &<>\"'$`\\{}-._,;:!?/=#%+@()[]éøßЖ中", "😀", "\u00a0", "\t", "  "];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const template = await prepareDigestTemplate(awkward, { withUnsubscribeLink: true });
    let filled = 0;
    for (let n = 0; n < 150; n++) {
      const name = Array.from({ length: 1 + Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      const fast = template.fill(name, URL_A);
      if (fast === null) {
        expect(printsAsIs(name), JSON.stringify(name)).toBe(false);
        continue;
      }
      filled++;
      expect(fast, JSON.stringify(name)).toEqual(await fullRender(awkward, name, URL_A));
    }
    // Most random names are filled in: the comparison above is not vacuous.
    expect(filled).toBeGreaterThan(50);
  });
});

describe("compileEmail and fillEmail", () => {
  const markers = { name: "digestslotNAME", unsubscribe: "digestslotLINK" };

  it("puts values in literally: replacement patterns and marker-like values are plain text", () => {
    const compiled = compileEmail({ subject: "S", html: "<p>Dear digestslotNAME,</p><a href=\"digestslotLINK\">x</a>", text: "Dear digestslotNAME,\nx digestslotLINK" }, markers);
    expect(compiled).not.toBeNull();
    expect(fillEmail(compiled!, { name: "$& $1 digestslotLINK <b>", unsubscribe: "https://e.test/?a=1&b=2" })).toEqual({
      subject: "S",
      html: '<p>Dear $&amp; $1 digestslotLINK &lt;b&gt;,</p><a href="https://e.test/?a=1&amp;b=2">x</a>',
      text: "Dear $& $1 digestslotLINK <b>,\nx https://e.test/?a=1&b=2",
    });
  });

  it("refuses a render whose markers are missing, repeated or in the subject", () => {
    const ok = { subject: "S", html: "digestslotNAME digestslotLINK", text: "digestslotNAME digestslotLINK" };
    expect(compileEmail(ok, markers)).not.toBeNull();
    expect(compileEmail({ ...ok, text: "DIGESTSLOTNAME digestslotLINK" }, markers)).toBeNull();
    expect(compileEmail({ ...ok, html: "digestslotNAME digestslotNAME digestslotLINK" }, markers)).toBeNull();
    expect(compileEmail({ ...ok, html: "digestslotNAME" }, markers)).toBeNull();
    expect(compileEmail({ ...ok, subject: "digestslotNAME" }, markers)).toBeNull();
    expect(compileEmail({ subject: "S", html: "digestslotNAME", text: "digestslotNAME" }, { name: "digestslotNAME", unsubscribe: null })).not.toBeNull();
  });

  it("escapes as React does, and accepts only values printed as they are", () => {
    expect(escapeLikeReact(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&#x27;f");
    expect(printsAsIs("Zoë Ní Bhriain")).toBe(true);
    expect(printsAsIs("Zoë  Ní")).toBe(false);
    expect(isPlainUrl("https://safer.example/unsubscribe/a.b?c=1&d='2'")).toBe(true);
    expect(isPlainUrl("http://127.0.0.1:3000/unsubscribe/x")).toBe(true);
    expect(isPlainUrl("https://safer.example/a b")).toBe(false);
  });
});
