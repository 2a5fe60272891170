-- The pre-meeting digest: per-board timing, numbered batches, stored renders and one
-- run per meeting (docs/decisions/0010-jobs-on-postgresql.md). Nothing wrote
-- DigestDelivery before this migration, so the new NOT NULL columns need no backfill.

-- CreateEnum
CREATE TYPE "DigestRunStatus" AS ENUM ('SENDING', 'SENT', 'FAILED');

-- DropIndex
DROP INDEX "DigestDelivery_meetingId_email_key";

-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "digestDaysBefore" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "digestNeedsApproval" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DigestDelivery" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "batchNumber" INTEGER NOT NULL,
ADD COLUMN     "html" TEXT,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "personId" UUID NOT NULL,
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "text" TEXT;

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "status" "DigestRunStatus" NOT NULL DEFAULT 'SENDING',
    "recipientCount" INTEGER NOT NULL,
    "batchCount" INTEGER NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_partnershipId_id_key" ON "DigestRun"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_partnershipId_meetingId_key" ON "DigestRun"("partnershipId", "meetingId");

-- CreateIndex
CREATE INDEX "DigestDelivery_meetingId_batchNumber_idx" ON "DigestDelivery"("meetingId", "batchNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_meetingId_personId_key" ON "DigestDelivery"("meetingId", "personId");

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_partnershipId_personId_fkey" FOREIGN KEY ("partnershipId", "personId") REFERENCES "Person"("partnershipId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestRun" ADD CONSTRAINT "DigestRun_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_batch_number_positive" CHECK ("batchNumber" >= 1);

SELECT app_enforce_tenant_isolation();
