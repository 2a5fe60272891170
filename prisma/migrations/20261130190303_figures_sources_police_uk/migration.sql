-- CreateEnum
CREATE TYPE "IndicatorFiguresFrom" AS ENUM ('HAND_OR_CSV', 'POLICE_UK');

-- AlterEnum
ALTER TYPE "FigureSource" ADD VALUE 'POLICE_UK';

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "figuresFrom" "IndicatorFiguresFrom" NOT NULL DEFAULT 'HAND_OR_CSV';

-- AlterTable
ALTER TABLE "Partnership" ADD COLUMN     "policeUkLsoaCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "policeUkLsoaNamePrefixes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "PoliceUkMapping" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "crimeType" TEXT NOT NULL,
    "indicatorId" UUID NOT NULL,

    CONSTRAINT "PoliceUkMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PoliceUkImport" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "fileName" TEXT NOT NULL,
    "rowsRead" INTEGER NOT NULL,
    "rowsCounted" INTEGER NOT NULL,
    "rowsOutsideArea" INTEGER NOT NULL,
    "rowsWithoutLocation" INTEGER NOT NULL,
    "rowsUnmappedType" INTEGER NOT NULL,
    "countsByCrimeType" JSONB NOT NULL,
    "importedById" UUID,
    "importedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PoliceUkImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PoliceUkMapping_indicatorId_idx" ON "PoliceUkMapping"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceUkMapping_partnershipId_id_key" ON "PoliceUkMapping"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceUkMapping_partnershipId_crimeType_key" ON "PoliceUkMapping"("partnershipId", "crimeType");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceUkImport_partnershipId_id_key" ON "PoliceUkImport"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PoliceUkImport_partnershipId_month_key" ON "PoliceUkImport"("partnershipId", "month");

-- AddForeignKey
ALTER TABLE "PoliceUkMapping" ADD CONSTRAINT "PoliceUkMapping_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceUkMapping" ADD CONSTRAINT "PoliceUkMapping_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PoliceUkImport" ADD CONSTRAINT "PoliceUkImport_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;



SELECT app_enforce_tenant_isolation();
