-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "digestIncludesNotes" BOOLEAN NOT NULL DEFAULT false;

SELECT app_enforce_tenant_isolation();
