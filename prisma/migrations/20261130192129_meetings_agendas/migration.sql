-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('PRESENT', 'APOLOGIES', 'ABSENT');

-- AlterTable
ALTER TABLE "AgendaItem" ADD COLUMN     "decision" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "otherAttendees" TEXT,
ADD COLUMN     "recordedAsPast" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "AgendaItemIndicator" (
    "partnershipId" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,

    CONSTRAINT "AgendaItemIndicator_pkey" PRIMARY KEY ("partnershipId","agendaItemId","indicatorId")
);

-- CreateTable
CREATE TABLE "MeetingPaper" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "bytes" BYTEA,
    "fileName" TEXT,
    "contentType" TEXT,
    "size" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingPaper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "boardMemberId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("partnershipId","meetingId","boardMemberId")
);

-- CreateTable
CREATE TABLE "MeetingActionArising" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "agendaItemId" UUID,
    "title" TEXT NOT NULL,
    "ownerAgencyId" UUID,
    "dueOn" DATE,
    "priorityId" UUID,
    "actionId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingActionArising_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeetingPaper_agendaItemId_idx" ON "MeetingPaper"("agendaItemId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingPaper_partnershipId_id_key" ON "MeetingPaper"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "MeetingActionArising_meetingId_idx" ON "MeetingActionArising"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingActionArising_partnershipId_id_key" ON "MeetingActionArising"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "MeetingActionArising_partnershipId_actionId_key" ON "MeetingActionArising"("partnershipId", "actionId");

-- AddForeignKey
ALTER TABLE "AgendaItemIndicator" ADD CONSTRAINT "AgendaItemIndicator_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemIndicator" ADD CONSTRAINT "AgendaItemIndicator_partnershipId_agendaItemId_fkey" FOREIGN KEY ("partnershipId", "agendaItemId") REFERENCES "AgendaItem"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemIndicator" ADD CONSTRAINT "AgendaItemIndicator_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPaper" ADD CONSTRAINT "MeetingPaper_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPaper" ADD CONSTRAINT "MeetingPaper_partnershipId_agendaItemId_fkey" FOREIGN KEY ("partnershipId", "agendaItemId") REFERENCES "AgendaItem"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_partnershipId_boardMemberId_fkey" FOREIGN KEY ("partnershipId", "boardMemberId") REFERENCES "BoardMember"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_agendaItemId_fkey" FOREIGN KEY ("partnershipId", "agendaItemId") REFERENCES "AgendaItem"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_ownerAgencyId_fkey" FOREIGN KEY ("partnershipId", "ownerAgencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_actionId_fkey" FOREIGN KEY ("partnershipId", "actionId") REFERENCES "Action"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingActionArising" ADD CONSTRAINT "MeetingActionArising_partnershipId_priorityId_fkey" FOREIGN KEY ("partnershipId", "priorityId") REFERENCES "Priority"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

SELECT app_enforce_tenant_isolation();
