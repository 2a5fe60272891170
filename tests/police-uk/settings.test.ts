// The police.uk settings: the area, and which crime types feed which indicators, with
// the indicator's one source of figures following the mapping.
import { describe, expect, it } from "vitest";
import { beginPoliceUkUpload, getPoliceUkSettings, lsoaPrefixOfCouncil, savePoliceUkSettings } from "~/modules/police-uk/police-uk.server";
import { PoliceUkSettingsSchema } from "~/modules/police-uk/police-uk-schema";
import { withTenant } from "~/utils/db.server";
import { thrownStatus } from "../editing/helpers";
import { chunks, policeUkCsv, policeUkPartnership, times } from "./helpers";

const input = (mappings: Record<string, string>, area: { lsoaNamePrefixes?: string; lsoaCodes?: string } = {}) =>
  PoliceUkSettingsSchema.parse({ ...area, mappings: Object.entries(mappings).map(([crimeType, indicatorId]) => ({ crimeType, indicatorId })) });

async function sourceOf(partnershipId: string, indicatorId: string) {
  return withTenant(partnershipId, async (tx) => (await tx.indicator.findFirstOrThrow({ where: { id: indicatorId, partnershipId }, select: { figuresFrom: true } })).figuresFrom);
}

describe("police.uk settings", () => {
  it("maps crime types to monthly indicators, makes them police.uk's, and audits it", async () => {
    const world = await policeUkPartnership({});
    const manager = await world.actor();
    const result = await savePoliceUkSettings(manager, input({ Burglary: world.indicators.burglary, Robbery: world.indicators.violence, "Violence and sexual offences": world.indicators.violence }));
    expect(result).toEqual({ status: "saved", keptOnPoliceUk: [], replacesHandFigures: [] });
    expect(await sourceOf(world.partnershipId, world.indicators.burglary)).toBe("POLICE_UK");
    expect(await sourceOf(world.partnershipId, world.indicators.violence)).toBe("POLICE_UK");
    const settings = await getPoliceUkSettings(manager);
    expect(settings.crimeTypes.find((c) => c.crimeType === "Robbery")?.indicatorId).toBe(world.indicators.violence);
    const audit = await withTenant(world.partnershipId, (tx) => tx.auditEvent.findMany({ where: { partnershipId: world.partnershipId }, select: { action: true, entityType: true, after: true } }));
    expect(audit).toContainEqual(expect.objectContaining({ action: "changed the police.uk settings", after: expect.objectContaining({ Burglary: "LOCAL 1 Burglaries" }) }));
    expect(audit.filter((e) => e.action === "now takes its figures from police.uk")).toHaveLength(2);
  });

  it("refuses an indicator that is not monthly, or not a count or rate, with a clear message", async () => {
    const world = await policeUkPartnership({});
    const manager = await world.actor();
    const result = await savePoliceUkSettings(manager, input({ Burglary: world.indicators.quarterly, Drugs: world.indicators.percentage }));
    expect(result).toEqual({
      status: "invalid",
      fieldErrors: {
        "mappings[0].indicatorId": ["Burglary: LOCAL 4 Quarterly crimes is reported quarterly: only monthly indicators can take police.uk figures, which come by month"],
        "mappings[1].indicatorId": [expect.stringContaining("LOCAL 5 Crimes solved is not a count or a rate")],
      },
    });
    expect(await sourceOf(world.partnershipId, world.indicators.quarterly)).toBe("HAND_OR_CSV");
  });

  it("refuses an indicator of another partnership", async () => {
    const world = await policeUkPartnership({});
    const other = await policeUkPartnership({});
    const result = await savePoliceUkSettings(await world.actor(), input({ Burglary: other.indicators.burglary }));
    expect(result.status).toBe("invalid");
    expect(await sourceOf(other.partnershipId, other.indicators.burglary)).toBe("HAND_OR_CSV");
  });

  it("gives an unmapped indicator back to hand entry, unless it holds police.uk figures", async () => {
    const world = await policeUkPartnership();
    const manager = await world.actor();
    const upload = await beginPoliceUkUpload(manager);
    await upload.addFile("crimes.csv", chunks(policeUkCsv(times(2, { "Crime type": "Burglary" }))));
    expect((await upload.finish()).status).toBe("imported");
    // Every mapped indicator got a figure for March (0 where no crime), so each keeps police.uk.
    const result = await savePoliceUkSettings(manager, input({ Burglary: "", "Vehicle crime": "", Robbery: "", "Violence and sexual offences": "" }));
    expect(result).toMatchObject({ status: "saved", keptOnPoliceUk: ["LOCAL 1 Burglaries", "LOCAL 2 Violent and sexual crimes and robberies", "LOCAL 3 Vehicle crime rate"] });
    expect(await sourceOf(world.partnershipId, world.indicators.burglary)).toBe("POLICE_UK");
    expect((await getPoliceUkSettings(manager)).keptOnPoliceUk).toHaveLength(3);

    const fresh = await policeUkPartnership();
    const freshManager = await fresh.actor();
    await savePoliceUkSettings(freshManager, input({ Burglary: "" }));
    expect(await sourceOf(fresh.partnershipId, fresh.indicators.burglary)).toBe("HAND_OR_CSV");
  });

  it("saves the area, and checks LSOA codes line by line", async () => {
    const world = await policeUkPartnership({});
    const manager = await world.actor();
    expect((await getPoliceUkSettings(manager)).area).toMatchObject({ usingDefault: true, defaultPrefixes: ["Tatton Vale"] });
    await savePoliceUkSettings(manager, input({}, { lsoaNamePrefixes: "Tatton Vale\n\n Cheswick Forest \nTatton Vale", lsoaCodes: "e01000001\nE01000002" }));
    expect((await getPoliceUkSettings(manager)).area).toMatchObject({ usingDefault: false, prefixes: ["Tatton Vale", "Cheswick Forest"], codes: ["E01000001", "E01000002"] });
    const wrong = PoliceUkSettingsSchema.safeParse({ lsoaCodes: "E01000001\nTatton Vale 001A", mappings: [] });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe('Line 2: "TATTON VALE 001A" is not an LSOA code. Enter one code a line, like E01000001');
  });

  it("takes the LSOA name from a council's name", () => {
    expect(lsoaPrefixOfCouncil("Tatton Vale Borough Council")).toBe("Tatton Vale");
    expect(lsoaPrefixOfCouncil("London Borough of Tatton Vale")).toBe("Tatton Vale");
    expect(lsoaPrefixOfCouncil("Cheswick Forest District Council")).toBe("Cheswick Forest");
    expect(lsoaPrefixOfCouncil("Tatton Vale")).toBe("Tatton Vale");
  });

  it("is for managers only", async () => {
    const world = await policeUkPartnership({});
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const actor = await world.actor(role, role === "AGENCY_EDITOR" ? world.police : null);
      expect(await thrownStatus(() => getPoliceUkSettings(actor))).toBe(403);
      expect(await thrownStatus(() => savePoliceUkSettings(actor, input({ Burglary: world.indicators.burglary })))).toBe(403);
    }
  });
});
