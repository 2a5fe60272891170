-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "publicContact" TEXT,
ADD COLUMN     "publishLeadOfficerNames" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "publishMeetings" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Priority" ADD COLUMN     "published" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Publication" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "note" TEXT NOT NULL,
    "approvedById" UUID,
    "approvedByName" TEXT NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revisedAt" TIMESTAMP(3),
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Publication_partnershipId_approvedAt_idx" ON "Publication"("partnershipId", "approvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_partnershipId_id_key" ON "Publication"("partnershipId", "id");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;



SELECT app_enforce_tenant_isolation();
