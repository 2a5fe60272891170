// police.uk configuration in the profile document: the area, the crime types' mapping by
// indicator key and each indicator's source survive export and import.
import { describe, expect, it } from "vitest";
import { readProfileDocument } from "~/modules/profiles/profile-document.server";
import { exportProfile } from "~/modules/profiles/profile-export.server";
import { applyProfileImport } from "~/modules/profiles/profile-import.server";
import { withTenant } from "~/utils/db.server";
import { policeUkPartnership, STANDARD_MAPPINGS } from "../police-uk/helpers";
import { actorIn, emptyPartnership } from "./helpers";

function configurationOf(yaml: string) {
  const read = readProfileDocument(yaml);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const { slug: _slug, name: _name, ...rest } = read.document;
  return rest;
}

const problemsOf = (yaml: string) => {
  const read = readProfileDocument(yaml);
  return read.ok ? [] : read.problems.map((p) => `${p.path}: ${p.message}`);
};

const INDICATORS = `name: Tatton Vale
indicators:
  - { key: burglary, name: Burglaries, unit: COUNT, direction: LOWER_IS_BETTER, frequency: MONTHLY }
  - { key: yearly, name: Yearly crimes, unit: COUNT, direction: LOWER_IS_BETTER, frequency: YEARLY }
`;

describe("police.uk in the profile", () => {
  it("exports the area and mapping, and imports them into another partnership the same", async () => {
    const source = await policeUkPartnership({ mappings: STANDARD_MAPPINGS, prefixes: ["Tatton Vale"], codes: ["E01000001"] });
    const exported = await exportProfile(await actorIn(source.partnershipId));
    const document = configurationOf(exported.body);
    expect(document.policeUk).toEqual({
      lsoaNamePrefixes: ["Tatton Vale"],
      lsoaCodes: ["E01000001"],
      mappings: [
        { crimeType: "Burglary", indicator: "local-1-burglaries" },
        { crimeType: "Robbery", indicator: "local-2-violent-and-sexual-crimes-and-robberies" },
        { crimeType: "Vehicle crime", indicator: "local-3-vehicle-crime-rate" },
        { crimeType: "Violence and sexual offences", indicator: "local-2-violent-and-sexual-crimes-and-robberies" },
      ],
    });
    expect(document.indicators.find((i) => i.code === "LOCAL 1")?.figuresFrom).toBe("POLICE_UK");
    expect(document.indicators.find((i) => i.code === "LOCAL 4")?.figuresFrom).toBeUndefined();

    const target = await emptyPartnership();
    const manager = await actorIn(target.partnershipId);
    const imported = await applyProfileImport(manager, exported.body);
    expect(imported.ok).toBe(true);
    expect(imported.ok && imported.plan.sections.find((s) => s.section === "policeUk")?.added).toEqual(["Burglary", "Violence and sexual offences", "Robbery", "Vehicle crime"].sort());
    const again = await exportProfile(manager);
    expect(configurationOf(again.body)).toEqual(document);
    const sources = await withTenant(target.partnershipId, (tx) => tx.indicator.findMany({ where: { partnershipId: target.partnershipId, figuresFrom: "POLICE_UK" }, select: { code: true } }));
    expect(sources.map((s) => s.code).sort()).toEqual(["LOCAL 1", "LOCAL 2", "LOCAL 3"]);

    // Importing the same file again changes nothing.
    const twice = await applyProfileImport(manager, exported.body);
    expect(twice.ok && twice.plan.sections.every((s) => s.added.length === 0 && s.changed.length === 0)).toBe(true);
  });

  it("leaves policeUk out of a partnership that does not use it", async () => {
    const plain = await policeUkPartnership({});
    expect(configurationOf((await exportProfile(await actorIn(plain.partnershipId))).body).policeUk).toBeUndefined();
  });

  it("refuses a mapping to an indicator the file lacks, to a yearly one, or of a crime type police.uk does not use", () => {
    const yaml = `${INDICATORS}policeUk:
  lsoaCodes: [E01000001, Tatton Vale 001A]
  mappings:
    - { crimeType: Burglary, indicator: burglary }
    - { crimeType: Burglary, indicator: missing }
    - { crimeType: Robbery, indicator: yearly }
    - { crimeType: Residential burglary, indicator: burglary }
`;
    const problems = problemsOf(yaml);
    expect(problems).toContain("policeUk.lsoaCodes[1]: must be an LSOA code, like E01000001");
    expect(problems.some((p) => p.startsWith("policeUk.mappings[3].crimeType: must be"))).toBe(true);
    const fixed = yaml.replace("  lsoaCodes: [E01000001, Tatton Vale 001A]\n", "").replace("    - { crimeType: Residential burglary, indicator: burglary }\n", "");
    expect(problemsOf(fixed)).toEqual([
      "policeUk.mappings[1].crimeType: 'Burglary' is mapped twice",
      "policeUk.mappings[1].indicator: no indicator 'missing' in this file",
      "policeUk.mappings[2].indicator: 'yearly' is yearly: only monthly indicators can take police.uk figures",
    ]);
  });
});
