// The demo data: Haringey, Barnet and Halton as their board papers describe them
// (from shared/seeds), and the demo accounts. Each partnership's configuration is its
// profile document, prisma/profiles/<slug>.yaml, read and checked exactly as an
// import is; its actions and meetings come from prisma/seed-data/<slug>.ts.
// Idempotent: a partnership that exists is left alone; users and memberships are upserted.
import { readFileSync } from "node:fs";
import { hashPassword } from "../app/modules/auth/password.server.js";
import { loadProfile } from "../app/modules/profiles/load-profile.server.js";
import { describeProblem, readProfileDocument } from "../app/modules/profiles/profile-document.server.js";
import { profileFromDocument, type PartnershipProfile } from "../app/modules/profiles/profile-schema.js";
import { findPartnershipBySlug, normaliseEmail } from "../app/modules/registry/registry.server.js";
import { db, withTenant } from "../app/utils/db.server.js";
import { barnet } from "./seed-data/barnet.js";
import { DEMO_PASSWORD, demoUsers } from "./seed-data/demo-users.js";
import { halton } from "./seed-data/halton.js";
import { haringey } from "./seed-data/haringey.js";
import type { SeedActivity } from "./seed-data/seed-activity.js";

/** A seed partnership: its profile document, then its actions and meetings. */
export function demoProfile(slug: string, activity: SeedActivity): PartnershipProfile {
  const file = new URL(`./profiles/${slug}.yaml`, import.meta.url);
  const read = readProfileDocument(readFileSync(file, "utf8"));
  if (!read.ok) throw new Error(`prisma/profiles/${slug}.yaml:\n${read.problems.map(describeProblem).join("\n")}`);
  return { ...profileFromDocument(read.document, slug), ...activity };
}

export const demoProfiles = [demoProfile("haringey", haringey), demoProfile("barnet", barnet), demoProfile("halton", halton)];

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
