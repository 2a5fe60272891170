// A partnership's whole configuration as one document: the demo seed, the test
// factories and (later) profile import/export all speak it. References between parts
// are by the `key` the document gives each part, never by database id, so a profile
// can be loaded into any database.
//
// Decimal values are strings ("24.841") so they stay exact.
import { z } from "zod";
import { POLICE_UK_CRIME_TYPES } from "~/modules/police-uk/crime-types";
import { LSOA_CODE } from "~/modules/police-uk/police-uk-schema";

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
    /** Where its figures come from; a mapped police.uk crime type makes it POLICE_UK. */
    figuresFrom?: "HAND_OR_CSV" | "POLICE_UK";
  }>;
  /** The area police.uk crimes are counted in, and which crime types feed which indicator (by key). */
  policeUk?: {
    lsoaNamePrefixes?: string[];
    lsoaCodes?: string[];
    mappings?: Array<{ crimeType: string; indicator: string }>;
  };
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

// ---------------------------------------------------------------------------
// The profile document: the configuration part of a PartnershipProfile, as a file a
// manager exports and imports (YAML, or JSON). Delivery plans, figures and meetings
// are not configuration and stay out of it. Strict: a key the file may not have is
// refused, so a typo ("leed:") never passes silently.
// ---------------------------------------------------------------------------

const text = (max = 300) => z.string().trim().min(1, "must not be empty").max(max, `must be ${max} characters or fewer`);
const longText = text(20_000);
const key = z
  .string()
  .min(1, "must not be empty")
  .max(100, "must be 100 characters or fewer")
  .regex(/^[^\s#]+$/, "must be one word, without spaces or '#'");
/** An exact number, kept as text ("24.841"); a number written without quotes is accepted too. */
const decimal = z
  .union([z.string().trim(), z.number().finite().transform((n) => String(n))])
  .refine((v) => /^-?\d{1,10}(\.\d{1,4})?$/.test(v), "must be a number, like 1234.5 (up to 4 decimal places)");
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written as 2013-01-15")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "is not a real date");
const year = z.number().int("must be a whole number").min(1990, "must be 1990 or later").max(2100, "must be 2100 or earlier");

const PeriodRefSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("YEAR"), financialYear: year }),
  z.strictObject({
    type: z.literal("QUARTER"),
    financialYear: year,
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "must be 1, 2, 3 or 4" }),
  }),
  z.strictObject({ type: z.literal("MONTH"), year, month: z.number().int().min(1, "must be 1 to 12").max(12, "must be 1 to 12") }),
  z.strictObject({ type: z.literal("WEEK"), endsOn: isoDate }),
]);

const PriorityRefSchema = z.templateLiteral([z.string(), "#", z.number().int()], {
  error: "must name a priority as strategy key, '#' and its number, like scs-2011#3",
});

export const AGENCY_KINDS = ["POLICE", "PROBATION", "FIRE_AND_RESCUE", "COUNCIL", "HEALTH", "YOUTH_OFFENDING", "CRIMINAL_JUSTICE", "VOLUNTARY", "OTHER"] as const;
export const BOARD_KINDS = ["PARTNERSHIP_BOARD", "EXECUTIVE_BOARD", "SUB_BOARD", "SCRUTINY_COMMITTEE", "OTHER"] as const;
export const RATE_UNITS = ["RATE_PER_100", "RATE_PER_1000", "RATE_PER_100000"] as const;

export const ProfileDocumentSchema = z.strictObject({
  slug: z.string().max(100).optional(),
  name: text(),
  councils: z.array(text()).default([]),
  financialYearStartMonth: z.number().int().min(1, "must be 1 to 12").max(12, "must be 1 to 12").optional(),
  policeForceArea: text().optional(),
  denominators: z
    .array(
      z.strictObject({
        key,
        kind: z.enum(["RESIDENTS", "HOUSEHOLDS", "OTHER"]),
        name: text(),
        values: z.array(z.strictObject({ financialYear: year, value: decimal, source: text(1000).optional() })).default([]),
      }),
    )
    .default([]),
  agencies: z
    .array(
      z.strictObject({
        key,
        name: text(),
        shortName: text(50).optional(),
        kind: z.enum(AGENCY_KINDS),
        isGroup: z.boolean().optional(),
        parent: key.optional(),
      }),
    )
    .default([]),
  people: z
    .array(
      z.strictObject({
        key,
        name: text(),
        jobTitle: text().optional(),
        agency: key.optional(),
        email: z.email("must be an email address, like name@example.org").optional(),
      }),
    )
    .default([]),
  boards: z
    .array(
      z.strictObject({
        key,
        name: text(),
        shortName: text(50).optional(),
        kind: z.enum(BOARD_KINDS),
        parent: key.optional(),
        description: longText.optional(),
        reportsToParent: text().optional(),
        members: z
          .array(
            z.strictObject({
              person: key,
              role: z.enum(["CHAIR", "VICE_CHAIR", "CO_CHAIR", "MEMBER"]),
              agency: key.optional(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  strategies: z
    .array(
      z.strictObject({
        key,
        title: text(),
        startYear: year,
        endYear: year,
        summary: longText.optional(),
        approvedOn: isoDate.optional(),
        approvedBy: text().optional(),
        priorities: z
          .array(
            z.strictObject({
              number: z.number().int("must be a whole number").min(1, "must be 1 or more").max(999),
              title: text(),
              whyPriority: longText.optional(),
              whatWeWillDo: longText.optional(),
              responsibleBoard: key.optional(),
              leads: z.array(z.strictObject({ agency: key.optional(), person: key.optional() })).default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  indicators: z
    .array(
      z.strictObject({
        key,
        code: text(50).optional(),
        name: text(),
        description: longText.optional(),
        unit: z.enum(["COUNT", "PERCENTAGE", "RATE_PER_100", "RATE_PER_1000", "RATE_PER_100000", "SCORE", "RATIO"]),
        direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]),
        denominator: key.optional(),
        source: text(1000).optional(),
        frequency: z.enum(["WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"]),
        responsibleBoard: key.optional(),
        ownerBoard: key.optional(),
        leadAgency: key.optional(),
        priorities: z.array(PriorityRefSchema).optional(),
        baselines: z
          .array(z.strictObject({ period: PeriodRefSchema.optional(), value: decimal.optional(), count: decimal.optional(), note: text(2000).optional() }))
          .optional(),
        targets: z
          .array(
            z.strictObject({
              period: PeriodRefSchema,
              value: decimal.optional(),
              requiredDirection: z.enum(["INCREASE", "REDUCE", "MAINTAIN"]).optional(),
              note: text(2000).optional(),
              changes: z
                .array(
                  z.strictObject({
                    previousValue: decimal.optional(),
                    newValue: decimal.optional(),
                    reason: text(2000).optional(),
                    agreedBy: text().optional(),
                    agreedOn: isoDate.optional(),
                  }),
                )
                .optional(),
            }),
          )
          .optional(),
        figuresFrom: z.enum(["HAND_OR_CSV", "POLICE_UK"]).optional(),
      }),
    )
    .default([]),
  policeUk: z
    .strictObject({
      lsoaNamePrefixes: z.array(text(100)).default([]),
      lsoaCodes: z.array(z.string().trim().toUpperCase().regex(LSOA_CODE, "must be an LSOA code, like E01000001")).default([]),
      mappings: z
        .array(
          z.strictObject({
            crimeType: z.enum(POLICE_UK_CRIME_TYPES, { error: `must be a police.uk crime type: ${POLICE_UK_CRIME_TYPES.join(", ")}` }),
            indicator: key,
          }),
        )
        .default([]),
    })
    .optional(),
});

/** A profile document after validation: what export writes and import reads. */
export type ProfileDocument = z.infer<typeof ProfileDocumentSchema>;

// A validated document is a PartnershipProfile (without actions, figures or meetings).
export function profileFromDocument(document: ProfileDocument, slug = document.slug ?? ""): PartnershipProfile {
  return { ...document, slug } satisfies PartnershipProfile;
}
