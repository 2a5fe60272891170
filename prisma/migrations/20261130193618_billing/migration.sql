-- Billing per partnership (issue 8): the Stripe customer and subscription state on the
-- registry row, and the webhook events already acted on (a tenant table: see schema).
-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "billingSyncedAt" TIMESTAMP(3),
ADD COLUMN     "cancelAtPeriodEnd" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "currentPeriodEnd" TIMESTAMP(3),
ADD COLUMN     "stripeCustomerId" TEXT,
ADD COLUMN     "stripeSubscriptionId" TEXT,
ADD COLUMN     "trialEndsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "partnershipId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeEvent_partnershipId_receivedAt_idx" ON "StripeEvent"("partnershipId", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_stripeCustomerId_key" ON "Partnership"("stripeCustomerId");

-- AddForeignKey
ALTER TABLE "StripeEvent" ADD CONSTRAINT "StripeEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;



SELECT app_enforce_tenant_isolation();
