// The demo data: Haringey, Barnet and Halton as their board papers describe them
// (prisma/seed-data/, from shared/seeds), and the demo accounts. Idempotent: a
// partnership that exists is left alone; users and memberships are upserted.
import { hashPassword } from "../app/modules/auth/password.server.js";
import { loadProfile } from "../app/modules/profiles/load-profile.server.js";
import { findPartnershipBySlug, normaliseEmail } from "../app/modules/registry/registry.server.js";
import { db, withTenant } from "../app/utils/db.server.js";
import { barnet } from "./seed-data/barnet.js";
import { DEMO_PASSWORD, demoUsers } from "./seed-data/demo-users.js";
import { halton } from "./seed-data/halton.js";
import { haringey } from "./seed-data/haringey.js";

export const demoProfiles = [haringey, barnet, halton];

export async function seedDemo(log: (line: string) => void = console.log) {
  for (const profile of demoProfiles) {
    if (await findPartnershipBySlug(profile.slug)) continue;
    await loadProfile(profile);
    log(`  seeded ${profile.name}`);
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of demoUsers) {
    const user = await db().user.upsert({
      where: { email: normaliseEmail(demo.email) },
      create: { email: normaliseEmail(demo.email), name: demo.name, passwordHash },
      update: {},
      select: { id: true },
    });
    for (const membership of demo.memberships) {
      const partnership = await findPartnershipBySlug(membership.partnership);
      if (!partnership) throw new Error(`Demo user ${demo.email}: no partnership ${membership.partnership}`);
      await withTenant(partnership.id, async (tx) => {
        const agency = membership.agency
          ? await tx.agency.findFirstOrThrow({
              where: { partnershipId: partnership.id, name: membership.agency },
              select: { id: true },
            })
          : null;
        await tx.membership.upsert({
          where: { partnershipId_userId: { partnershipId: partnership.id, userId: user.id } },
          create: { partnershipId: partnership.id, userId: user.id, role: membership.role, agencyId: agency?.id ?? null },
          update: {},
        });
      });
    }
  }
}

export function printDemoAccounts(log: (line: string) => void = console.log) {
  log(`Demo accounts (password for all: ${DEMO_PASSWORD}):`);
  for (const demo of demoUsers) {
    const where = demo.memberships.map((m) => `${m.partnership} ${m.role.toLowerCase().replaceAll("_", " ")}`).join(", ");
    log(`  ${demo.email.padEnd(34)} ${where}`);
  }
}
