// The open data files: CSV cells escaped against formula injection while numbers stay
// numbers, column descriptions and the licence, JSON numbers; and a constant number of
// queries for the page and files however many indicators are published.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { approvePublication, savePublicationChoices } from "~/modules/publication/publication.server";
import * as page from "~/routes/p.$slug._index";
import * as csv from "~/routes/p.$slug.indicators[.]csv";
import * as csvMetadata from "~/routes/p.$slug.indicators[.]csv-metadata[.]json";
import * as json from "~/routes/p.$slug.indicators[.]json";
import { countQueries, withTenant } from "~/utils/db.server";
import { fetchPublic, type Loader } from "./helpers";
import { publicationWorld, type PublicationWorld } from "./world";

async function publishAll(w: PublicationWorld) {
  const manager = await w.actor("PARTNERSHIP_MANAGER");
  await savePublicationChoices(manager, {
    priorityIds: [w.publishedPriorityId],
    indicatorIds: [w.publishedIndicatorId, ...w.extraIndicatorIds],
    publicContact: undefined,
    publishLeadOfficerNames: false,
    publishMeetings: true,
  });
  await approvePublication(manager, { note: "Everything" });
}

describe("open data files", () => {
  let world: PublicationWorld;
  const dangerous = "=HYPERLINK(\"http://evil.example\",\"Click\")";

  beforeAll(async () => {
    world = await publicationWorld("Csv", 701);
    await withTenant(world.partnershipId, async (tx) => {
      await tx.indicator.update({ where: { id: world.publishedIndicatorId }, data: { name: dangerous, source: "-2+3" } });
      await tx.agency.update({ where: { id: world.policeAgencyId }, data: { name: "@SUM(A1:A9)" } });
    });
    await publishAll(world);
  });

  it("escapes text cells that a spreadsheet would run as a formula, and leaves numbers as numbers", async () => {
    const response = await fetchPublic(csv.loader as Loader, world.slug, "/indicators.csv");
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const rows = parse(response.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      expect(row.indicator_name).toBe(`'${dangerous}`);
      expect(row.lead_agency).toBe("'@SUM(A1:A9)");
      expect(row.target).toBe("8000");
      expect(row.baseline).toBe("9000");
    }
    expect(rows.map((r) => r.value)).toEqual(world.words.publishedValues);
    // Numbers are written bare (never quoted or prefixed); the latest row carries the rating.
    expect(response.body).toContain(",709,8000,,9000,");
    expect(rows.filter((r) => r.latest === "YES")).toHaveLength(1);
    expect(rows.at(-1)).toMatchObject({ latest: "YES", period_start: expect.stringMatching(/^\d{4}-12-01$/), rating: expect.stringMatching(/^(GREEN|AMBER|RED)$/) });
  });

  it("describes every CSV column, with the licence, in the companion metadata and a Link header", async () => {
    const response = await fetchPublic(csvMetadata.loader as Loader, world.slug, "/indicators.csv-metadata.json");
    const metadata = JSON.parse(response.body) as { url: string; "dc:license": { "@id": string; "dc:title": string }; tableSchema: { columns: Array<{ name: string; "dc:description": string }> } };
    const csvResponse = await fetchPublic(csv.loader as Loader, world.slug, "/indicators.csv");
    const header = csvResponse.body.split("\r\n")[0]!.split(",");
    expect(metadata.tableSchema.columns.map((c) => c.name)).toEqual(header);
    for (const column of metadata.tableSchema.columns) expect(column["dc:description"].length).toBeGreaterThan(10);
    expect(metadata["dc:license"]).toEqual({ "@id": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/", "dc:title": "Open Government Licence v3.0" });
    expect(metadata.url).toBe(`http://localhost/p/${world.slug}/indicators.csv`);
    expect(csvResponse.headers.get("Link")).toContain('rel="license"');
    expect(csvResponse.headers.get("Link")).toContain("indicators.csv-metadata.json");
  });

  it("writes the JSON with a metadata object (licence, field descriptions) and numbers as numbers", async () => {
    const response = await fetchPublic(json.loader as Loader, world.slug, "/indicators.json");
    const document = JSON.parse(response.body) as {
      metadata: { licence: { name: string; url: string }; fields: Record<string, string> };
      indicators: Array<{ name: string; latest: { value: number }; figures: Array<{ value: number }>; target: { value: number } }>;
      priorities: Array<Record<string, unknown>>;
    };
    expect(document.metadata.licence.name).toBe("Open Government Licence v3.0");
    expect(Object.keys(document.metadata.fields).length).toBeGreaterThan(10);
    expect(document.indicators[0]!.name).toBe(dangerous);
    expect(document.indicators[0]!.latest.value).toBe(709);
    expect(document.indicators[0]!.target.value).toBe(8000);
    expect(document.priorities[0]).not.toHaveProperty("leadOfficers");
    expect(document.priorities[0]).not.toHaveProperty("id");
  });
});

describe("queries per request", () => {
  let small: PublicationWorld;
  let large: PublicationWorld;

  beforeAll(async () => {
    // 1 + 4 and 1 + 49 published indicators.
    [small, large] = [await publicationWorld("Five", 101, 4), await publicationWorld("Fifty", 201, 49)];
    await publishAll(small);
    await publishAll(large);
  });

  const requests = {
    page: (w: PublicationWorld) => fetchPublic(page.loader as Loader, w.slug, ""),
    csv: (w: PublicationWorld) => fetchPublic(csv.loader as Loader, w.slug, "/indicators.csv"),
    json: (w: PublicationWorld) => fetchPublic(json.loader as Loader, w.slug, "/indicators.json"),
  };

  for (const [name, load] of Object.entries(requests)) {
    it(`${name}: as many queries for 50 published indicators as for 5`, async () => {
      await load(small);
      const five = await countQueries(() => load(small));
      const fifty = await countQueries(() => load(large));
      expect([five.result.status, fifty.result.status]).toEqual([200, 200]);
      expect(five.queries).toBeGreaterThan(0);
      expect(five.queries).toBeLessThanOrEqual(6);
      expect({ name, queries: fifty.queries }).toEqual({ name, queries: five.queries });
    });
  }

  it("the published data really does differ in size", async () => {
    const count = async (w: PublicationWorld) => (JSON.parse((await requests.json(w)).body) as { indicators: unknown[] }).indicators.length;
    expect([await count(small), await count(large)]).toEqual([5, 50]);
  });
});
