// The public page and open data show only what a manager approved: never an
// unpublished priority or indicator, a figure entered or changed after the approval,
// a lead officer's name (unless switched on), or another partnership's data. Checked
// on every output (the page's loader data, the CSV, its metadata and the JSON), each
// serialised whole so no field is missed.
import { setIndicatorArchived } from "~/modules/configuration/indicators-settings.server";
import { changePriority } from "~/modules/configuration/strategy.server";
import { beforeAll, describe, expect, it } from "vitest";
import { enterFigure } from "~/modules/figures/figures.server";
import { approvePublication, getPublicationSettings, savePublicationChoices } from "~/modules/publication/publication.server";
import type { PublicationChoicesInput } from "~/modules/publication/publication-schema";
import * as accessibility from "~/routes/p.$slug.accessibility";
import * as page from "~/routes/p.$slug._index";
import * as csv from "~/routes/p.$slug.indicators[.]csv";
import * as csvMetadata from "~/routes/p.$slug.indicators[.]csv-metadata[.]json";
import * as json from "~/routes/p.$slug.indicators[.]json";
import * as settings from "~/routes/$partnership.settings.publication";
import { todayIn } from "~/utils/dates";
import { sessionCookieFor } from "../factories";
import { callRoute } from "../routes/call-route";
import { thrownStatus } from "../editing/helpers";
import { fetchPublic, type Loader } from "./helpers";
import { LAST_YEAR, publicationWorld, type PublicationWorld } from "./world";

const outputs = {
  page: (w: PublicationWorld) => fetchPublic(page.loader as Loader, w.slug, ""),
  accessibility: (w: PublicationWorld) => fetchPublic(accessibility.loader as Loader, w.slug, "/accessibility"),
  csv: (w: PublicationWorld) => fetchPublic(csv.loader as Loader, w.slug, "/indicators.csv"),
  "csv metadata": (w: PublicationWorld) => fetchPublic(csvMetadata.loader as Loader, w.slug, "/indicators.csv-metadata.json"),
  json: (w: PublicationWorld) => fetchPublic(json.loader as Loader, w.slug, "/indicators.json"),
};

/** Every public output of the partnership, as one text to search. */
async function everything(w: PublicationWorld) {
  const texts: string[] = [];
  for (const [name, load] of Object.entries(outputs)) {
    const response = await load(w);
    expect({ name, status: response.status }).toEqual({ name, status: 200 });
    texts.push(response.body);
  }
  return texts.join("\n");
}

function choices(w: PublicationWorld, overrides: Partial<PublicationChoicesInput> = {}): PublicationChoicesInput {
  return {
    priorityIds: [w.publishedPriorityId],
    indicatorIds: [w.publishedIndicatorId],
    publicContact: "Write to the Community Safety Team, Civic Centre.\nsafer@example.org",
    publishLeadOfficerNames: false,
    publishMeetings: true,
    ...overrides,
  };
}

function expectNoneOf(text: string, forbidden: string[]) {
  const found = forbidden.filter((word) => text.includes(word));
  expect(found).toEqual([]);
}

let ours: PublicationWorld;
let theirs: PublicationWorld;
let manager: Awaited<ReturnType<PublicationWorld["actor"]>>;
let theirManager: Awaited<ReturnType<PublicationWorld["actor"]>>;

beforeAll(async () => {
  // Two partnerships with the same structure and similar words; only the tokens and numbers differ.
  ours = await publicationWorld("Ours", 701);
  theirs = await publicationWorld("Theirs", 3301);
  manager = await ours.actor("PARTNERSHIP_MANAGER");
  theirManager = await theirs.actor("PARTNERSHIP_MANAGER");
});

function hiddenWords(w: PublicationWorld) {
  return [
    w.hiddenPriorityId,
    w.words.hiddenPriority,
    w.hiddenIndicatorId,
    w.words.hiddenIndicator,
    w.words.hiddenCode,
    w.words.hiddenTarget,
    w.words.hiddenOfficer,
    w.words.leadOfficer,
    ...w.words.hiddenValues,
  ];
}

describe("the public page and open data", () => {
  it("are 404 until a publication is approved, and for an unknown slug", async () => {
    for (const [name, load] of Object.entries(outputs)) {
      expect({ name, status: (await load(ours)).status }).toEqual({ name, status: 404 });
    }
    expect((await fetchPublic(page.loader as Loader, "no-such-partnership", "")).status).toBe(404);
    expect((await fetchPublic(page.loader as Loader, "Not a Slug!", "")).status).toBe(404);
  });

  it("choosing is not publishing: saved choices show nothing until approved", async () => {
    await savePublicationChoices(manager, choices(ours));
    expect((await outputs.page(ours)).status).toBe(404);
    const settingsPage = await getPublicationSettings(manager);
    expect(settingsPage.preview.priorities.map((p) => p.title)).toEqual([ours.words.publishedPriority]);
    expect(settingsPage.history).toEqual([]);
    expect(settingsPage.previewMeetings.map((m) => m.place)).toEqual(["Town Hall"]);
  });

  it("show what was approved, and nothing unpublished, in any field of any output", async () => {
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Publish the Q2 figures" });
    await savePublicationChoices(theirManager, choices(theirs, { priorityIds: [theirs.publishedPriorityId, theirs.hiddenPriorityId], indicatorIds: [theirs.publishedIndicatorId, theirs.hiddenIndicatorId], publishLeadOfficerNames: true }));
    await approvePublication(theirManager, { note: "Theirs" });

    const text = await everything(ours);
    for (const shown of [ours.words.publishedPriority, ours.words.publishedIndicator, ...ours.words.publishedValues, "Town Hall", "Open Government Licence v3.0"]) {
      expect(text).toContain(shown);
    }
    expectNoneOf(text, hiddenWords(ours));
    // The other partnership published everything, names included: none of it is ours to show.
    expectNoneOf(text, [
      theirs.partnershipId,
      theirs.slug,
      theirs.name,
      theirs.publishedIndicatorId,
      theirs.words.publishedPriority,
      theirs.words.publishedIndicator,
      theirs.words.leadOfficer,
      ...theirs.words.publishedValues,
      ...theirs.words.hiddenValues,
    ]);
    // The search would find them: the other partnership's own outputs do contain what it chose to publish.
    const theirText = await everything(theirs);
    for (const shown of [theirs.words.hiddenPriority, theirs.words.hiddenIndicator, theirs.words.leadOfficer, ...theirs.words.hiddenValues]) expect(theirText).toContain(shown);
    expectNoneOf(theirText, [ours.partnershipId, ours.words.publishedPriority, ...ours.words.publishedValues.map((v) => `,${v},`)]);
    // Nor the approval's note or approver, which are for managers.
    expectNoneOf(text, ["Publish the Q2 figures", manager.userName, manager.userId]);
  });

  it("never show a figure entered or changed after the approval", async () => {
    const today = todayIn();
    const late = "9876543";
    const corrected = "8765432";
    const calendar = { timeZone: "Europe/London", financialYearStartMonth: 4, ragTolerance: "5" };
    const thisMonth = `MONTH-${today.getUTCFullYear()}-${today.getUTCMonth() + 1}`;
    expect(await enterFigure(manager, ours.publishedIndicatorId, { period: thisMonth, value: late, openedAt: new Date() }, calendar)).toMatchObject({ status: "saved" });
    expect(await enterFigure(manager, ours.publishedIndicatorId, { period: `MONTH-${LAST_YEAR}-12`, value: corrected, openedAt: new Date() }, calendar)).toMatchObject({
      status: "saved",
      replaced: true,
    });

    const before = await everything(ours);
    expectNoneOf(before, [late, corrected]);
    expect(before).toContain(ours.words.publishedValues.at(-1)!); // December's value as approved

    // The manager's preview shows them, ready for the next approval.
    const preview = JSON.stringify((await getPublicationSettings(manager)).preview);
    expect(preview).toContain(late);

    await approvePublication(manager, { note: "Publish the Q3 figures" });
    const after = await everything(ours);
    expect(after).toContain(late);
    expect(after).toContain(corrected);
    expectNoneOf(after, hiddenWords(ours));
  });

  it("unpublishing a priority or an indicator takes it off at once, without a new approval", async () => {
    await savePublicationChoices(manager, choices(ours, { indicatorIds: [ours.publishedIndicatorId, ...ours.extraIndicatorIds] }));
    const result = await savePublicationChoices(manager, choices(ours, { priorityIds: [], indicatorIds: [] }));
    expect(result).toEqual({ status: "saved", withdrawn: true });
    const text = await everything(ours);
    expectNoneOf(text, [ours.publishedPriorityId, ours.words.publishedPriority, ours.publishedIndicatorId, ours.words.publishedIndicator, ...hiddenWords(ours)]);
    // The page still stands (its contact details, its statement), with nothing in it.
    expect(text).toContain("safer@example.org");

    // Choosing them again is not enough: they come back with the next approval.
    await savePublicationChoices(manager, choices(ours));
    expect(await everything(ours)).not.toContain(ours.words.publishedPriority);
    await approvePublication(manager, { note: "Back again" });
    expect(await everything(ours)).toContain(ours.words.publishedPriority);
  });

  it("archiving a published priority or indicator takes it off at once; restoring does not put it back", async () => {
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Before archiving" });
    expect(await everything(ours)).toContain(ours.words.publishedIndicator);

    await setIndicatorArchived(manager, ours.publishedIndicatorId, true);
    await changePriority(manager, { priorityId: ours.publishedPriorityId, intent: "archive" });
    expectNoneOf(await everything(ours), [ours.publishedPriorityId, ours.words.publishedPriority, ours.publishedIndicatorId, ours.words.publishedIndicator]);

    await setIndicatorArchived(manager, ours.publishedIndicatorId, false);
    await changePriority(manager, { priorityId: ours.publishedPriorityId, intent: "restore" });
    expect(await everything(ours)).not.toContain(ours.words.publishedIndicator);
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Restored" });
    expect(await everything(ours)).toContain(ours.words.publishedIndicator);
  });

  it("show lead officers' names only when the manager turns that on, and hide them at once when turned off", async () => {
    expect(await everything(ours)).not.toContain(ours.words.leadOfficer);
    await savePublicationChoices(manager, choices(ours, { publishLeadOfficerNames: true }));
    expect(await everything(ours)).not.toContain(ours.words.leadOfficer); // not until approved
    await approvePublication(manager, { note: "With names" });
    const named = await everything(ours);
    expect(named).toContain(ours.words.leadOfficer);
    expect(named).not.toContain(ours.words.hiddenOfficer); // the unpublished priority's lead

    await savePublicationChoices(manager, choices(ours, { publishLeadOfficerNames: false }));
    expect(await everything(ours)).not.toContain(ours.words.leadOfficer);
  });

  it("take an emptied contact block off at once; a changed one waits for approval", async () => {
    await savePublicationChoices(manager, choices(ours, { publicContact: "Ring 0100 000 0000" }));
    expect(await everything(ours)).toContain("safer@example.org");
    expect(await everything(ours)).not.toContain("0100 000 0000");
    await savePublicationChoices(manager, choices(ours, { publicContact: undefined }));
    expect(await everything(ours)).not.toContain("safer@example.org");
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Contact back" });
    expect(await everything(ours)).toContain("safer@example.org");
  });

  it("list upcoming board meetings only when chosen, and never their online link", async () => {
    const shown = await outputs.page(ours);
    expect(shown.body).toContain("Town Hall");
    await savePublicationChoices(manager, choices(ours, { publishMeetings: false }));
    const hidden = await outputs.page(ours);
    expect(hidden.body).not.toContain("Town Hall");
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Meetings back" });
  });

  it("ignore ids of another partnership's priorities and indicators in the choices", async () => {
    await savePublicationChoices(manager, choices(ours, { priorityIds: [ours.publishedPriorityId, theirs.publishedPriorityId], indicatorIds: [ours.publishedIndicatorId, theirs.hiddenIndicatorId] }));
    await approvePublication(manager, { note: "Tampered" });
    const text = await everything(ours);
    expectNoneOf(text, [theirs.publishedPriorityId, theirs.hiddenIndicatorId, theirs.words.hiddenIndicator]);
  });
});

describe("caching", () => {
  it("sends Cache-Control and an ETag, and 304 to a matching If-None-Match, on the page and every file", async () => {
    for (const [name, load] of Object.entries(outputs)) {
      const first = await load(ours);
      const etag = first.headers.get("ETag");
      expect({ name, cache: first.headers.get("Cache-Control") }).toEqual({ name, cache: "public, max-age=300" });
      expect(etag).toMatch(/^"[\w-]+"$/);
      const path = { page: "", accessibility: "/accessibility", csv: "/indicators.csv", "csv metadata": "/indicators.csv-metadata.json", json: "/indicators.json" }[name]!;
      const loader = { page: page.loader, accessibility: accessibility.loader, csv: csv.loader, "csv metadata": csvMetadata.loader, json: json.loader }[name] as Loader;
      const again = await fetchPublic(loader, ours.slug, path, { "If-None-Match": etag! });
      expect({ name, status: again.status, body: again.body, etag: again.headers.get("ETag") }).toEqual({ name, status: 304, body: "", etag });
      const weak = await fetchPublic(loader, ours.slug, path, { "If-None-Match": `"something-else", W/${etag!}` });
      expect({ name, status: weak.status }).toEqual({ name, status: 304 });
      const other = await fetchPublic(loader, ours.slug, path, { "If-None-Match": '"something-else"' });
      expect({ name, status: other.status }).toEqual({ name, status: 200 });
    }
  });

  it("gives each resource its own ETag, and a new one after an approval or an unpublish", async () => {
    const etags = async () => Promise.all(Object.values(outputs).map(async (load) => (await load(ours)).headers.get("ETag")));
    const before = await etags();
    expect(new Set(before).size).toBe(before.length);
    await approvePublication(manager, { note: "Again" });
    const approved = await etags();
    approved.forEach((etag, i) => expect(etag).not.toBe(before[i]));
    await savePublicationChoices(manager, choices(ours, { indicatorIds: [] }));
    const withdrawn = await etags();
    withdrawn.forEach((etag, i) => expect(etag).not.toBe(approved[i]));
    await savePublicationChoices(manager, choices(ours));
    await approvePublication(manager, { note: "Restore" });
  });
});

describe("who may publish", () => {
  it("an agency editor, a board member and a viewer cannot reach the publication settings (403)", async () => {
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const member = await ours.actor(role, role === "AGENCY_EDITOR" ? ours.policeAgencyId : null);
      const cookie = await sessionCookieFor(member.cookieUserId);
      const base = `/${ours.slug}/settings/publication`;
      const loaded = await callRoute(settings.loader, { path: base, params: { partnership: ours.slug }, cookie });
      expect({ role, status: loaded instanceof Response ? loaded.status : 200 }).toEqual({ role, status: 403 });
      const posted = await callRoute(settings.action, { path: base, params: { partnership: ours.slug }, cookie, form: { intent: "approve", note: "Sneaky" } });
      expect({ role, status: posted instanceof Response ? posted.status : 200 }).toEqual({ role, status: 403 });
      expect(await thrownStatus(() => savePublicationChoices(member, choices(ours, { priorityIds: [ours.hiddenPriorityId] })))).toBe(403);
      expect(await thrownStatus(() => approvePublication(member, { note: "Sneaky" }))).toBe(403);
    }
  });

  it("a manager publishes through the settings page", async () => {
    const cookie = await sessionCookieFor(manager.userId);
    const base = `/${ours.slug}/settings/publication`;
    const empty = await callRoute(settings.action, { path: base, params: { partnership: ours.slug }, cookie, form: { intent: "approve", note: " " } });
    expect(empty).toMatchObject({ init: { status: 400 } });
    const posted = await callRoute(settings.action, { path: base, params: { partnership: ours.slug }, cookie, form: { intent: "approve", note: "From the page" } });
    expect(posted instanceof Response && posted.headers.get("Location")).toBe(`${base}?done=published`);
    const loaded = await callRoute(settings.loader, { path: base, params: { partnership: ours.slug }, cookie });
    if (loaded instanceof Response) throw new Error(`unexpected ${loaded.status}`);
    expect(loaded.history[0]).toMatchObject({ note: "From the page", approvedByName: manager.userName });
  });
});

describe("the registry read behind the public pages", () => {
  it("finds only the latest publication of the partnership at the slug, and meetings only when it shows them", async () => {
    const { findPublicPageBySlug } = await import("~/modules/registry/registry.server");
    const fresh = await publicationWorld("Fresh", 4401);
    expect(await findPublicPageBySlug(fresh.slug)).toBeNull();
    expect(await findPublicPageBySlug("no-such-partnership")).toBeNull();
    const freshManager = await fresh.actor("PARTNERSHIP_MANAGER");
    await savePublicationChoices(freshManager, choices(fresh, { publishMeetings: false }));
    const first = await approvePublication(freshManager, { note: "First" });
    const found = await findPublicPageBySlug(fresh.slug);
    expect(found).toMatchObject({ partnership: { id: fresh.partnershipId, slug: fresh.slug }, publication: { id: first.id }, meetings: [] });
    await savePublicationChoices(freshManager, choices(fresh));
    const second = await approvePublication(freshManager, { note: "Second" });
    const again = await findPublicPageBySlug(fresh.slug);
    expect(again?.publication.id).toBe(second.id);
    expect(again?.meetings).toEqual([{ heldOn: new Date("2099-01-15T00:00:00Z"), startTime: expect.any(Date), place: "Town Hall", boardName: "Community Safety Board" }]);
  });
});
