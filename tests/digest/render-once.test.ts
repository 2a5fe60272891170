// The worker renders a meeting's digest once per batch and fills in each member's name
// and unsubscribe link (digest-template.server.ts). What each member is sent must be
// byte for byte their own full render, and must hold nobody else's name or link: the
// render kept for the batch never carries one member's data to another.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareDigestRun, sendDigestBatch, type DigestBatchSender, type DigestContext } from "~/modules/digest/delivery.server";
import { loadBoardDigest, makeDigestRenderer, renderDigestFor } from "~/modules/digest/digest-content.server";
import { escapeLikeReact, prepareDigestTemplate } from "~/modules/digest/digest-template.server";
import { digestUnsubscribeHeaders, digestUnsubscribeUrl } from "~/modules/digest/unsubscribe.server";
import { withTenant } from "~/utils/db.server";
import { partnershipWithBoard } from "./helpers";

/** Filled in from the batch's render. */
const FILLED = [
  "Siobhán O'Neill",
  "Tom & Jerry <script>alert('x')</script>",
  `Dr "Quotes" McQuote`,
  "Zoë Ní Bhriain",
  "Dollar $& $1 $' $` $$",
  `digestslot${randomUUID().replace(/-/g, "")}`,
  "&amp; &lt;entity&gt;",
];
/** Rendered in full: their printing is not certain. */
const RENDERED_IN_FULL = ["Ann  Two  Spaces", " Leading Space", "Tab\tName", "Non\u00a0Breaking"];
const TRICKY = [...FILLED, ...RENDERED_IN_FULL];

type Board = Awaited<ReturnType<typeof partnershipWithBoard>>;
let board: Board;
let recipients: Array<{ id: string; name: string; email: string }>;

/** 100 ordinary members and the tricky ones: two batches, the tricky names spread over both by person id. */
beforeAll(async () => {
  board = await partnershipWithBoard(100);
  const { partnershipId, boardId, slug } = board;
  const tricky = TRICKY.map((name, index) => ({ id: randomUUID(), partnershipId, name, email: `tricky-${index}-${slug}@test.example` }));
  await withTenant(partnershipId, async (tx) => {
    await tx.person.createMany({ data: tricky });
    await tx.boardMember.createMany({ data: tricky.map((person) => ({ partnershipId, boardId, personId: person.id })) });
  });
  recipients = [...board.people, ...tricky].map(({ id, name, email }) => ({ id, name, email }));
});

async function contextOf(): Promise<DigestContext> {
  return withTenant(board.partnershipId, async (tx) => {
    const meeting = await tx.meeting.findFirstOrThrow({
      where: { partnershipId: board.partnershipId, id: board.meetingId },
      select: { id: true, heldOn: true, startTime: true, place: true, onlineUrl: true, board: { select: { id: true, name: true } } },
    });
    const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: board.partnershipId }, select: { id: true, slug: true, name: true, timeZone: true } });
    return { partnership, meeting };
  });
}

describe("the digest rendered once per batch", () => {
  it("sends each member exactly their own full render and headers, with no other member's name or link", async () => {
    const { partnershipId, meetingId, boardId } = board;
    const run = await prepareDigestRun(partnershipId, meetingId);
    expect(run).toMatchObject({ recipientCount: recipients.length, batchCount: 2 });
    const sent: Parameters<DigestBatchSender>[0] = [];
    const sender: DigestBatchSender = async (emails) => {
      sent.push(...emails);
      return emails.map(() => ({ id: randomUUID() }));
    };
    const renderer = makeDigestRenderer();
    for (const batchNumber of [1, 2]) {
      expect(await sendDigestBatch(partnershipId, meetingId, batchNumber, { sender, renderer })).toMatchObject({ status: "sent" });
    }
    expect(sent).toHaveLength(recipients.length);

    const digest = await withTenant(partnershipId, (tx) => loadBoardDigest(tx, partnershipId, meetingId));
    if (!digest) throw new Error("no digest");
    const byEmail = new Map(recipients.map((recipient) => [recipient.email.toLowerCase(), recipient]));
    const linkOf = (personId: string) => digestUnsubscribeUrl(partnershipId, boardId, personId);
    for (const email of sent) {
      const recipient = byEmail.get(email.to)!;
      const own = await renderDigestFor(digest, recipient, { listUnsubscribeUrl: linkOf(recipient.id) });
      expect({ subject: email.subject, html: email.html, text: email.text }, recipient.name).toEqual(own);
      expect(email.headers).toEqual(digestUnsubscribeHeaders(partnershipId, boardId, recipient.id));
      expect(email.headers["List-Unsubscribe"]).toBe(`<${linkOf(recipient.id)}>`);
      expect(email.html).toContain(escapeLikeReact(linkOf(recipient.id)));
      expect(email.text).toContain(linkOf(recipient.id));
    }

    // The tricky members' e-mails hold no one else's name or link, and no one else's holds theirs.
    const trickyIds = new Set(recipients.filter((recipient) => TRICKY.includes(recipient.name)).map((recipient) => recipient.id));
    for (const email of sent) {
      const recipient = byEmail.get(email.to)!;
      for (const other of recipients) {
        if (other.id === recipient.id || !(trickyIds.has(other.id) || trickyIds.has(recipient.id))) continue;
        const link = linkOf(other.id);
        expect(email.html.includes(escapeLikeReact(other.name)) || email.text.includes(other.name), `${recipient.name} got ${other.name}`).toBe(false);
        expect(email.html.includes(escapeLikeReact(link)) || email.text.includes(link) || email.headers["List-Unsubscribe"]!.includes(link)).toBe(false);
      }
    }
  });

  it("fills in the names it can from one render, and renders the others in full, without a link as with one", async () => {
    const context = await contextOf();
    const odd = ["https://safer.example/u/a?b=1&c='d'", "mailto:someone@test.example", "https://safer.example/u/a b", ""];
    for (const [label, renderer, linkFor] of [
      ["no link", makeDigestRenderer({}), () => undefined],
      ["odd links", makeDigestRenderer({ listUnsubscribeUrl: (_, recipient) => odd[TRICKY.indexOf(recipient.name) % odd.length] }), (name: string) => odd[TRICKY.indexOf(name) % odd.length]],
    ] as const) {
      await withTenant(board.partnershipId, async (tx) => {
        const digest = await loadBoardDigest(tx, board.partnershipId, board.meetingId);
        if (!digest) throw new Error("no digest");
        for (const name of TRICKY) {
          const recipient = { personId: randomUUID(), name, email: "x@test.example" };
          const email = await renderer(tx, context, recipient);
          expect(email, `${label}: ${name}`).toEqual(await renderDigestFor(digest, { name }, { listUnsubscribeUrl: linkFor(name) }));
        }
      });
    }
    // The names above split as expected between the two ways: the fast one is really taken.
    const digest = await withTenant(board.partnershipId, (tx) => loadBoardDigest(tx, board.partnershipId, board.meetingId));
    const template = await prepareDigestTemplate(digest!, { withUnsubscribeLink: true });
    const link = digestUnsubscribeUrl(board.partnershipId, board.boardId, randomUUID());
    expect(FILLED.map((name) => template.fill(name, link) !== null)).toEqual(FILLED.map(() => true));
    expect(RENDERED_IN_FULL.map((name) => template.fill(name, link))).toEqual(RENDERED_IN_FULL.map(() => null));
  });
});
