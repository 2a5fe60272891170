import { beforeAll, describe, expect, it } from "vitest";
import { PartnershipDetailsSchema } from "~/modules/configuration/partnership-schema";
import { getPartnershipDetails, savePartnershipDetails } from "~/modules/configuration/partnership.server";
import { action, loader } from "~/routes/$partnership.settings.details";
import { withTenant } from "~/utils/db.server";
import { partnershipWithActors, thrownStatus } from "../editing/helpers";
import { sessionCookieFor } from "../factories";
import { callRoute, isResponse } from "../routes/call-route";

type World = Awaited<ReturnType<typeof partnershipWithActors>>;
let world: World;
let manager: Awaited<ReturnType<World["actor"]>>;
let editor: Awaited<ReturnType<World["actor"]>>;

const valid = { name: "Tatton Vale Community Safety Partnership", councils: "Tatton Vale Borough Council\nTatton County Council", policeForceArea: "Cheshire", financialYearStartMonth: "4", populationYear: "2026", residents: "212,000", households: "90000" };

beforeAll(async () => {
  world = await partnershipWithActors();
  manager = await world.actor("PARTNERSHIP_MANAGER", null, "The Manager");
  editor = await world.actor("AGENCY_EDITOR", world.agencies.police);
});

describe("partnership details", () => {
  it("saves the name, councils and a year's residents and households, and records the change", async () => {
    await savePartnershipDetails(manager, PartnershipDetailsSchema.parse(valid));
    const details = await getPartnershipDetails(manager);
    expect(details.partnership).toMatchObject({ name: valid.name, policeForceArea: "Cheshire" });
    expect(details.councils).toEqual(["Tatton County Council", "Tatton Vale Borough Council"]);
    const residents = details.populations.find((p) => p.name === "Residents")!;
    expect(residents.values.find((v) => v.financialYear === 2026)?.value).toBe("212000");
    const audit = await withTenant(world.partnershipId, (tx) => tx.auditEvent.findFirst({ where: { entityType: "Partnership" }, orderBy: { at: "desc" } }));
    expect(audit).toMatchObject({ actorName: "The Manager", action: "updated the partnership's details" });
  });

  it("refuses population 0, negative, 'lots' and a rate typed as a number, with a message by the field", () => {
    for (const [typed, message] of [
      ["0", "The number of residents must be more than 0"],
      ["-5", "The number of residents must be more than 0"],
      ["lots", "The number of residents must be a whole number, like 212000"],
      ["24.841 per 1000", "The number of residents must be a whole number, like 212000"],
    ] as const) {
      const parsed = PartnershipDetailsSchema.safeParse({ ...valid, residents: typed });
      expect([typed, parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)]).toEqual([typed, [`residents: ${message}`]]);
    }
  });

  it("is for managers only: others get 403 on the page and the form, and nothing changes", async () => {
    const cookie = await sessionCookieFor(editor.userId);
    const page = await callRoute(loader, { path: `/${world.slug}/settings/details`, params: { partnership: world.slug }, cookie });
    expect(isResponse(page) && page.status).toBe(403);
    const before = await getPartnershipDetails(manager);
    const write = await callRoute(action, { path: `/${world.slug}/settings/details`, params: { partnership: world.slug }, cookie, form: { ...valid, name: "Hijacked" } });
    expect(isResponse(write) && write.status).toBe(403);
    expect(await thrownStatus(() => savePartnershipDetails(editor, PartnershipDetailsSchema.parse({ ...valid, name: "Hijacked" })))).toBe(403);
    expect(await getPartnershipDetails(manager)).toEqual(before);
  });

  it("the form keeps what was typed when it fails, and writes nothing", async () => {
    const cookie = await sessionCookieFor(manager.userId);
    const before = await getPartnershipDetails(manager);
    const reply = (await callRoute(action, {
      path: `/${world.slug}/settings/details`,
      params: { partnership: world.slug },
      cookie,
      form: { ...valid, name: "", households: "lots" },
    })) as unknown as { data: { initialValue: Record<string, string>; error: Record<string, string[]> } };
    expect(reply.data.error).toEqual({
      name: ["Enter the partnership's name"],
      households: ["The number of households must be a whole number, like 212000"],
    });
    expect(reply.data.initialValue.households).toBe("lots");
    expect(await getPartnershipDetails(manager)).toEqual(before);
  });
});
