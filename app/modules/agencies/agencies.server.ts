import { assertCan, type Actor } from "~/modules/access/actor.server";
import { withTenant } from "~/utils/db.server";

/** The partnership's agencies that are still in use, for choosing one in a form. */
export async function listAgencyChoices(actor: Actor) {
  assertCan(actor, "partnership:read");
  return withTenant(actor.partnershipId, (tx) =>
    tx.agency.findMany({
      where: { partnershipId: actor.partnershipId, archivedAt: null },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  );
}
