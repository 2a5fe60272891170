-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "ragTolerance" DECIMAL(6,2) NOT NULL DEFAULT 5,
ADD COLUMN     "setupCompletedAt" TIMESTAMP(3),
ADD COLUMN     "setupTasks" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "totpLastUsedStep" INTEGER;


-- Partnerships that exist already were configured before the guided set-up existed.
UPDATE "Partnership" SET "setupCompletedAt" = CURRENT_TIMESTAMP WHERE "setupCompletedAt" IS NULL;

SELECT app_enforce_tenant_isolation();
