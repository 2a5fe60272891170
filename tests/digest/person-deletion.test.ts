// What was sent is kept: a person who received a digest cannot be deleted, only archived.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "~/modules/access/actor.server";
import { deletePerson } from "~/modules/configuration/people.server";
import { prepareDigestRun } from "~/modules/digest/delivery.server";
import { withTenant } from "~/utils/db.server";
import { deliveriesOf, partnershipWithBoard } from "./helpers";

const managerOf = (partnershipId: string): Actor => ({
  userId: randomUUID(),
  userName: "Manager",
  partnershipId,
  membershipId: randomUUID(),
  role: "PARTNERSHIP_MANAGER",
  agencyId: null,
});

describe("deleting a digest recipient", () => {
  it("is refused with the in-use message once a digest run names them, and the delivery row stays", async () => {
    const board = await partnershipWithBoard(2);
    await prepareDigestRun(board.partnershipId, board.meetingId);
    const person = board.people[0]!;
    // Off the board, so only the delivery record still holds them.
    await withTenant(board.partnershipId, (tx) => tx.boardMember.deleteMany({ where: { partnershipId: board.partnershipId, personId: person.id } }));

    const result = await deletePerson(managerOf(board.partnershipId), person.id);

    expect(result).toMatchObject({ status: "in-use" });
    expect(result.status === "in-use" && result.message).toContain("digest recipient");
    const rows = await deliveriesOf(board.partnershipId, board.meetingId);
    expect(rows.filter((row) => row.personId === person.id)).toHaveLength(1);
  });

  it("still deletes someone who was never sent anything", async () => {
    const board = await partnershipWithBoard(1);
    const person = board.people[0]!;
    await withTenant(board.partnershipId, (tx) => tx.boardMember.deleteMany({ where: { partnershipId: board.partnershipId, personId: person.id } }));

    await expect(deletePerson(managerOf(board.partnershipId), person.id)).resolves.toEqual({ status: "deleted" });
  });
});
