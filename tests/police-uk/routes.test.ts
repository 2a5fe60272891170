// The police.uk pages through their routes: managers of this partnership only; another
// partnership's members get a 404 on every page and action and change nothing here;
// an upload streams through the multipart parser into the same import.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { describeDataExport } from "~/modules/data-export/data-export.server";
import { importPoliceUkUpload } from "~/modules/police-uk/police-uk-upload.server";
import * as importPage from "~/routes/$partnership.police-uk.import";
import * as uploadRoute from "~/routes/$partnership.police-uk.upload";
import * as settingsPage from "~/routes/$partnership.settings.police-uk";
import { withTenant } from "~/utils/db.server";
import { createUser, sessionCookieFor } from "../factories";
import { crime, ELSEWHERE, policeUkCsv, policeUkPartnership, times } from "./helpers";

type Route = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;
type World = Awaited<ReturnType<typeof policeUkPartnership>>;

let ours: World;
let theirs: World;
let manager: Actor;
const cookies: Record<string, string> = {};

function filesForm(files: Array<{ name: string; text: string }>) {
  const form = new FormData();
  for (const file of files) form.append("files", new File([file.text], file.name, { type: "text/csv" }));
  return form;
}

async function call(fn: Route, slug: string, cookie: string, path: string, body?: FormData | URLSearchParams) {
  const request = new Request(`http://localhost/${slug}/${path}`, body ? { method: "POST", headers: { Cookie: cookie }, body } : { headers: { Cookie: cookie } });
  try {
    const result = await fn({ request, params: { partnership: slug }, context: {} });
    if (result instanceof Response) return result;
    // Remix's data(): a value with the status it is sent with.
    const init = (result as { init?: { status?: number } } | null)?.init;
    return { status: init?.status ?? 200, result };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function snapshot(world: World) {
  return withTenant(world.partnershipId, async (tx) => ({
    figures: await tx.figure.count({ where: { partnershipId: world.partnershipId } }),
    imports: await tx.policeUkImport.count({ where: { partnershipId: world.partnershipId } }),
    mappings: await tx.policeUkMapping.findMany({ where: { partnershipId: world.partnershipId }, orderBy: { crimeType: "asc" }, select: { crimeType: true, indicatorId: true } }),
    area: await tx.partnership.findUniqueOrThrow({ where: { id: world.partnershipId }, select: { policeUkLsoaNamePrefixes: true, policeUkLsoaCodes: true } }),
  }));
}

const settingsForm = (world: World) =>
  new URLSearchParams([
    ["lsoaNamePrefixes", "Hijacked"],
    ["mappings[0].crimeType", "Burglary"],
    ["mappings[0].indicatorId", world.indicators.burglary],
  ]);

beforeAll(async () => {
  ours = await policeUkPartnership();
  theirs = await policeUkPartnership();
  manager = await ours.actor();
  cookies.manager = await sessionCookieFor(manager.userId);
  cookies.editor = await sessionCookieFor((await ours.actor("AGENCY_EDITOR", ours.police)).userId);
  cookies.viewer = await sessionCookieFor((await ours.actor("VIEWER")).userId);
  cookies.theirManager = await sessionCookieFor((await theirs.actor()).userId);
  cookies.theirEditor = await sessionCookieFor((await theirs.actor("AGENCY_EDITOR", theirs.police)).userId);
  cookies.nobody = await sessionCookieFor((await createUser({})).id);
});

describe("police.uk routes", () => {
  it("import a file for a manager: with progress (JSON) and without JavaScript (a redirect to the report)", async () => {
    const text = policeUkCsv([...times(3, {}), ...times(2, ELSEWHERE), crime({ "Crime type": "Drugs" })]);
    const answer = await call(uploadRoute.action as Route, ours.slug, cookies.manager!, "police-uk/upload", filesForm([{ name: "2025-03-street.csv", text }]));
    expect(answer.status).toBe(200);
    expect(await (answer as Response).json()).toEqual({ ok: true, redirectTo: `/${ours.slug}/police-uk/import?months=2025-03` });

    const plain = await call(importPage.action as Route, ours.slug, cookies.manager!, "police-uk/import", filesForm([{ name: "again.csv", text }]));
    expect(plain.status).toBe(302);
    expect((plain as Response).headers.get("Location")).toBe(`/${ours.slug}/police-uk/import?months=2025-03`);

    const page = (await call(importPage.loader as Route, ours.slug, cookies.manager!, "police-uk/import?months=2025-03")) as { result: Awaited<ReturnType<typeof importPage.loader>> };
    expect(page.result.report[0]).toMatchObject({ rowsRead: 6, rowsCounted: 3, rowsOutsideArea: 2, rowsUnmappedType: 1, fileName: "again.csv" });
    expect(page.result.imports).toHaveLength(1);
  });

  it("answer a refused upload with its problems, writing nothing", async () => {
    const before = await snapshot(ours);
    const answer = await call(uploadRoute.action as Route, ours.slug, cookies.manager!, "police-uk/upload", filesForm([{ name: "cheswick.csv", text: policeUkCsv(times(3, ELSEWHERE)) }]));
    expect(answer.status).toBe(400);
    expect(await (answer as Response).json()).toEqual({ ok: false, problems: [expect.stringContaining("cheswick.csv: none of its 3 crimes is in the partnership's area")] });
    const plain = await call(importPage.action as Route, ours.slug, cookies.manager!, "police-uk/import", filesForm([]));
    expect(plain.status).toBe(400);
    expect(await snapshot(ours)).toEqual(before);
  });

  it("read every part of a refused upload, so a later file still gets its own message", async () => {
    const form = filesForm([
      { name: "too-big.csv", text: policeUkCsv(times(200, {})) },
      { name: "no-columns.csv", text: "a,b,c\n1,2,3\n" },
    ]);
    const request = new Request(`http://localhost/${ours.slug}/police-uk/upload`, { method: "POST", body: form });
    const result = await importPoliceUkUpload(manager, request, { maxBytes: 4096 });
    expect(result).toEqual({
      status: "refused",
      problems: [expect.stringMatching(/^too-big\.csv is larger than 0 MB/), expect.stringMatching(/^no-columns\.csv is not a police\.uk street-level crime file/)],
    });
  });

  it("save the settings for a manager, and refuse another partnership's indicator", async () => {
    const saved = await call(settingsPage.action as Route, ours.slug, cookies.manager!, "settings/police-uk", settingsForm(ours));
    expect(saved.status).toBe(302);
    const refused = await call(settingsPage.action as Route, ours.slug, cookies.manager!, "settings/police-uk", settingsForm(theirs));
    expect(refused.status).toBe(400);
    expect((await snapshot(ours)).mappings).toContainEqual({ crimeType: "Burglary", indicatorId: ours.indicators.burglary });
  });

  it.each(["editor", "viewer"])("refuse a %s of this partnership with 403", async (who) => {
    const cookie = cookies[who]!;
    expect((await call(settingsPage.loader as Route, ours.slug, cookie, "settings/police-uk")).status).toBe(403);
    expect((await call(settingsPage.action as Route, ours.slug, cookie, "settings/police-uk", settingsForm(ours))).status).toBe(403);
    expect((await call(importPage.loader as Route, ours.slug, cookie, "police-uk/import")).status).toBe(403);
    const file = () => filesForm([{ name: "x.csv", text: policeUkCsv(times(2, {})) }]);
    expect((await call(importPage.action as Route, ours.slug, cookie, "police-uk/import", file())).status).toBe(403);
    expect((await call(uploadRoute.action as Route, ours.slug, cookie, "police-uk/upload", file())).status).toBe(403);
  });

  it.each(["theirManager", "theirEditor", "nobody"])("give %s a 404 on every police.uk page and action of this partnership, changing nothing", async (who) => {
    const cookie = cookies[who]!;
    const before = await snapshot(ours);
    const file = () => filesForm([{ name: "x.csv", text: policeUkCsv(times(2, { Month: "2025-05" })) }]);
    expect((await call(settingsPage.loader as Route, ours.slug, cookie, "settings/police-uk")).status).toBe(404);
    expect((await call(settingsPage.action as Route, ours.slug, cookie, "settings/police-uk", settingsForm(ours))).status).toBe(404);
    expect((await call(importPage.loader as Route, ours.slug, cookie, "police-uk/import?months=2025-03")).status).toBe(404);
    expect((await call(importPage.action as Route, ours.slug, cookie, "police-uk/import", file())).status).toBe(404);
    expect((await call(uploadRoute.action as Route, ours.slug, cookie, "police-uk/upload", file())).status).toBe(404);
    expect(await snapshot(ours)).toEqual(before);
  });

  it("show a manager only their own partnership's imports", async () => {
    const page = (await call(importPage.loader as Route, theirs.slug, cookies.theirManager!, "police-uk/import?months=2025-03")) as { result: Awaited<ReturnType<typeof importPage.loader>> };
    expect(page.result.imports).toEqual([]);
    expect(page.result.report).toEqual([]);
  });

  it("export the mapping and the imports with all the partnership's data", async () => {
    const { tables } = await describeDataExport(manager);
    expect(tables).toContainEqual({ table: "PoliceUkMapping", rows: 4 });
    expect(tables.find((t) => t.table === "PoliceUkImport")?.rows).toBeGreaterThan(0);
  });
});
