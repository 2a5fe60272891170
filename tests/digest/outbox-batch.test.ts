// Without RESEND_API_KEY a batch goes to the local outbox, which honours the
// idempotency key as Resend does: the same key twice stores the batch once.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sendEmailBatch } from "~/utils/email.server";
import { outboxByKeyPrefix } from "./helpers";

const emails = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ to: `Outbox-${i}-${tag}@Test.example`, subject: `Digest ${i}`, html: `<p>${i}</p>`, text: `${i}` }));

describe("sendEmailBatch to the outbox", () => {
  it("stores a batch once however often its key is sent, and answers with the same ids in order", async () => {
    expect(process.env.RESEND_API_KEY).toBeUndefined();
    const key = `digest/${randomUUID()}/1`;
    const batch = emails(3, key);
    const first = await sendEmailBatch(batch, { idempotencyKey: key });
    const again = await sendEmailBatch(batch, { idempotencyKey: key });
    expect(first.every((sent) => sent.via === "outbox")).toBe(true);
    expect(again).toEqual(first);
    const stored = await outboxByKeyPrefix(key);
    expect(stored).toHaveLength(3);
    expect(stored.map((row) => row.id)).toEqual(first.map((sent) => sent.id));
    expect(stored.map((row) => row.to)).toEqual(batch.map((email) => email.to.toLowerCase()));

    const otherKey = `digest/${randomUUID()}/2`;
    await sendEmailBatch(batch, { idempotencyKey: otherKey });
    expect(await outboxByKeyPrefix(otherKey)).toHaveLength(3);
  });

  it("refuses more than 100 e-mails in one batch", async () => {
    await expect(sendEmailBatch(emails(101, "big"), { idempotencyKey: `digest/${randomUUID()}/1` })).rejects.toThrow(/at most 100/);
  });
});
