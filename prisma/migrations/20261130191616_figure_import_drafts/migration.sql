
-- CreateTable
CREATE TABLE "FigureImportDraft" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "createdById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FigureImportDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FigureImportDraft_partnershipId_expiresAt_idx" ON "FigureImportDraft"("partnershipId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "FigureImportDraft_partnershipId_id_key" ON "FigureImportDraft"("partnershipId", "id");

-- AddForeignKey
ALTER TABLE "FigureImportDraft" ADD CONSTRAINT "FigureImportDraft_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;



SELECT app_enforce_tenant_isolation();
