// Actors for the editing tests: one partnership from the factories, with a member in
// each role (an editor for each agency), as domain functions receive them.
import type { Actor } from "~/modules/access/actor.server";
import type { MembershipRole } from "~/modules/profiles/profile-schema";
import { withTenant } from "~/utils/db.server";
import { createPartnership, createUser, idsOf } from "../factories";

export async function partnershipWithActors() {
  const partnership = await createPartnership();
  const ids = await idsOf(partnership.partnershipId);
  const agency = (name: string) => ids.agencies.find((a) => a.name.includes(name))!.id;
  const police = agency("Constabulary");
  const probation = agency("Probation");
  const council = agency("Council");

  async function actor(role: MembershipRole, agencyId: string | null = null, name = `${role} user`): Promise<Actor> {
    const user = await createUser({ name, memberships: [{ partnershipId: partnership.partnershipId, role, agencyId: agencyId ?? undefined }] });
    const membership = await withTenant(partnership.partnershipId, (tx) =>
      tx.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } }),
    );
    return { userId: user.id, userName: name, partnershipId: partnership.partnershipId, membershipId: membership.id, role, agencyId };
  }

  const actions = await withTenant(partnership.partnershipId, (tx) =>
    tx.action.findMany({
      where: { partnershipId: partnership.partnershipId },
      select: { id: true, title: true, version: true, ownerAgencyId: true },
      orderBy: { title: "asc" },
    }),
  );
  const actionTitled = (title: string) => actions.find((a) => a.title.startsWith(title))!;

  return {
    ...partnership,
    calendar: { timeZone: "Europe/London", financialYearStartMonth: 4 },
    agencies: { police, probation, council },
    priorities: { burglary: ids.priorities[0]!.id, reoffending: ids.priorities[1]!.id },
    indicator: ids.indicators[0]!.id,
    policeAction: actionTitled("Launch a target-hardening"),
    councilAction: actionTitled("Publish burglary advice"),
    actor,
  };
}

/** Runs fn and returns the status of the Response it throws (403, 404...), or "returned". */
export async function thrownStatus(fn: () => Promise<unknown>): Promise<number | "returned"> {
  try {
    await fn();
    return "returned";
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
}
