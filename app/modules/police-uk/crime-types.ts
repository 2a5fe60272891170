// The "Crime type" values of police.uk street-level files. None of them is a national
// indicator: mapping one to an indicator is the partnership's own choice.

/** As police.uk writes them, in the order its downloads list them. */
export const POLICE_UK_CRIME_TYPES = [
  "Anti-social behaviour",
  "Bicycle theft",
  "Burglary",
  "Criminal damage and arson",
  "Drugs",
  "Other crime",
  "Other theft",
  "Possession of weapons",
  "Public order",
  "Robbery",
  "Shoplifting",
  "Theft from the person",
  "Vehicle crime",
  "Violence and sexual offences",
  // Files before May 2013 use these two instead of the four that replaced them.
  "Violent crime",
  "Public disorder and weapons",
] as const;

export type PoliceUkCrimeType = (typeof POLICE_UK_CRIME_TYPES)[number];

/** What each type holds that an indicator of a similar name may not: shown on the mapping page. */
export const CRIME_TYPE_NOTES: Partial<Record<PoliceUkCrimeType, string>> = {
  Burglary: "Homes and businesses together: not residential burglary alone",
  "Violence and sexual offences": "Wider than violence against the person: it includes sexual offences",
  "Anti-social behaviour": "Incidents reported to the police, not crimes",
  "Vehicle crime": "Theft of and from vehicles, and interfering with them",
  "Other theft": "Thefts not counted under another type",
  "Violent crime": "Used in files before May 2013",
  "Public disorder and weapons": "Used in files before May 2013",
};

export function isPoliceUkCrimeType(value: string): value is PoliceUkCrimeType {
  return (POLICE_UK_CRIME_TYPES as readonly string[]).includes(value);
}
