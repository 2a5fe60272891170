// Growing delays after repeated failures (SignInThrottle table), never a lock-out.
//
// Each key (an account, an IP address, a user's second step) counts its failures in
// a row. Below a free allowance nothing happens; from then on each failure makes the
// key wait 2, 4, 8... seconds, up to a cap. While a key waits, attempts are refused
// without checking the password and without counting, so an attacker can keep an
// account waiting at most the cap at a time, and the owner's correct password works
// as soon as the wait is over. Success clears the account's count; a quiet hour
// forgets the rest.
import { db } from "~/utils/db.server";
import { normaliseEmail } from "~/modules/registry/registry.server";

export type ThrottleRule = {
  /** Failures in a row allowed before any wait. */
  freeFailures: number;
  maxDelaySeconds: number;
};

/** An account (by its normalised e-mail, known or not: the answer must not differ). */
export const ACCOUNT_RULE: ThrottleRule = { freeFailures: 5, maxDelaySeconds: 60 };
/**
 * An IP address. A whole council office or police station can share one address
 * behind its firewall, so it gets a bigger allowance before waits start; its cap
 * is longer because one address guessing at many accounts is the attack it stops.
 */
export const IP_RULE: ThrottleRule = { freeFailures: 20, maxDelaySeconds: 15 * 60 };
/**
 * The second step and re-entering a password on the account pages: the person
 * already holds a session or a password, so only guessing is slowed. The long cap
 * makes guessing a 6-digit code take years rather than days.
 */
export const SECOND_FACTOR_RULE: ThrottleRule = { freeFailures: 5, maxDelaySeconds: 15 * 60 };

/** A key unused for this long starts again from zero. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

export type ThrottleKey = { key: string; rule: ThrottleRule };

export const throttleKeys = {
  account: (email: string): ThrottleKey => ({ key: `account:${normaliseEmail(email)}`, rule: ACCOUNT_RULE }),
  ip: (ip: string): ThrottleKey => ({ key: `ip:${ip}`, rule: IP_RULE }),
  /** Codes at the second step, and passwords re-entered on the account pages. */
  secondFactor: (userId: string): ThrottleKey => ({ key: `second-factor:${userId}`, rule: SECOND_FACTOR_RULE }),
  reauthentication: (userId: string): ThrottleKey => ({ key: `reauthenticate:${userId}`, rule: SECOND_FACTOR_RULE }),
};

/** Seconds to wait after `failures` failures in a row: 0, then 2, 4, 8... up to the cap. */
export function delaySecondsAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelaySeconds, 2 ** (failures - rule.freeFailures + 1));
}

/** How long the longest-waiting of these keys must still wait, in whole seconds (0: go ahead). */
export async function secondsToWait(keys: ThrottleKey[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db().signInThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } },
    select: { blockedUntil: true },
  });
  const longest = Math.max(0, ...rows.map((row) => row.blockedUntil.getTime() - now.getTime()));
  return Math.ceil(longest / 1000);
}

/** Counts one failure against each key and sets how long it must now wait. */
export async function recordFailure(keys: ThrottleKey[], now = new Date()) {
  for (const { key, rule } of keys) {
    // A key quiet for an hour starts again, so a few typing mistakes a month never add up.
    await db().signInThrottle.updateMany({
      where: { key, lastFailureAt: { lt: new Date(now.getTime() - FORGET_AFTER_MS) } },
      data: { failures: 0 },
    });
    // The increment is atomic, so failures sent at once are all counted.
    const { failures } = await db().signInThrottle.upsert({
      where: { key },
      create: { key, failures: 1, lastFailureAt: now, blockedUntil: now },
      update: { failures: { increment: 1 }, lastFailureAt: now },
      select: { failures: true },
    });
    const delay = delaySecondsAfter(failures, rule);
    if (delay > 0) {
      await db().signInThrottle.update({ where: { key }, data: { blockedUntil: new Date(now.getTime() + delay * 1000) } });
    }
  }
}

/** After a success: the count starts again from zero. */
export async function clearFailures(key: ThrottleKey) {
  await db().signInThrottle.deleteMany({ where: { key: key.key } });
}

/** The words by the field while a key waits: the same for every account, known or not. */
export function tooManyAttemptsMessage(seconds: number) {
  const wait =
    seconds < 120 ? `${seconds} ${seconds === 1 ? "second" : "seconds"}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many attempts. Wait ${wait} and try again.`;
}
