// Sign-up and the guided set-up through the routes, the bad input each form refuses
// with nothing written, and the settings routes' tenancy: another partnership's ids
// are 404 (managers) or 403 (others), and a forged id in a form is a field error.
import { beforeAll, describe, expect, it } from "vitest";
import * as signUp from "~/routes/sign-up";
import * as setupPage from "~/routes/$partnership.setup";
import * as home from "~/routes/$partnership._index";
import * as agencyEdit from "~/routes/$partnership.settings.agencies.$agencyId";
import * as agencies from "~/routes/$partnership.settings.agencies._index";
import * as personEdit from "~/routes/$partnership.settings.people.$personId";
import * as people from "~/routes/$partnership.settings.people._index";
import * as boardEdit from "~/routes/$partnership.settings.boards.$boardId";
import * as boards from "~/routes/$partnership.settings.boards._index";
import { db, withTenant } from "~/utils/db.server";
import { createPartnership, createUser, sessionCookieFor, uniqueSlug } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";

const goodSignUp = (slug: string) => ({
  name: "Sam Officer",
  email: `${slug}@tattonvale.example`,
  password: "correct horse battery staple",
  partnershipName: "Safer Tatton Vale",
  councils: "Tatton Vale Borough Council",
  slug,
  policeForceArea: "Cheshire",
  financialYearStartMonth: "4",
  residents: "212,000",
  households: "91000",
});

async function partnershipCount() {
  return db().partnership.count();
}

function fieldErrors(result: unknown): Record<string, string[]> {
  // Pages with several forms wrap Conform's reply: { form, result }.
  const body = result as { data?: { error?: Record<string, string[]>; result?: { error?: Record<string, string[]> } } };
  return body.data?.error ?? body.data?.result?.error ?? {};
}

describe("sign-up", () => {
  it("creates the account, the partnership, its councils, denominators and the manager, and goes to set-up", async () => {
    const slug = uniqueSlug("tv");
    const result = await callRoute(signUp.action, { path: "/sign-up", form: goodSignUp(slug) });
    expect(isResponse(result) && result.status).toBe(302);
    expect((result as Response).headers.get("Location")).toBe(`/${slug}/setup`);
    expect((result as Response).headers.get("Set-Cookie")).toMatch(/session=/);
    const partnership = await db().partnership.findUniqueOrThrow({ where: { slug } });
    const inside = await withTenant(partnership.id, async (tx) => ({
      councils: await tx.council.findMany({ where: { partnershipId: partnership.id } }),
      values: await tx.denominatorValue.findMany({ where: { partnershipId: partnership.id }, include: { denominator: true } }),
      members: await tx.membership.findMany({ where: { partnershipId: partnership.id } }),
      audit: await tx.auditEvent.count({ where: { partnershipId: partnership.id } }),
    }));
    expect(inside.councils.map((c) => c.name)).toEqual(["Tatton Vale Borough Council"]);
    expect(inside.values.map((v) => [v.denominator.kind, v.value.toString()]).sort()).toEqual([
      ["HOUSEHOLDS", "91000"],
      ["RESIDENTS", "212000"],
    ]);
    expect(inside.members.map((m) => m.role)).toEqual(["PARTNERSHIP_MANAGER"]);
    expect(inside.audit).toBeGreaterThan(0);
  });

  const bad: Array<[string, Record<string, string>, string, RegExp]> = [
    ["an empty partnership name", { partnershipName: "" }, "partnershipName", /Enter the partnership's name/],
    ["a very long name", { partnershipName: "x".repeat(201) }, "partnershipName", /200 characters or fewer/],
    ["no council", { councils: "  \n " }, "councils", /council or councils/],
    ["a reserved slug", { slug: "admin" }, "slug", /reserved/],
    ["a slug with spaces", { slug: "tatton vale" }, "slug", /lower-case letters/],
    ["a slug with capitals", { slug: "TattonVale" }, "slug", /lower-case letters/],
    ["a slug with emoji", { slug: "tatton-😀" }, "slug", /lower-case letters/],
    ["no residents", { residents: "0" }, "residents", /more than 0/],
    ["negative households", { households: "-5" }, "households", /more than 0/],
    ["lots of residents", { residents: "lots" }, "residents", /whole number/],
    ["a rate for residents", { residents: "24.841 per 1000" }, "residents", /whole number/],
    ["a common password", { password: "password" }, "password", /too common/],
  ];
  for (const [what, change, field, message] of bad) {
    it(`refuses ${what} by the field, writing nothing`, async () => {
      const before = await partnershipCount();
      const result = await callRoute(signUp.action, { path: "/sign-up", form: { ...goodSignUp(uniqueSlug("bad")), ...change } });
      expect(fieldErrors(result)[field]?.[0]).toMatch(message);
      expect(await partnershipCount()).toBe(before);
    });
  }

  it("refuses a slug already taken, keeping the account unmade", async () => {
    const taken = await createPartnership();
    const form = goodSignUp(taken.slug);
    const result = await callRoute(signUp.action, { path: "/sign-up", form });
    expect(fieldErrors(result).slug?.[0]).toMatch(/already taken/);
    expect(await db().user.count({ where: { email: form.email } })).toBe(0);
  });

  it("two sign-ups racing for one slug: one wins, the other is told it is taken", async () => {
    const slug = uniqueSlug("race");
    const results = await Promise.all([
      callRoute(signUp.action, { path: "/sign-up", form: { ...goodSignUp(slug), email: `a-${slug}@x.example` } }),
      callRoute(signUp.action, { path: "/sign-up", form: { ...goodSignUp(slug), email: `b-${slug}@x.example` } }),
    ]);
    expect(results.filter((r) => isResponse(r) && r.status === 302)).toHaveLength(1);
    expect(results.filter((r) => fieldErrors(r).slug?.[0]?.includes("already taken"))).toHaveLength(1);
    expect(await db().user.count({ where: { email: { in: [`a-${slug}@x.example`, `b-${slug}@x.example`] } } })).toBe(1);
  });
});

describe("the guided set-up", () => {
  it("saves each step, resumes, and says on the home page what is missing until finished", async () => {
    const slug = uniqueSlug("setup");
    const signedUp = (await callRoute(signUp.action, { path: "/sign-up", form: goodSignUp(slug) })) as Response;
    const cookie = signedUp.headers.get("Set-Cookie")!.split(";")[0]!;
    const params = { partnership: slug };

    const first = (await callRoute(setupPage.loader, { path: `/${slug}/setup`, params, cookie })) as Awaited<ReturnType<typeof setupPage.loader>>;
    expect(first.tasks.map((t) => t.status)).toEqual(Array(7).fill("not-started"));

    const homeBefore = (await callRoute(home.loader, { path: `/${slug}`, params, cookie })) as Awaited<ReturnType<typeof home.loader>>;
    expect(homeBefore.setup.manager && !homeBefore.setup.finished).toBe(true);
    expect(homeBefore.setup.missing).toContain("no partner agencies");

    await callRoute(agencies.action, {
      path: `/${slug}/settings/agencies?setup=1`,
      params,
      cookie,
      form: { intent: "add-templates", templates: "Cheshire Police" },
    });
    await callRoute(setupPage.action, { path: `/${slug}/setup`, params, cookie, form: { intent: "done", task: "agencies" } });
    await callRoute(setupPage.action, { path: `/${slug}/setup`, params, cookie, form: { intent: "skip", task: "strategy" } });
    const again = (await callRoute(setupPage.loader, { path: `/${slug}/setup`, params, cookie })) as Awaited<ReturnType<typeof setupPage.loader>>;
    const status = Object.fromEntries(again.tasks.map((t) => [t.task, t.status]));
    expect(status).toMatchObject({ agencies: "done", strategy: "skipped", people: "not-started" });

    const finished = await callRoute(setupPage.action, { path: `/${slug}/setup`, params, cookie, form: { intent: "finish" } });
    expect(isResponse(finished) && finished.headers.get("Location")).toBe(`/${slug}`);
    const homeAfter = (await callRoute(home.loader, { path: `/${slug}`, params, cookie })) as Awaited<ReturnType<typeof home.loader>>;
    expect(homeAfter.setup.finished).toBe(true);
  });
});

describe("settings tenancy and forged ids", () => {
  type Side = { partnershipId: string; slug: string; agencyId: string; personId: string; boardId: string; subBoardId: string };
  let ours: Side;
  let theirs: Side;
  const cookies: Record<string, string> = {};
  const ROLES = ["PARTNERSHIP_MANAGER", "AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const;

  async function side(): Promise<Side> {
    const p = await createPartnership();
    return withTenant(p.partnershipId, async (tx) => {
      const agency = await tx.agency.findFirstOrThrow({ where: { partnershipId: p.partnershipId }, orderBy: { name: "asc" } });
      const person = await tx.person.findFirstOrThrow({ where: { partnershipId: p.partnershipId } });
      const board = await tx.board.findFirstOrThrow({ where: { partnershipId: p.partnershipId, parentBoardId: null } });
      const sub = await tx.board.findFirstOrThrow({ where: { partnershipId: p.partnershipId, parentBoardId: board.id } });
      return { partnershipId: p.partnershipId, slug: p.slug, agencyId: agency.id, personId: person.id, boardId: board.id, subBoardId: sub.id };
    });
  }

  async function snapshot(s: Side) {
    return withTenant(s.partnershipId, async (tx) => ({
      agencies: await tx.agency.findMany({ orderBy: { id: "asc" } }),
      people: await tx.person.findMany({ orderBy: { id: "asc" } }),
      boards: await tx.board.findMany({ orderBy: { id: "asc" } }),
      members: await tx.boardMember.findMany({ orderBy: { id: "asc" } }),
    }));
  }

  beforeAll(async () => {
    ours = await side();
    theirs = await side();
    for (const role of ROLES) {
      const agencyId = role === "AGENCY_EDITOR" ? ours.agencyId : undefined;
      const user = await createUser({ memberships: [{ partnershipId: ours.partnershipId, role, agencyId }] });
      cookies[role] = await sessionCookieFor(user.id);
    }
  });

  const routes = [
    { name: "agency", module: agencyEdit, param: "agencyId", id: (s: Side) => s.agencyId, form: { intent: "save", name: "Hijacked", kind: "POLICE" } },
    { name: "agency delete", module: agencyEdit, param: "agencyId", id: (s: Side) => s.agencyId, form: { intent: "delete" } },
    { name: "agency archive", module: agencyEdit, param: "agencyId", id: (s: Side) => s.agencyId, form: { intent: "archive" } },
    { name: "person", module: personEdit, param: "personId", id: (s: Side) => s.personId, form: { intent: "save", name: "Hijacked" } },
    { name: "person delete", module: personEdit, param: "personId", id: (s: Side) => s.personId, form: { intent: "delete" } },
    { name: "board", module: boardEdit, param: "boardId", id: (s: Side) => s.boardId, form: { intent: "save", name: "Hijacked", kind: "OTHER" } },
    { name: "board delete", module: boardEdit, param: "boardId", id: (s: Side) => s.subBoardId, form: { intent: "delete" } },
    { name: "board archive", module: boardEdit, param: "boardId", id: (s: Side) => s.boardId, form: { intent: "archive" } },
  ] as const;

  for (const role of ROLES) {
    for (const route of routes) {
      it(`${role} cannot read or change the other partnership's ${route.name}`, async () => {
        const before = await snapshot(theirs);
        const params = { partnership: ours.slug, [route.param]: route.id(theirs) };
        const path = `/${ours.slug}/settings/x/${route.id(theirs)}`;
        const read = await callRoute(route.module.loader, { path, params, cookie: cookies[role] });
        expect(isResponse(read) && read.status).toBe(role === "PARTNERSHIP_MANAGER" ? 404 : 403);
        const write = await callRoute(route.module.action, { path, params, cookie: cookies[role], form: { ...route.form } });
        expect(isResponse(write) && [403, 404].includes(write.status)).toBe(true);
        expect(await snapshot(theirs)).toEqual(before);
      });
    }
  }

  it("non-managers cannot open the settings lists or the set-up", async () => {
    for (const role of ROLES.slice(1)) {
      for (const module of [agencies, people, boards, setupPage]) {
        const result = await callRoute(module.loader, { path: `/${ours.slug}/settings`, params: { partnership: ours.slug }, cookie: cookies[role] });
        expect(isResponse(result) && result.status).toBe(403);
      }
    }
  });

  it("a forged agency, parent board or person from another partnership is a field error, nothing written", async () => {
    const cookie = cookies.PARTNERSHIP_MANAGER!;
    const params = { partnership: ours.slug };
    const before = await snapshot(ours);
    const person = await callRoute(people.action, { path: `/${ours.slug}/settings/people`, params, cookie, form: { intent: "save", name: "Forged", agencyId: theirs.agencyId } });
    expect(fieldErrors(person).agencyId?.[0]).toMatch(/Choose an agency from the list/);
    const agency = await callRoute(agencies.action, { path: `/${ours.slug}/settings/agencies`, params, cookie, form: { intent: "save", name: "Forged", kind: "COUNCIL", parentAgencyId: theirs.agencyId } });
    expect(fieldErrors(agency).parentAgencyId?.[0]).toMatch(/Choose a parent agency/);
    const board = await callRoute(boards.action, { path: `/${ours.slug}/settings/boards`, params, cookie, form: { intent: "save", name: "Forged", kind: "OTHER", parentBoardId: theirs.boardId } });
    expect(fieldErrors(board).parentBoardId?.[0]).toMatch(/Choose a parent board/);
    const member = await callRoute(boardEdit.action, {
      path: `/${ours.slug}/settings/boards/${ours.boardId}`,
      params: { ...params, boardId: ours.boardId },
      cookie,
      form: { intent: "add-member", personId: theirs.personId, role: "CHAIR" },
    });
    expect(fieldErrors(member).personId?.[0]).toMatch(/Choose a person from the list/);
    expect(await snapshot(ours)).toEqual(before);
  });

  it("refuses a board that would be its own ancestor, an empty or very long name, and deleting a board with sub-boards", async () => {
    const cookie = cookies.PARTNERSHIP_MANAGER!;
    const params = { partnership: ours.slug, boardId: ours.boardId };
    const before = await snapshot(ours);
    const path = `/${ours.slug}/settings/boards/${ours.boardId}`;
    const cycle = await callRoute(boardEdit.action, { path, params, cookie, form: { intent: "save", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", parentBoardId: ours.subBoardId } });
    expect(fieldErrors(cycle).parentBoardId?.[0]).toBe("A board cannot report to itself or to one of its sub-boards");
    const self = await callRoute(boardEdit.action, { path, params, cookie, form: { intent: "save", name: "Community Safety Board", kind: "PARTNERSHIP_BOARD", parentBoardId: ours.boardId } });
    expect(fieldErrors(self).parentBoardId?.[0]).toBe("A board cannot report to itself or to one of its sub-boards");
    const empty = await callRoute(boardEdit.action, { path, params, cookie, form: { intent: "save", name: " ", kind: "OTHER" } });
    expect(fieldErrors(empty).name?.[0]).toMatch(/Enter the board's name/);
    const long = await callRoute(boardEdit.action, { path, params, cookie, form: { intent: "save", name: "b".repeat(201), kind: "OTHER" } });
    expect(fieldErrors(long).name?.[0]).toMatch(/200 characters or fewer/);
    const del = (await callRoute(boardEdit.action, { path, params, cookie, form: { intent: "delete" } })) as { data: { refused: string } };
    expect(del.data.refused).toMatch(/archive it instead/);
    const agencyDel = (await callRoute(agencyEdit.action, {
      path: `/${ours.slug}/settings/agencies/${ours.agencyId}`,
      params: { partnership: ours.slug, agencyId: ours.agencyId },
      cookie,
      form: { intent: "delete" },
    })) as { data: { refused: string } };
    expect(agencyDel.data.refused).toMatch(/archive it instead/);
    expect(await snapshot(ours)).toEqual(before);
  });
});
