// The rules without Stripe or the database: Stripe's statuses -> ours, which of
// several subscriptions counts, and which permissions a read-only partnership keeps.
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { can, isWrite, permissions, type Permission } from "~/modules/access/permissions";
import { stateFromSubscriptions } from "~/modules/billing/billing.server";
import { isReadOnly } from "~/modules/billing/billing-state";

const NOW = new Date("2027-03-01T12:00:00Z");
const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

function subscription(status: string, fields: Partial<{ id: string; created: number; trial_end: number | null; period_end: number; cancel_at_period_end: boolean }> = {}) {
  return {
    id: fields.id ?? `sub_${status}`,
    status,
    created: fields.created ?? unix("2027-01-01T00:00:00Z"),
    trial_end: fields.trial_end ?? null,
    cancel_at_period_end: fields.cancel_at_period_end ?? false,
    items: { data: [{ current_period_end: fields.period_end ?? unix("2028-01-01T00:00:00Z") }] },
  } as unknown as Stripe.Subscription;
}

const trialing = { subscriptionStatus: "TRIALING" as const, trialEndsAt: new Date("2027-03-20T00:00:00Z") };

describe("Stripe's subscription status, as ours", () => {
  it.each([
    ["trialing", "TRIALING"],
    ["active", "ACTIVE"],
    ["past_due", "PAST_DUE"],
    ["unpaid", "PAST_DUE"],
    ["canceled", "CANCELED"],
    ["incomplete_expired", "CANCELED"],
    ["paused", "CANCELED"],
  ])("%s -> %s", (stripeStatus, ours) => {
    expect(stateFromSubscriptions([subscription(stripeStatus)], trialing, NOW).subscriptionStatus).toBe(ours);
  });

  it("does not count an incomplete subscription: the trial goes on", () => {
    expect(stateFromSubscriptions([subscription("incomplete")], trialing, NOW)).toMatchObject({ subscriptionStatus: "TRIALING", stripeSubscriptionId: null });
  });

  it("takes the subscription that grants the most, then the newest", () => {
    const state = stateFromSubscriptions(
      [
        subscription("canceled", { id: "sub_old", created: unix("2026-01-01T00:00:00Z") }),
        subscription("trialing", { id: "sub_trial", trial_end: unix("2027-03-20T00:00:00Z") }),
        subscription("active", { id: "sub_paid", period_end: unix("2028-02-01T00:00:00Z"), cancel_at_period_end: true }),
      ],
      trialing,
      NOW,
    );
    expect(state).toMatchObject({ subscriptionStatus: "ACTIVE", stripeSubscriptionId: "sub_paid", cancelAtPeriodEnd: true, currentPeriodEnd: new Date("2028-02-01T00:00:00Z") });
    const twoCanceled = stateFromSubscriptions(
      [subscription("canceled", { id: "sub_a", created: 1 }), subscription("canceled", { id: "sub_b", created: 2 })],
      trialing,
      NOW,
    );
    expect(twoCanceled.stripeSubscriptionId).toBe("sub_b");
  });

  it("with no subscription: the trial runs to its end, then CANCELED; a partnership from before billing keeps its state", () => {
    expect(stateFromSubscriptions([], trialing, NOW).subscriptionStatus).toBe("TRIALING");
    expect(stateFromSubscriptions([], trialing, new Date("2027-03-21T00:00:00Z")).subscriptionStatus).toBe("CANCELED");
    expect(stateFromSubscriptions([], { subscriptionStatus: "ACTIVE", trialEndsAt: null }, NOW).subscriptionStatus).toBe("ACTIVE");
  });
});

describe("read-only", () => {
  it("is canceled, or a trial past its end, and only with billing on", () => {
    expect(isReadOnly({ subscriptionStatus: "CANCELED", trialEndsAt: null }, true, NOW)).toBe(true);
    expect(isReadOnly({ subscriptionStatus: "TRIALING", trialEndsAt: new Date("2027-02-28T00:00:00Z") }, true, NOW)).toBe(true);
    expect(isReadOnly(trialing, true, NOW)).toBe(false);
    expect(isReadOnly({ subscriptionStatus: "PAST_DUE", trialEndsAt: null }, true, NOW)).toBe(false);
    expect(isReadOnly({ subscriptionStatus: "CANCELED", trialEndsAt: null }, false, NOW)).toBe(false);
  });

  it("refuses every write permission, and only those, whatever the role", () => {
    const manager = { role: "PARTNERSHIP_MANAGER" as const, agencyId: null };
    const all = Object.keys(permissions) as Permission[];
    for (const permission of all) {
      expect(can({ ...manager, readOnly: true }, permission, { agencyIds: [] })).toBe(!isWrite(permission));
      expect(can(manager, permission, { agencyIds: [] })).toBe(true);
    }
    const reads: Permission[] = ["partnership:read", "audit:read-all", "data:export", "billing:manage"];
    expect(reads.filter(isWrite)).toEqual([]);
    const writes: Permission[] = ["priority:update", "action:create", "action:update", "figure:enter", "invite:manage", "member:manage", "settings:manage", "meeting:manage", "publication:manage"];
    expect(writes.filter((p) => !isWrite(p))).toEqual([]);
  });
});
