// Export and import of the profile: a round trip gives the same configuration; the
// preview writes nothing; an import is one transaction, into the actor's own
// partnership only; only managers may do either.
import { beforeAll, describe, expect, it } from "vitest";
import { readProfileDocument } from "~/modules/profiles/profile-document.server";
import { exportProfile } from "~/modules/profiles/profile-export.server";
import { applyProfileImport, previewProfileImport } from "~/modules/profiles/profile-import.server";
import { findPartnershipBySlug } from "~/modules/registry/registry.server";
import { withTenant } from "~/utils/db.server";
import { seedDemo } from "../../prisma/seed";
import { thrownStatus } from "../editing/helpers";
import { createPartnership } from "../factories";
import { actorIn, emptyPartnership, smallProfile } from "./helpers";

/** The document without what names the partnership itself. */
function configurationOf(yaml: string) {
  const read = readProfileDocument(yaml);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const { slug: _slug, name: _name, ...rest } = read.document;
  return rest;
}

async function countsOf(partnershipId: string) {
  return withTenant(partnershipId, async (tx) => ({
    agencies: await tx.agency.count(),
    people: await tx.person.count(),
    boards: await tx.board.count(),
    boardMembers: await tx.boardMember.count(),
    priorities: await tx.priority.count(),
    leads: await tx.priorityLead.count(),
    indicators: await tx.indicator.count(),
    targets: await tx.target.count(),
    audit: await tx.auditEvent.count(),
  }));
}

let barnetManager: Awaited<ReturnType<typeof actorIn>>;

beforeAll(async () => {
  await seedDemo(() => {});
  barnetManager = await actorIn((await findPartnershipBySlug("barnet"))!.id);
});

describe("profile export and import", () => {
  it("exports Barnet, imports it into a new partnership, and exports the same configuration again", async () => {
    const first = await exportProfile(barnetManager);
    expect(first.filename).toBe("barnet-profile.yaml");
    const target = await emptyPartnership();
    const manager = await actorIn(target.partnershipId);

    const preview = await previewProfileImport(manager, first.body);
    expect(preview.ok).toBe(true);
    const sections = preview.ok ? Object.fromEntries(preview.plan.sections.map((s) => [s.section, s])) : {};
    expect(sections.agencies!.added).toHaveLength(11);
    expect(sections.priorities!.added).toHaveLength(8);
    expect(sections.agencies!.changed).toEqual([]);

    const applied = await applyProfileImport(manager, first.body);
    expect(applied.ok).toBe(true);
    const second = await exportProfile(manager);
    expect(configurationOf(second.body)).toEqual(configurationOf(first.body));

    // Importing the same file again changes nothing.
    const again = await previewProfileImport(manager, first.body);
    expect(again.ok && again.plan.sections.every((s) => s.added.length === 0 && s.changed.length === 0)).toBe(true);
  });

  it("imports a partnership's own file without a change when two people share a name", async () => {
    const { partnershipId } = await createPartnership();
    const manager = await actorIn(partnershipId);
    // Two Kim Taylors with the same details on different boards, and two Sam Lees told apart by e-mail.
    await withTenant(partnershipId, async (tx) => {
      for (const boardName of ["Burglary Board", "Violence Board"]) {
        const board = await tx.board.create({ data: { partnershipId, name: boardName, kind: "SUB_BOARD" } });
        for (const person of [
          { name: "Kim Taylor", email: "kim.taylor@test.example" },
          { name: "Sam Lee", email: `sam.lee.${boardName.split(" ")[0]!.toLowerCase()}@test.example` },
        ]) {
          const { id } = await tx.person.create({ data: { partnershipId, ...person }, select: { id: true } });
          await tx.boardMember.create({ data: { partnershipId, boardId: board.id, personId: id } });
        }
      }
    });
    const seats = () =>
      withTenant(partnershipId, (tx) =>
        tx.boardMember.findMany({ where: { partnershipId }, orderBy: { id: "asc" }, select: { boardId: true, personId: true, role: true } }),
      );
    const before = { seats: await seats(), counts: await countsOf(partnershipId) };

    const exported = await exportProfile(manager);
    const preview = await previewProfileImport(manager, exported.body);
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.plan.sections.filter((s) => s.added.length > 0 || s.changed.length > 0)).toEqual([]);
    expect((await applyProfileImport(manager, exported.body)).ok).toBe(true);
    expect(await seats()).toEqual(before.seats);
    expect(await countsOf(partnershipId)).toEqual({ ...before.counts, audit: before.counts.audit + 1 });
  });

  it("previews without writing, then applies what the preview said, audited", async () => {
    const { partnershipId } = await createPartnership();
    const manager = await actorIn(partnershipId);
    const exported = await exportProfile(manager);
    const edited = exported.body
      .replace("agencies:\n", "agencies:\n  - key: new-fire\n    name: Test Fire and Rescue Service\n    kind: FIRE_AND_RESCUE\n")
      .replace("title: Reduce burglary", "title: Reduce burglary and robbery");
    const before = await countsOf(partnershipId);

    const preview = await previewProfileImport(manager, edited);
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    const section = (name: string) => preview.plan.sections.find((s) => s.section === name)!;
    expect(section("agencies").added).toEqual(["Test Fire and Rescue Service"]);
    expect(section("priorities").changed).toEqual(["1. Reduce burglary and robbery"]);
    expect(await countsOf(partnershipId)).toEqual(before);

    const applied = await applyProfileImport(manager, edited);
    expect(applied).toEqual(preview);
    const after = await countsOf(partnershipId);
    expect(after).toEqual({ ...before, agencies: before.agencies + 1, audit: before.audit + 1 });
    const event = await withTenant(partnershipId, (tx) => tx.auditEvent.findFirstOrThrow({ where: { partnershipId, action: "imported a profile" } }));
    expect(event.entityType).toBe("Partnership");
  });

  it("does not delete what the file leaves out", async () => {
    const { partnershipId } = await createPartnership();
    const manager = await actorIn(partnershipId);
    const before = await countsOf(partnershipId);
    const result = await applyProfileImport(manager, "name: Only a name\nagencies:\n  - key: a\n    name: Test Constabulary\n    kind: POLICE\n    shortName: TC\n");
    expect(result.ok).toBe(true);
    expect(await countsOf(partnershipId)).toEqual({ ...before, audit: before.audit + 1 });
  });

  it("writes nothing when the file is bad", async () => {
    const { partnershipId } = await createPartnership();
    const manager = await actorIn(partnershipId);
    const before = await countsOf(partnershipId);
    for (const bad of [
      "not: [valid",
      "name: X\nagencies:\n  - {key: a, name: A, kind: POLICE}\n  - {key: a, name: B, kind: POLICE}\n",
      "name: X\nboards:\n  - {key: a, name: A, kind: OTHER, parent: a}\n",
      "name: X\nstrategies:\n  - key: s\n    title: S\n    startYear: 2024\n    endYear: 2025\n    priorities:\n      - {number: 1, title: P, leads: [{agency: MPS}]}\n",
      "name: X\nfinancialYearStartMonth: 1\n",
    ]) {
      const result = await applyProfileImport(manager, bad);
      expect(result.ok).toBe(false);
    }
    expect(await countsOf(partnershipId)).toEqual(before);
  });

  it("is for managers only", async () => {
    const { partnershipId } = await createPartnership(smallProfile());
    for (const role of ["AGENCY_EDITOR", "BOARD_MEMBER", "VIEWER"] as const) {
      const actor = await actorIn(partnershipId, role);
      expect(await thrownStatus(() => exportProfile(actor))).toBe(403);
      expect(await thrownStatus(() => previewProfileImport(actor, "name: X\n"))).toBe(403);
      expect(await thrownStatus(() => applyProfileImport(actor, "name: X\n"))).toBe(403);
    }
  });
});
