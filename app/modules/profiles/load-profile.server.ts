// Loads a PartnershipProfile into the database as a new partnership: the demo seed
// and the test factories use it (and, later, profile import). Everything but the
// registry row is written inside withTenant, so RLS checks every insert.
import { resolvePeriod } from "~/modules/periods/periods";
import { db, withTenant, type TenantTx } from "~/utils/db.server";
import type { PartnershipProfile, PeriodRef, PriorityRef } from "./profile-schema";

export async function loadProfile(profile: PartnershipProfile): Promise<{ partnershipId: string }> {
  const startMonth = profile.financialYearStartMonth ?? 4;
  const partnership = await db().partnership.create({
    data: {
      slug: profile.slug,
      name: profile.name,
      financialYearStartMonth: startMonth,
      policeForceArea: profile.policeForceArea ?? null,
      policeUkLsoaNamePrefixes: profile.policeUk?.lsoaNamePrefixes ?? [],
      policeUkLsoaCodes: profile.policeUk?.lsoaCodes ?? [],
      // A loaded profile is a configured partnership: no guided set-up to walk through.
      setupCompletedAt: new Date(),
    },
    select: { id: true },
  });
  const partnershipId = partnership.id;
  await withTenant(partnershipId, (tx) => new ProfileWriter(tx, partnershipId, startMonth, profile).write(), {
    timeoutMs: 120_000,
  });
  return { partnershipId };
}

/** Resolves the profile's keys to the ids it creates, failing loudly on a dangling key. */
class ProfileWriter {
  private ids = new Map<string, string>();
  private periodIds = new Map<string, string>();

  constructor(
    private tx: TenantTx,
    private partnershipId: string,
    private startMonth: number,
    private profile: PartnershipProfile,
  ) {}

  private id(kind: string, key: string | undefined): string | null {
    if (key === undefined) return null;
    const id = this.ids.get(`${kind}:${key}`);
    if (!id) throw new Error(`Profile ${this.profile.slug}: no ${kind} with key "${key}"`);
    return id;
  }

  private remember(kind: string, key: string, id: string) {
    if (this.ids.has(`${kind}:${key}`)) throw new Error(`Profile ${this.profile.slug}: two ${kind}s with key "${key}"`);
    this.ids.set(`${kind}:${key}`, id);
  }

  private priorityId(ref: PriorityRef) {
    return this.id("priority", ref)!;
  }

  private async periodId(ref: PeriodRef): Promise<string> {
    const period = resolvePeriod(ref, this.startMonth);
    const cacheKey = `${period.type}:${period.startsOn.toISOString()}`;
    const cached = this.periodIds.get(cacheKey);
    if (cached) return cached;
    const { partnershipId } = this;
    const row = await this.tx.reportingPeriod.upsert({
      where: { partnershipId_type_startsOn: { partnershipId, type: period.type, startsOn: period.startsOn } },
      create: { partnershipId, ...period },
      update: {},
      select: { id: true },
    });
    this.periodIds.set(cacheKey, row.id);
    return row.id;
  }

  async write() {
    const { tx, partnershipId, profile } = this;
    for (const name of profile.councils) await tx.council.create({ data: { partnershipId, name } });

    for (const denominator of profile.denominators ?? []) {
      const row = await tx.denominator.create({
        data: {
          partnershipId,
          kind: denominator.kind,
          name: denominator.name,
        },
        select: { id: true },
      });
      await tx.denominatorValue.createMany({
        data: denominator.values.map((v) => ({
          partnershipId,
          denominatorId: row.id,
          financialYear: v.financialYear,
          value: v.value,
          source: v.source ?? null,
        })),
      });
      this.remember("denominator", denominator.key, row.id);
    }

    // Departments name their parent agency, so parents go first.
    const agencies = [...profile.agencies].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));
    for (const agency of agencies) {
      const row = await tx.agency.create({
        data: {
          partnershipId,
          name: agency.name,
          shortName: agency.shortName ?? null,
          kind: agency.kind,
          isGroup: agency.isGroup ?? false,
          parentAgencyId: this.id("agency", agency.parent),
        },
        select: { id: true },
      });
      this.remember("agency", agency.key, row.id);
    }

    for (const person of profile.people) {
      const row = await tx.person.create({
        data: {
          partnershipId,
          name: person.name,
          jobTitle: person.jobTitle ?? null,
          email: person.email ?? null,
          agencyId: this.id("agency", person.agency),
        },
        select: { id: true },
      });
      this.remember("person", person.key, row.id);
    }

    for (const board of profile.boards) {
      const row = await tx.board.create({
        data: {
          partnershipId,
          name: board.name,
          shortName: board.shortName ?? null,
          kind: board.kind,
          description: board.description ?? null,
          reportsToParent: board.reportsToParent ?? null,
        },
        select: { id: true },
      });
      this.remember("board", board.key, row.id);
    }
    for (const board of profile.boards) {
      const boardId = this.id("board", board.key)!;
      if (board.parent) {
        await tx.board.update({ where: { partnershipId_id: { partnershipId, id: boardId } }, data: { parentBoardId: this.id("board", board.parent) } });
      }
      for (const member of board.members) {
        await tx.boardMember.create({
          data: {
            partnershipId,
            boardId,
            personId: this.id("person", member.person)!,
            role: member.role,
            agencyId: this.id("agency", member.agency),
          },
        });
      }
    }

    for (const strategy of profile.strategies) {
      const row = await tx.strategy.create({
        data: {
          partnershipId,
          title: strategy.title,
          startYear: strategy.startYear,
          endYear: strategy.endYear,
          summary: strategy.summary ?? null,
          approvedOn: strategy.approvedOn ? new Date(strategy.approvedOn) : null,
          approvedBy: strategy.approvedBy ?? null,
        },
        select: { id: true },
      });
      this.remember("strategy", strategy.key, row.id);
      for (const priority of strategy.priorities) {
        const created = await tx.priority.create({
          data: {
            partnershipId,
            strategyId: row.id,
            number: priority.number,
            title: priority.title,
            whyPriority: priority.whyPriority ?? null,
            whatWeWillDo: priority.whatWeWillDo ?? null,
            responsibleBoardId: this.id("board", priority.responsibleBoard),
          },
          select: { id: true },
        });
        await tx.priorityLead.createMany({
          data: priority.leads.map((lead, position) => ({
            partnershipId,
            priorityId: created.id,
            position,
            agencyId: this.id("agency", lead.agency),
            personId: this.id("person", lead.person),
          })),
        });
        this.remember("priority", `${strategy.key}#${priority.number}`, created.id);
      }
    }

    for (const indicator of profile.indicators) {
      const row = await tx.indicator.create({
        data: {
          partnershipId,
          code: indicator.code ?? null,
          name: indicator.name,
          description: indicator.description ?? null,
          unit: indicator.unit,
          direction: indicator.direction,
          denominatorId: this.id("denominator", indicator.denominator),
          source: indicator.source ?? null,
          frequency: indicator.frequency,
          responsibleBoardId: this.id("board", indicator.responsibleBoard),
          ownerBoardId: this.id("board", indicator.ownerBoard),
          leadAgencyId: this.id("agency", indicator.leadAgency),
          // A mapped police.uk crime type makes an indicator's figures come from police.uk.
          figuresFrom:
            indicator.figuresFrom ?? ((profile.policeUk?.mappings ?? []).some((m) => m.indicator === indicator.key) ? "POLICE_UK" : "HAND_OR_CSV"),
        },
        select: { id: true },
      });
      const indicatorId = row.id;
      await tx.indicatorPriority.createMany({
        data: (indicator.priorities ?? []).map((ref) => ({ partnershipId, indicatorId, priorityId: this.priorityId(ref) })),
      });
      for (const baseline of indicator.baselines ?? []) {
        await tx.baseline.create({
          data: {
            partnershipId,
            indicatorId,
            periodId: baseline.period ? await this.periodId(baseline.period) : null,
            value: baseline.value ?? null,
            count: baseline.count ?? null,
            note: baseline.note ?? null,
          },
        });
      }
      for (const target of indicator.targets ?? []) {
        const created = await tx.target.create({
          data: {
            partnershipId,
            indicatorId,
            periodId: await this.periodId(target.period),
            value: target.value ?? null,
            requiredDirection: target.requiredDirection ?? null,
            note: target.note ?? null,
          },
          select: { id: true },
        });
        await tx.targetChange.createMany({
          data: (target.changes ?? []).map((change) => ({
            partnershipId,
            targetId: created.id,
            previousValue: change.previousValue ?? null,
            newValue: change.newValue ?? null,
            reason: change.reason ?? null,
            agreedBy: change.agreedBy ?? null,
            agreedOn: change.agreedOn ? new Date(change.agreedOn) : null,
          })),
        });
      }
      for (const figure of indicator.figures ?? []) {
        await tx.figure.create({
          data: {
            partnershipId,
            indicatorId,
            periodId: await this.periodId(figure.period),
            value: figure.value,
            count: figure.count ?? null,
            source: "IMPORTED",
          },
        });
      }
      this.remember("indicator", indicator.key, indicatorId);
    }

    await tx.policeUkMapping.createMany({
      data: (profile.policeUk?.mappings ?? []).map((m) => ({ partnershipId, crimeType: m.crimeType, indicatorId: this.id("indicator", m.indicator)! })),
    });

    for (const plan of profile.deliveryPlans ?? []) {
      const row = await tx.deliveryPlan.create({
        data: {
          partnershipId,
          title: plan.title,
          financialYear: plan.financialYear,
          strategyId: this.id("strategy", plan.strategy),
        },
        select: { id: true },
      });
      for (const [position, area] of (plan.outcomeAreas ?? []).entries()) {
        const created = await tx.outcomeArea.create({
          data: { partnershipId, deliveryPlanId: row.id, position, title: area.title },
          select: { id: true },
        });
        this.remember("outcomeArea", `${plan.key}:${area.key}`, created.id);
      }
      for (const action of plan.actions) {
        const created = await tx.action.create({
          data: {
            partnershipId,
            deliveryPlanId: row.id,
            priorityId: action.priority ? this.priorityId(action.priority) : null,
            outcomeAreaId: action.outcomeArea ? this.id("outcomeArea", `${plan.key}:${action.outcomeArea}`) : null,
            reference: action.reference ?? null,
            title: action.title,
            description: action.description ?? null,
            ownerAgencyId: this.id("agency", action.ownerAgency),
            ownerPersonId: this.id("person", action.ownerPerson),
            ownerText: action.ownerText ?? null,
            status: action.status,
            rag: action.rag ?? null,
            originalDueOn: action.originalDueOn ? new Date(action.originalDueOn) : null,
            revisedDueOn: action.revisedDueOn ? new Date(action.revisedDueOn) : null,
          },
          select: { id: true },
        });
        await tx.progressNote.createMany({
          data: (action.notes ?? []).map((note) => ({
            partnershipId,
            actionId: created.id,
            writtenOn: new Date(note.writtenOn),
            body: note.body,
            rag: note.rag ?? null,
          })),
        });
      }
    }

    for (const meeting of profile.meetings ?? []) {
      const created = await tx.meeting.create({
        data: {
          partnershipId,
          boardId: this.id("board", meeting.board)!,
          heldOn: new Date(meeting.heldOn),
          startTime: meeting.startTime ? new Date(`1970-01-01T${meeting.startTime}:00Z`) : null,
          place: meeting.place ?? null,
        },
        select: { id: true },
      });
      for (const [position, item] of meeting.agendaItems.entries()) {
        const agendaItem = await tx.agendaItem.create({
          data: {
            partnershipId,
            meetingId: created.id,
            position,
            number: item.number,
            title: item.title,
            reportOf: item.reportOf ?? null,
            purpose: item.purpose ?? null,
            decisionSought: item.decisionSought ?? null,
          },
          select: { id: true },
        });
        await tx.agendaItemPriority.createMany({
          data: (item.priorities ?? []).map((ref) => ({
            partnershipId,
            agendaItemId: agendaItem.id,
            priorityId: this.priorityId(ref),
          })),
        });
      }
    }
  }
}
