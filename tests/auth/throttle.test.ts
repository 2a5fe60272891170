// Growing delays after failed sign-ins: per account and per IP address, the same for
// known and unknown e-mails, and never a lock-out.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "~/modules/auth/auth.server";
import {
  ACCOUNT_RULE,
  delaySecondsAfter,
  IP_RULE,
  recordFailure,
  secondsToWait,
  throttleKeys,
  tooManyAttemptsMessage,
} from "~/modules/auth/throttle.server";
import { db } from "~/utils/db.server";
import { createUser, TEST_PASSWORD } from "../factories";

const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

async function failTimes(email: string, times: number, clientIp: string | null = null) {
  for (let i = 0; i < times; i++) {
    expect((await signIn({ email, password: "wrong password", clientIp })).status).toBe("failed");
  }
}

/** Makes the key's wait end now, as if the time had passed. */
async function endWait(key: string) {
  await db().signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(Date.now() - 1) } });
}

let user: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  user = await createUser({});
});

describe("delays", () => {
  it("start after 5 failures in a row, double each time and stop growing at 60 seconds for an account", () => {
    expect([1, 2, 3, 4].map((n) => delaySecondsAfter(n, ACCOUNT_RULE))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 50].map((n) => delaySecondsAfter(n, ACCOUNT_RULE))).toEqual([2, 4, 8, 16, 32, 60, 60]);
  });

  it("allow an IP address shared by a whole office more, and cap at 15 minutes", () => {
    expect(delaySecondsAfter(19, IP_RULE)).toBe(0);
    expect(delaySecondsAfter(20, IP_RULE)).toBe(2);
    expect(delaySecondsAfter(100, IP_RULE)).toBe(15 * 60);
  });

  it("are said in seconds, or minutes when long", () => {
    expect(tooManyAttemptsMessage(1)).toBe("Too many attempts. Wait 1 second and try again.");
    expect(tooManyAttemptsMessage(32)).toBe("Too many attempts. Wait 32 seconds and try again.");
    expect(tooManyAttemptsMessage(900)).toBe("Too many attempts. Wait 15 minutes and try again.");
  });
});

describe("signing in with wrong passwords", () => {
  it("the 5th failure makes the account wait, and while it waits even the right password is not checked", async () => {
    const victim = await createUser({});
    await failTimes(victim.email, 5);
    const attempt = await signIn({ email: victim.email, password: TEST_PASSWORD });
    expect(attempt.status).toBe("throttled");
    expect(attempt.status === "throttled" && attempt.waitSeconds).toBeGreaterThanOrEqual(1);
    expect(attempt.status === "throttled" && attempt.waitSeconds).toBeLessThanOrEqual(2);
    expect(await db().session.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("an unknown e-mail is throttled exactly like a known one", async () => {
    const unknown = `nobody-${randomUUID().slice(0, 8)}@test.example`;
    const known = (await createUser({})).email;
    await failTimes(unknown, 5);
    await failTimes(known, 5);
    const a = await signIn({ email: unknown, password: "anything" });
    const b = await signIn({ email: known, password: "anything" });
    expect([a.status, b.status]).toEqual(["throttled", "throttled"]);
    // Both wait the same 2 seconds (the second asks a moment later, so may round to less).
    for (const result of [a, b]) expect(result.status === "throttled" && result.waitSeconds).toBeOneOf([1, 2]);
  });

  it("counts the e-mail however it is typed", async () => {
    const person = await createUser({});
    await failTimes(person.email.toUpperCase(), 3);
    await failTimes(`  ${person.email} `, 2);
    expect((await signIn({ email: person.email, password: TEST_PASSWORD })).status).toBe("throttled");
  });

  it("is never a lock-out: after the wait the right password works, and clears the count", async () => {
    const owner = await createUser({});
    const key = throttleKeys.account(owner.email).key;
    await failTimes(owner.email, 5);
    await endWait(key);
    expect((await signIn({ email: owner.email, password: TEST_PASSWORD })).status).toBe("signed-in");
    expect(await db().signInThrottle.findUnique({ where: { key } })).toBeNull();
    // Starting again from zero: one more mistake does not make the owner wait.
    await failTimes(owner.email, 1);
    expect((await signIn({ email: owner.email, password: TEST_PASSWORD })).status).toBe("signed-in");
  });

  it("attempts while waiting are not counted, so an attacker cannot stretch the wait past the cap", async () => {
    const owner = await createUser({});
    await failTimes(owner.email, 5);
    for (let i = 0; i < 20; i++) await signIn({ email: owner.email, password: "guess" });
    const row = await db().signInThrottle.findUniqueOrThrow({ where: { key: throttleKeys.account(owner.email).key } });
    expect(row.failures).toBe(5);
    expect(row.blockedUntil.getTime() - Date.now()).toBeLessThanOrEqual(2000);
  });

  it("an hour without failures forgets them", async () => {
    const person = await createUser({});
    const key = throttleKeys.account(person.email);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await recordFailure([key], twoHoursAgo);
    await recordFailure([key], twoHoursAgo);
    await recordFailure([key]);
    expect((await db().signInThrottle.findUniqueOrThrow({ where: { key: key.key } })).failures).toBe(1);
  });

  it("one IP address guessing at many accounts is slowed down, other addresses are not", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < IP_RULE.freeFailures; i++) {
      await signIn({ email: `guess-${i}-${randomUUID().slice(0, 6)}@test.example`, password: "guess", clientIp: ip });
    }
    expect(await secondsToWait([throttleKeys.ip(ip)])).toBeGreaterThan(0);
    expect((await signIn({ email: user.email, password: TEST_PASSWORD, clientIp: ip })).status).toBe("throttled");
    expect((await signIn({ email: user.email, password: TEST_PASSWORD, clientIp: uniqueIp() })).status).toBe("signed-in");
  });
});
