-- CreateEnum
CREATE TYPE "EmailSuppressionReason" AS ENUM ('BOUNCED', 'COMPLAINED');

-- AlterEnum
ALTER TYPE "DigestStatus" ADD VALUE 'SUPPRESSED';

-- AlterTable
ALTER TABLE "Board" ADD COLUMN     "reminderDaysBefore" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "reason" "EmailSuppressionReason" NOT NULL,
    "providerEvent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestOptOut" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderOptOut" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOptOut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'PENDING',
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailSuppression_email_key" ON "EmailSuppression"("email");

-- CreateIndex
CREATE UNIQUE INDEX "DigestOptOut_partnershipId_id_key" ON "DigestOptOut"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DigestOptOut_partnershipId_boardId_personId_key" ON "DigestOptOut"("partnershipId", "boardId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderOptOut_partnershipId_id_key" ON "ReminderOptOut"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderOptOut_partnershipId_email_key" ON "ReminderOptOut"("partnershipId", "email");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_partnershipId_id_key" ON "ReminderDelivery"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_meetingId_email_key" ON "ReminderDelivery"("meetingId", "email");

-- AddForeignKey
ALTER TABLE "DigestOptOut" ADD CONSTRAINT "DigestOptOut_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestOptOut" ADD CONSTRAINT "DigestOptOut_partnershipId_boardId_fkey" FOREIGN KEY ("partnershipId", "boardId") REFERENCES "Board"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestOptOut" ADD CONSTRAINT "DigestOptOut_partnershipId_personId_fkey" FOREIGN KEY ("partnershipId", "personId") REFERENCES "Person"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderOptOut" ADD CONSTRAINT "ReminderOptOut_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


SELECT app_enforce_tenant_isolation();
