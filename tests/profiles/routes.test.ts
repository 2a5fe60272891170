// The profile and data-export pages through their routes: only managers, only their
// own partnership, and an import always lands in the actor's partnership.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import * as exportDownload from "~/routes/$partnership.settings.export.download";
import * as exportPage from "~/routes/$partnership.settings.export._index";
import * as profileDownload from "~/routes/$partnership.settings.profile.download";
import * as profilePage from "~/routes/$partnership.settings.profile._index";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor, smallProfile, uniqueSlug } from "../factories";

type Route = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;
const ROLES = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const;

let ours: { partnershipId: string; slug: string };
let theirs: { partnershipId: string; slug: string };
const cookies: Record<string, string> = {};
let theirManager: string;

async function call(fn: Route, slug: string, cookie: string, body?: FormData | URLSearchParams, path = "settings/profile") {
  const request = new Request(`http://localhost/${slug}/${path}`, body ? { method: "POST", headers: { Cookie: cookie }, body } : { headers: { Cookie: cookie } });
  try {
    const result = await fn({ request, params: { partnership: slug }, context: {} });
    return result instanceof Response ? result : { status: 200, result };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function upload(text: string, name = "profile.yaml") {
  const form = new FormData();
  form.set("file", new File([text], name, { type: "application/yaml" }));
  return form;
}

async function agencyNames(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => (await tx.agency.findMany({ where: { partnershipId }, select: { name: true } })).map((a) => a.name).sort());
}

const NEW_AGENCY = (slug: string) => `slug: ${slug}\nname: Forged\nagencies:\n  - key: x\n    name: Forged Fire Service\n    kind: FIRE_AND_RESCUE\n`;

beforeAll(async () => {
  ours = await createPartnership(smallProfile(uniqueSlug("ours")));
  theirs = await createPartnership(smallProfile(uniqueSlug("theirs")));
  for (const role of ROLES) {
    const user = await createUser({ memberships: [{ partnershipId: ours.partnershipId, role }] });
    cookies[role] = await sessionCookieFor(user.id);
  }
  theirManager = await sessionCookieFor((await createUser({ memberships: [{ partnershipId: theirs.partnershipId, role: "PARTNERSHIP_MANAGER" }] })).id);
});

describe("profile and data-export routes", () => {
  it.each(ROLES.filter((r) => r !== "PARTNERSHIP_MANAGER"))("refuse a %s with 403 on every page and action", async (role) => {
    const cookie = cookies[role]!;
    expect((await call(profilePage.loader as Route, ours.slug, cookie)).status).toBe(403);
    expect((await call(profileDownload.loader as Route, ours.slug, cookie)).status).toBe(403);
    expect((await call(profilePage.action as Route, ours.slug, cookie, upload(NEW_AGENCY(ours.slug)))).status).toBe(403);
    expect((await call(profilePage.action as Route, ours.slug, cookie, new URLSearchParams({ document: NEW_AGENCY(ours.slug), signature: "x" }))).status).toBe(403);
    expect((await call(exportPage.loader as Route, ours.slug, cookie, undefined, "settings/export")).status).toBe(403);
    expect((await call(exportDownload.loader as Route, ours.slug, cookie, undefined, "settings/export/download")).status).toBe(403);
    expect(await agencyNames(ours.partnershipId)).not.toContain("Forged Fire Service");
  });

  it("answer 404 to a manager of another partnership", async () => {
    for (const fn of [profilePage.loader, profileDownload.loader, exportPage.loader, exportDownload.loader] as Route[]) {
      expect((await call(fn, ours.slug, theirManager)).status).toBe(404);
    }
    expect((await call(profilePage.action as Route, ours.slug, theirManager, upload(NEW_AGENCY(ours.slug)))).status).toBe(404);
  });

  it("let a manager download both files", async () => {
    const profile = (await call(profileDownload.loader as Route, ours.slug, cookies.PARTNERSHIP_MANAGER!)) as Response;
    expect(profile.headers.get("Content-Disposition")).toBe(`attachment; filename="${ours.slug}-profile.yaml"`);
    expect(await profile.text()).toContain("Test Constabulary");
    const zip = (await call(exportDownload.loader as Route, ours.slug, cookies.PARTNERSHIP_MANAGER!)) as Response;
    expect(zip.headers.get("Content-Type")).toBe("application/zip");
  });

  it("import into the manager's own partnership, whatever the file's slug says", async () => {
    const cookie = cookies.PARTNERSHIP_MANAGER!;
    const theirsBefore = await agencyNames(theirs.partnershipId);
    const preview = (await call(profilePage.action as Route, ours.slug, cookie, upload(NEW_AGENCY(theirs.slug)))) as { result: { data: { status: string; document: string; signature: string } } };
    const { status, document, signature } = preview.result.data;
    expect(status).toBe("preview");
    expect(await agencyNames(ours.partnershipId)).not.toContain("Forged Fire Service");

    // The signature is bound to this partnership and user: it does not confirm elsewhere.
    const elsewhere = (await call(profilePage.action as Route, theirs.slug, theirManager, new URLSearchParams({ document, signature }))) as { result: { data: { status: string; problems: string[] } } };
    expect(elsewhere.result.data.problems).toEqual(["The previewed file could not be confirmed. Upload the file again."]);
    // Nor does a changed document.
    const tampered = (await call(profilePage.action as Route, ours.slug, cookie, new URLSearchParams({ document: document.replace("Forged", "Other"), signature }))) as { result: { data: { status: string } } };
    expect(tampered.result.data.status).toBe("problems");

    const confirmed = (await call(profilePage.action as Route, ours.slug, cookie, new URLSearchParams({ document, signature }))) as Response;
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe(`/${ours.slug}/settings/profile?imported=1`);
    expect(await agencyNames(ours.partnershipId)).toContain("Forged Fire Service");
    expect(await agencyNames(theirs.partnershipId)).toEqual(theirsBefore);
  });

  it("refuse a file over 2 MB, and a file that is not YAML, with a clear message", async () => {
    const cookie = cookies.PARTNERSHIP_MANAGER!;
    const big = (await call(profilePage.action as Route, ours.slug, cookie, upload("a".repeat(20 * 1024 * 1024)))) as { result: { data: { problems: string[] } } };
    expect(big.result.data.problems).toEqual(["The file must be smaller than 2 MB"]);
    const broken = (await call(profilePage.action as Route, ours.slug, cookie, upload("name: x\nagencies: [\n  - a: b: c\n"))) as { result: { data: { problems: string[] } } };
    expect(broken.result.data.problems[0]).toMatch(/^The file is not valid YAML: line 3: /);
  });
});
