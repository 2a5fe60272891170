-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED');

-- CreateEnum
CREATE TYPE "AgencyKind" AS ENUM ('POLICE', 'PROBATION', 'FIRE_AND_RESCUE', 'COUNCIL', 'HEALTH', 'YOUTH_OFFENDING', 'CRIMINAL_JUSTICE', 'VOLUNTARY', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('PARTNERSHIP_MANAGER', 'AGENCY_EDITOR', 'BOARD_MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "BoardKind" AS ENUM ('PARTNERSHIP_BOARD', 'EXECUTIVE_BOARD', 'SUB_BOARD', 'SCRUTINY_COMMITTEE', 'OTHER');

-- CreateEnum
CREATE TYPE "BoardRole" AS ENUM ('CHAIR', 'VICE_CHAIR', 'CO_CHAIR', 'MEMBER');

-- CreateEnum
CREATE TYPE "DenominatorKind" AS ENUM ('RESIDENTS', 'HOUSEHOLDS', 'OTHER');

-- CreateEnum
CREATE TYPE "PeriodType" AS ENUM ('WEEK', 'MONTH', 'QUARTER', 'YEAR');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('COUNT', 'PERCENTAGE', 'RATE_PER_100', 'RATE_PER_1000', 'RATE_PER_100000', 'SCORE', 'RATIO');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('WEEKLY', 'MONTHLY', 'QUARTERLY', 'YEARLY');

-- CreateEnum
CREATE TYPE "RequiredDirection" AS ENUM ('INCREASE', 'REDUCE', 'MAINTAIN');

-- CreateEnum
CREATE TYPE "FigureSource" AS ENUM ('ENTERED', 'IMPORTED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE', 'DROPPED');

-- CreateEnum
CREATE TYPE "Rag" AS ENUM ('RED', 'AMBER', 'GREEN');

-- CreateEnum
CREATE TYPE "DigestStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Partnership" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "financialYearStartMonth" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "policeForceArea" TEXT,
    "subscriptionStatus" "SubscriptionStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Partnership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "secretHash" BYTEA NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastVerifiedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Council" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Council_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "AgencyKind" NOT NULL,
    "isGroup" BOOLEAN NOT NULL DEFAULT false,
    "parentAgencyId" UUID,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Agency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT,
    "agencyId" UUID,
    "email" TEXT,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "agencyId" UUID,
    "personId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Board" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "kind" "BoardKind" NOT NULL,
    "description" TEXT,
    "parentBoardId" UUID,
    "reportsToParent" TEXT,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Board_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BoardMember" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "role" "BoardRole" NOT NULL DEFAULT 'MEMBER',
    "agencyId" UUID,

    CONSTRAINT "BoardMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Strategy" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "summary" TEXT,
    "approvedOn" DATE,
    "approvedBy" TEXT,

    CONSTRAINT "Strategy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Priority" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "strategyId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "whyPriority" TEXT,
    "whatWeWillDo" TEXT,
    "progressSummary" TEXT,
    "responsibleBoardId" UUID,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Priority_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PriorityLead" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "priorityId" UUID NOT NULL,
    "agencyId" UUID,
    "personId" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PriorityLead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Denominator" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "kind" "DenominatorKind" NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Denominator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DenominatorValue" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "denominatorId" UUID NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "value" DECIMAL(14,3) NOT NULL,
    "source" TEXT,

    CONSTRAINT "DenominatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingPeriod" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "type" "PeriodType" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "financialYear" INTEGER NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "code" TEXT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "unit" "IndicatorUnit" NOT NULL,
    "direction" "Direction" NOT NULL,
    "denominatorId" UUID,
    "source" TEXT,
    "frequency" "Frequency" NOT NULL,
    "responsibleBoardId" UUID,
    "ownerBoardId" UUID,
    "leadAgencyId" UUID,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorPriority" (
    "partnershipId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "priorityId" UUID NOT NULL,

    CONSTRAINT "IndicatorPriority_pkey" PRIMARY KEY ("partnershipId","indicatorId","priorityId")
);

-- CreateTable
CREATE TABLE "Baseline" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "periodId" UUID,
    "value" DECIMAL(14,4),
    "count" DECIMAL(14,3),
    "note" TEXT,

    CONSTRAINT "Baseline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "value" DECIMAL(14,4),
    "requiredDirection" "RequiredDirection",
    "note" TEXT,

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetChange" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "targetId" UUID NOT NULL,
    "previousValue" DECIMAL(14,4),
    "newValue" DECIMAL(14,4),
    "reason" TEXT,
    "agreedBy" TEXT,
    "agreedOn" DATE,
    "changedById" UUID,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "periodId" UUID NOT NULL,
    "value" DECIMAL(14,4) NOT NULL,
    "count" DECIMAL(14,3),
    "source" "FigureSource" NOT NULL DEFAULT 'ENTERED',
    "enteredById" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryPlan" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "strategyId" UUID,
    "title" TEXT NOT NULL,
    "financialYear" INTEGER NOT NULL,

    CONSTRAINT "DeliveryPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutcomeArea" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "deliveryPlanId" UUID NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "title" TEXT NOT NULL,

    CONSTRAINT "OutcomeArea_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "deliveryPlanId" UUID NOT NULL,
    "priorityId" UUID,
    "outcomeAreaId" UUID,
    "reference" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "ownerAgencyId" UUID,
    "ownerPersonId" UUID,
    "ownerText" TEXT,
    "status" "ActionStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "rag" "Rag",
    "originalDueOn" DATE,
    "revisedDueOn" DATE,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressNote" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "actionId" UUID NOT NULL,
    "writtenOn" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "rag" "Rag",
    "authorUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Meeting" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "boardId" UUID NOT NULL,
    "heldOn" DATE NOT NULL,
    "startTime" TIME(0),
    "place" TEXT,
    "onlineUrl" TEXT,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "reportOf" TEXT,
    "purpose" TEXT,
    "decisionSought" TEXT,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgendaItemPriority" (
    "partnershipId" UUID NOT NULL,
    "agendaItemId" UUID NOT NULL,
    "priorityId" UUID NOT NULL,

    CONSTRAINT "AgendaItemPriority_pkey" PRIMARY KEY ("partnershipId","agendaItemId","priorityId")
);

-- CreateTable
CREATE TABLE "DigestDelivery" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "status" "DigestStatus" NOT NULL DEFAULT 'PENDING',
    "sentAt" TIMESTAMP(3),
    "providerId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" UUID NOT NULL,
    "partnershipId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL,
    "agencyId" UUID,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "invitedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invite_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partnership_slug_key" ON "Partnership"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Council_partnershipId_id_key" ON "Council"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Council_partnershipId_name_key" ON "Council"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_partnershipId_id_key" ON "Agency"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_partnershipId_name_key" ON "Agency"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_partnershipId_id_key" ON "Person"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnershipId_id_key" ON "Membership"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnershipId_userId_key" ON "Membership"("partnershipId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_partnershipId_personId_key" ON "Membership"("partnershipId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Board_partnershipId_id_key" ON "Board"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Board_partnershipId_name_key" ON "Board"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "BoardMember_partnershipId_id_key" ON "BoardMember"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "BoardMember_boardId_personId_key" ON "BoardMember"("boardId", "personId");

-- CreateIndex
CREATE UNIQUE INDEX "Strategy_partnershipId_id_key" ON "Strategy"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Priority_partnershipId_id_key" ON "Priority"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Priority_strategyId_number_key" ON "Priority"("strategyId", "number");

-- CreateIndex
CREATE INDEX "PriorityLead_priorityId_idx" ON "PriorityLead"("priorityId");

-- CreateIndex
CREATE UNIQUE INDEX "PriorityLead_partnershipId_id_key" ON "PriorityLead"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Denominator_partnershipId_id_key" ON "Denominator"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Denominator_partnershipId_name_key" ON "Denominator"("partnershipId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "DenominatorValue_partnershipId_id_key" ON "DenominatorValue"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DenominatorValue_denominatorId_financialYear_key" ON "DenominatorValue"("denominatorId", "financialYear");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_partnershipId_id_key" ON "ReportingPeriod"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingPeriod_partnershipId_type_startsOn_key" ON "ReportingPeriod"("partnershipId", "type", "startsOn");

-- CreateIndex
CREATE UNIQUE INDEX "Indicator_partnershipId_id_key" ON "Indicator"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "IndicatorPriority_partnershipId_priorityId_idx" ON "IndicatorPriority"("partnershipId", "priorityId");

-- CreateIndex
CREATE INDEX "Baseline_indicatorId_idx" ON "Baseline"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "Baseline_partnershipId_id_key" ON "Baseline"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Target_partnershipId_id_key" ON "Target"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Target_indicatorId_periodId_key" ON "Target"("indicatorId", "periodId");

-- CreateIndex
CREATE INDEX "TargetChange_targetId_idx" ON "TargetChange"("targetId");

-- CreateIndex
CREATE UNIQUE INDEX "TargetChange_partnershipId_id_key" ON "TargetChange"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_partnershipId_id_key" ON "Figure"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Figure_indicatorId_periodId_key" ON "Figure"("indicatorId", "periodId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryPlan_partnershipId_id_key" ON "DeliveryPlan"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeArea_partnershipId_id_key" ON "OutcomeArea"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "Action_partnershipId_priorityId_idx" ON "Action"("partnershipId", "priorityId");

-- CreateIndex
CREATE INDEX "Action_deliveryPlanId_idx" ON "Action"("deliveryPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_partnershipId_id_key" ON "Action"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "ProgressNote_actionId_idx" ON "ProgressNote"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressNote_partnershipId_id_key" ON "ProgressNote"("partnershipId", "id");

-- CreateIndex
CREATE INDEX "Meeting_partnershipId_heldOn_idx" ON "Meeting"("partnershipId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_partnershipId_id_key" ON "Meeting"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_partnershipId_id_key" ON "AgendaItem"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AgendaItem_meetingId_position_key" ON "AgendaItem"("meetingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_partnershipId_id_key" ON "DigestDelivery"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DigestDelivery_meetingId_email_key" ON "DigestDelivery"("meetingId", "email");

-- CreateIndex
CREATE INDEX "AuditEvent_partnershipId_entityType_entityId_idx" ON "AuditEvent"("partnershipId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_partnershipId_id_key" ON "AuditEvent"("partnershipId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_partnershipId_id_key" ON "Invite"("partnershipId", "id");

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Council" ADD CONSTRAINT "Council_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Agency" ADD CONSTRAINT "Agency_partnershipId_parentAgencyId_fkey" FOREIGN KEY ("partnershipId", "parentAgencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_partnershipId_agencyId_fkey" FOREIGN KEY ("partnershipId", "agencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_partnershipId_agencyId_fkey" FOREIGN KEY ("partnershipId", "agencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_partnershipId_personId_fkey" FOREIGN KEY ("partnershipId", "personId") REFERENCES "Person"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Board" ADD CONSTRAINT "Board_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Board" ADD CONSTRAINT "Board_partnershipId_parentBoardId_fkey" FOREIGN KEY ("partnershipId", "parentBoardId") REFERENCES "Board"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_partnershipId_boardId_fkey" FOREIGN KEY ("partnershipId", "boardId") REFERENCES "Board"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_partnershipId_personId_fkey" FOREIGN KEY ("partnershipId", "personId") REFERENCES "Person"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BoardMember" ADD CONSTRAINT "BoardMember_partnershipId_agencyId_fkey" FOREIGN KEY ("partnershipId", "agencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_partnershipId_strategyId_fkey" FOREIGN KEY ("partnershipId", "strategyId") REFERENCES "Strategy"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Priority" ADD CONSTRAINT "Priority_partnershipId_responsibleBoardId_fkey" FOREIGN KEY ("partnershipId", "responsibleBoardId") REFERENCES "Board"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityLead" ADD CONSTRAINT "PriorityLead_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityLead" ADD CONSTRAINT "PriorityLead_partnershipId_priorityId_fkey" FOREIGN KEY ("partnershipId", "priorityId") REFERENCES "Priority"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityLead" ADD CONSTRAINT "PriorityLead_partnershipId_agencyId_fkey" FOREIGN KEY ("partnershipId", "agencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PriorityLead" ADD CONSTRAINT "PriorityLead_partnershipId_personId_fkey" FOREIGN KEY ("partnershipId", "personId") REFERENCES "Person"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Denominator" ADD CONSTRAINT "Denominator_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DenominatorValue" ADD CONSTRAINT "DenominatorValue_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DenominatorValue" ADD CONSTRAINT "DenominatorValue_partnershipId_denominatorId_fkey" FOREIGN KEY ("partnershipId", "denominatorId") REFERENCES "Denominator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_partnershipId_denominatorId_fkey" FOREIGN KEY ("partnershipId", "denominatorId") REFERENCES "Denominator"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_partnershipId_responsibleBoardId_fkey" FOREIGN KEY ("partnershipId", "responsibleBoardId") REFERENCES "Board"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_partnershipId_ownerBoardId_fkey" FOREIGN KEY ("partnershipId", "ownerBoardId") REFERENCES "Board"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_partnershipId_leadAgencyId_fkey" FOREIGN KEY ("partnershipId", "leadAgencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorPriority" ADD CONSTRAINT "IndicatorPriority_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorPriority" ADD CONSTRAINT "IndicatorPriority_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorPriority" ADD CONSTRAINT "IndicatorPriority_partnershipId_priorityId_fkey" FOREIGN KEY ("partnershipId", "priorityId") REFERENCES "Priority"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Baseline" ADD CONSTRAINT "Baseline_partnershipId_periodId_fkey" FOREIGN KEY ("partnershipId", "periodId") REFERENCES "ReportingPeriod"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_partnershipId_periodId_fkey" FOREIGN KEY ("partnershipId", "periodId") REFERENCES "ReportingPeriod"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetChange" ADD CONSTRAINT "TargetChange_partnershipId_targetId_fkey" FOREIGN KEY ("partnershipId", "targetId") REFERENCES "Target"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_partnershipId_indicatorId_fkey" FOREIGN KEY ("partnershipId", "indicatorId") REFERENCES "Indicator"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Figure" ADD CONSTRAINT "Figure_partnershipId_periodId_fkey" FOREIGN KEY ("partnershipId", "periodId") REFERENCES "ReportingPeriod"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeliveryPlan" ADD CONSTRAINT "DeliveryPlan_partnershipId_strategyId_fkey" FOREIGN KEY ("partnershipId", "strategyId") REFERENCES "Strategy"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeArea" ADD CONSTRAINT "OutcomeArea_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutcomeArea" ADD CONSTRAINT "OutcomeArea_partnershipId_deliveryPlanId_fkey" FOREIGN KEY ("partnershipId", "deliveryPlanId") REFERENCES "DeliveryPlan"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_deliveryPlanId_fkey" FOREIGN KEY ("partnershipId", "deliveryPlanId") REFERENCES "DeliveryPlan"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_priorityId_fkey" FOREIGN KEY ("partnershipId", "priorityId") REFERENCES "Priority"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_outcomeAreaId_fkey" FOREIGN KEY ("partnershipId", "outcomeAreaId") REFERENCES "OutcomeArea"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_ownerAgencyId_fkey" FOREIGN KEY ("partnershipId", "ownerAgencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_partnershipId_ownerPersonId_fkey" FOREIGN KEY ("partnershipId", "ownerPersonId") REFERENCES "Person"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressNote" ADD CONSTRAINT "ProgressNote_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressNote" ADD CONSTRAINT "ProgressNote_partnershipId_actionId_fkey" FOREIGN KEY ("partnershipId", "actionId") REFERENCES "Action"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Meeting" ADD CONSTRAINT "Meeting_partnershipId_boardId_fkey" FOREIGN KEY ("partnershipId", "boardId") REFERENCES "Board"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemPriority" ADD CONSTRAINT "AgendaItemPriority_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemPriority" ADD CONSTRAINT "AgendaItemPriority_partnershipId_agendaItemId_fkey" FOREIGN KEY ("partnershipId", "agendaItemId") REFERENCES "AgendaItem"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItemPriority" ADD CONSTRAINT "AgendaItemPriority_partnershipId_priorityId_fkey" FOREIGN KEY ("partnershipId", "priorityId") REFERENCES "Priority"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestDelivery" ADD CONSTRAINT "DigestDelivery_partnershipId_meetingId_fkey" FOREIGN KEY ("partnershipId", "meetingId") REFERENCES "Meeting"("partnershipId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_partnershipId_fkey" FOREIGN KEY ("partnershipId") REFERENCES "Partnership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_partnershipId_agencyId_fkey" FOREIGN KEY ("partnershipId", "agencyId") REFERENCES "Agency"("partnershipId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Row-level security (docs/decisions/0002-tenancy-rls-and-roles.md).
-- Not expressible in schema.prisma, so it lives here. Every table with a
-- "partnershipId" column shows and accepts only the rows of the partnership set
-- for the transaction (app.tenant_id); with none set, nothing (fail closed).
-- A later migration that adds a tenant table ends with
-- `SELECT app_enforce_tenant_isolation();` (a test fails if it forgets).
-- ---------------------------------------------------------------------------

-- A reused pooled connection reports '' rather than NULL for a setting that was
-- set in an earlier transaction: nullif keeps the cast from failing.
CREATE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE FUNCTION app_enforce_tenant_isolation() RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  tenant_table record;
BEGIN
  FOR tenant_table IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = 'public' AND c.relkind = 'r'
      AND a.attname = 'partnershipId' AND NOT a.attisdropped
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', tenant_table.relname);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', tenant_table.relname);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING ("partnershipId" = app_current_tenant()) '
      'WITH CHECK ("partnershipId" = app_current_tenant())',
      tenant_table.relname);
  END LOOP;
END
$$;

SELECT app_enforce_tenant_isolation();

-- Before a partnership is chosen, a signed-in user may read their own memberships
-- (and nothing else of any partnership). Read-only: policies are OR-ed per command.
CREATE POLICY own_memberships ON "Membership" FOR SELECT
  USING ("userId" = nullif(current_setting('app.user_id', true), '')::uuid);

-- Accepting an invite happens before the partnership is known: the invite whose
-- token hash the visitor holds is readable, no other.
CREATE POLICY invite_by_token_hash ON "Invite" FOR SELECT
  USING ("tokenHash" = nullif(current_setting('app.invite_token_hash', true), ''));

-- Facts the model cannot state in schema.prisma.
ALTER TABLE "PriorityLead" ADD CONSTRAINT "PriorityLead_agency_or_person"
  CHECK ("agencyId" IS NOT NULL OR "personId" IS NOT NULL);
ALTER TABLE "Target" ADD CONSTRAINT "Target_value_or_direction"
  CHECK ("value" IS NOT NULL OR "requiredDirection" IS NOT NULL);
ALTER TABLE "Strategy" ADD CONSTRAINT "Strategy_years_in_order"
  CHECK ("startYear" <= "endYear");
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_financial_year_month"
  CHECK ("financialYearStartMonth" BETWEEN 1 AND 12);
ALTER TABLE "Partnership" ADD CONSTRAINT "Partnership_slug_format"
  CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
