// A partnership's whole configuration as one document: the demo seed, the test
// factories and (later) profile import/export all speak it. References between parts
// are by the `key` the document gives each part, never by database id, so a profile
// can be loaded into any database.
//
// Decimal values are strings ("24.841") so they stay exact.

export type AgencyKind =
  | "POLICE"
  | "PROBATION"
  | "FIRE_AND_RESCUE"
  | "COUNCIL"
  | "HEALTH"
  | "YOUTH_OFFENDING"
  | "CRIMINAL_JUSTICE"
  | "VOLUNTARY"
  | "OTHER";
export type BoardKind = "PARTNERSHIP_BOARD" | "EXECUTIVE_BOARD" | "SUB_BOARD" | "SCRUTINY_COMMITTEE" | "OTHER";
export type BoardRole = "CHAIR" | "VICE_CHAIR" | "CO_CHAIR" | "MEMBER";
export type IndicatorUnit =
  | "COUNT"
  | "PERCENTAGE"
  | "RATE_PER_100"
  | "RATE_PER_1000"
  | "RATE_PER_100000"
  | "SCORE"
  | "RATIO";
export type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type Frequency = "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";
export type RequiredDirection = "INCREASE" | "REDUCE" | "MAINTAIN";
export type ActionStatus = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETE" | "DROPPED";
export type Rag = "RED" | "AMBER" | "GREEN";
export type MembershipRole = "PARTNERSHIP_MANAGER" | "AGENCY_EDITOR" | "BOARD_MEMBER" | "VIEWER";

/** A period of the partnership's financial year. financialYear is the calendar year it starts in (2010 = 2010/11). */
export type PeriodRef =
  | { type: "YEAR"; financialYear: number }
  | { type: "QUARTER"; financialYear: number; quarter: 1 | 2 | 3 | 4 }
  | { type: "MONTH"; year: number; month: number }
  | { type: "WEEK"; endsOn: string };

/** "strategyKey#number": a priority of one of the profile's strategies. */
export type PriorityRef = `${string}#${number}`;

export type PartnershipProfile = {
  slug: string;
  name: string;
  councils: string[];
  financialYearStartMonth?: number;
  policeForceArea?: string;
  denominators?: Array<{
    key: string;
    kind: "RESIDENTS" | "HOUSEHOLDS" | "OTHER";
    name: string;
    values: Array<{ financialYear: number; value: string; source?: string }>;
  }>;
  agencies: Array<{
    key: string;
    name: string;
    shortName?: string;
    kind: AgencyKind;
    isGroup?: boolean;
    /** key of the agency this is a department of */
    parent?: string;
  }>;
  people: Array<{ key: string; name: string; jobTitle?: string; agency?: string; email?: string }>;
  boards: Array<{
    key: string;
    name: string;
    shortName?: string;
    kind: BoardKind;
    parent?: string;
    description?: string;
    reportsToParent?: string;
    members: Array<{ person: string; role: BoardRole; agency?: string }>;
  }>;
  strategies: Array<{
    key: string;
    title: string;
    startYear: number;
    endYear: number;
    summary?: string;
    approvedOn?: string;
    approvedBy?: string;
    priorities: Array<{
      number: number;
      title: string;
      whyPriority?: string;
      whatWeWillDo?: string;
      responsibleBoard?: string;
      leads: Array<{ agency?: string; person?: string }>;
    }>;
  }>;
  indicators: Array<{
    key: string;
    code?: string;
    name: string;
    description?: string;
    unit: IndicatorUnit;
    direction: Direction;
    denominator?: string;
    source?: string;
    frequency: Frequency;
    responsibleBoard?: string;
    ownerBoard?: string;
    leadAgency?: string;
    priorities?: PriorityRef[];
    baselines?: Array<{ period?: PeriodRef; value?: string; count?: string; note?: string }>;
    targets?: Array<{
      period: PeriodRef;
      value?: string;
      requiredDirection?: RequiredDirection;
      note?: string;
      changes?: Array<{
        previousValue?: string;
        newValue?: string;
        reason?: string;
        agreedBy?: string;
        agreedOn?: string;
      }>;
    }>;
    figures?: Array<{ period: PeriodRef; value: string; count?: string }>;
  }>;
  deliveryPlans?: Array<{
    key: string;
    title: string;
    financialYear: number;
    strategy?: string;
    outcomeAreas?: Array<{ key: string; title: string }>;
    actions: Array<{
      reference?: string;
      title: string;
      description?: string;
      priority?: PriorityRef;
      outcomeArea?: string;
      ownerAgency?: string;
      ownerPerson?: string;
      ownerText?: string;
      status: ActionStatus;
      rag?: Rag;
      originalDueOn?: string;
      revisedDueOn?: string;
      notes?: Array<{ writtenOn: string; body: string; rag?: Rag }>;
    }>;
  }>;
  meetings?: Array<{
    board: string;
    heldOn: string;
    /** "18:30", local time */
    startTime?: string;
    place?: string;
    agendaItems: Array<{
      number: string;
      title: string;
      reportOf?: string;
      purpose?: string;
      decisionSought?: string;
      priorities?: PriorityRef[];
    }>;
  }>;
};
