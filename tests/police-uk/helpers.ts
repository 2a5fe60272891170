// A partnership with monthly indicators that police.uk crime types can feed, its
// members, and police.uk street-level files made up row by row.
import { randomBytes } from "node:crypto";
import type { Actor } from "~/modules/access/actor.server";
import { POLICE_UK_COLUMNS } from "~/modules/police-uk/police-uk-csv";
import type { MembershipRole, PartnershipProfile } from "~/modules/profiles/profile-schema";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, uniqueSlug } from "../factories";

export function policeUkProfile(options: { mappings?: Array<{ crimeType: string; indicator: string }>; prefixes?: string[]; codes?: string[] } = {}): PartnershipProfile {
  const slug = uniqueSlug("pukt");
  return {
    slug,
    name: `Tatton Vale Community Safety Partnership ${slug}`,
    councils: ["Tatton Vale Borough Council"],
    denominators: [
      {
        key: "households",
        kind: "HOUSEHOLDS",
        name: "Households",
        values: [
          { financialYear: 2024, value: "100000" },
          { financialYear: 2025, value: "125000" },
        ],
      },
    ],
    agencies: [
      { key: "police", name: "Tatton Constabulary", kind: "POLICE" },
      { key: "council", name: "Tatton Vale Borough Council", kind: "COUNCIL" },
    ],
    people: [],
    boards: [],
    strategies: [],
    indicators: [
      { key: "burglary", code: "LOCAL 1", name: "Burglaries", unit: "COUNT", direction: "LOWER_IS_BETTER", frequency: "MONTHLY", leadAgency: "police" },
      { key: "violence", code: "LOCAL 2", name: "Violent and sexual crimes and robberies", unit: "COUNT", direction: "LOWER_IS_BETTER", frequency: "MONTHLY", leadAgency: "police" },
      {
        key: "vehicle-rate",
        code: "LOCAL 3",
        name: "Vehicle crime rate",
        unit: "RATE_PER_1000",
        denominator: "households",
        direction: "LOWER_IS_BETTER",
        frequency: "MONTHLY",
        leadAgency: "police",
      },
      { key: "quarterly", code: "LOCAL 4", name: "Quarterly crimes", unit: "COUNT", direction: "LOWER_IS_BETTER", frequency: "QUARTERLY", leadAgency: "police" },
      { key: "percentage", code: "LOCAL 5", name: "Crimes solved", unit: "PERCENTAGE", direction: "HIGHER_IS_BETTER", frequency: "MONTHLY", leadAgency: "police" },
    ],
    ...(options.mappings || options.prefixes || options.codes
      ? { policeUk: { lsoaNamePrefixes: options.prefixes ?? [], lsoaCodes: options.codes ?? [], mappings: options.mappings ?? [] } }
      : {}),
  };
}

export const STANDARD_MAPPINGS = [
  { crimeType: "Burglary", indicator: "burglary" },
  { crimeType: "Violence and sexual offences", indicator: "violence" },
  { crimeType: "Robbery", indicator: "violence" },
  { crimeType: "Vehicle crime", indicator: "vehicle-rate" },
];

export async function policeUkPartnership(options: Parameters<typeof policeUkProfile>[0] = { mappings: STANDARD_MAPPINGS }) {
  const profile = policeUkProfile(options);
  const partnership = await createPartnership(profile);
  const { partnershipId } = partnership;
  const indicators = await withTenant(partnershipId, (tx) => tx.indicator.findMany({ where: { partnershipId }, select: { id: true, code: true } }));
  const agencies = await withTenant(partnershipId, (tx) => tx.agency.findMany({ where: { partnershipId }, select: { id: true, kind: true } }));
  const indicator = (code: string) => indicators.find((i) => i.code === code)!.id;
  async function actor(role: MembershipRole = "PARTNERSHIP_MANAGER", agencyId: string | null = null): Promise<Actor> {
    const name = `${role} user`;
    const user = await createUser({ name, memberships: [{ partnershipId, role, agencyId: agencyId ?? undefined }] });
    const membership = await withTenant(partnershipId, (tx) => tx.membership.findFirstOrThrow({ where: { partnershipId, userId: user.id }, select: { id: true } }));
    return { userId: user.id, userName: name, partnershipId, membershipId: membership.id, role, agencyId };
  }
  return {
    ...partnership,
    profile,
    police: agencies.find((a) => a.kind === "POLICE")!.id,
    indicators: {
      burglary: indicator("LOCAL 1"),
      violence: indicator("LOCAL 2"),
      vehicleRate: indicator("LOCAL 3"),
      quarterly: indicator("LOCAL 4"),
      percentage: indicator("LOCAL 5"),
    },
    actor,
  };
}

export type CrimeRow = Partial<Record<(typeof POLICE_UK_COLUMNS)[number], string>>;

/** A row in the area unless told otherwise. */
export function crime(overrides: CrimeRow = {}): CrimeRow {
  return {
    "Crime ID": randomBytes(32).toString("hex"),
    Month: "2025-03",
    "Reported by": "Tatton Constabulary",
    "Falls within": "Tatton Constabulary",
    Longitude: "-2.371",
    Latitude: "53.302",
    Location: "On or near High Street",
    "LSOA code": "E01018000",
    "LSOA name": "Tatton Vale 001A",
    "Crime type": "Burglary",
    "Last outcome category": "Investigation complete; no suspect identified",
    Context: "",
    ...overrides,
  };
}

export const NO_LOCATION: CrimeRow = { Longitude: "", Latitude: "", Location: "No location", "LSOA code": "", "LSOA name": "" };
export const ELSEWHERE: CrimeRow = { "LSOA code": "E01019999", "LSOA name": "Cheswick Forest 004B", Location: "On or near Mill Lane" };

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function policeUkCsv(rows: CrimeRow[], columns: readonly string[] = POLICE_UK_COLUMNS): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => quote(row[c as keyof CrimeRow] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

/** n copies of a row. */
export function times(n: number, row: CrimeRow): CrimeRow[] {
  return Array.from({ length: n }, () => crime(row));
}

/** The text as a stream of small chunks, the way an upload arrives. */
export async function* chunks(text: string, size = 1024): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
