import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { createPartnership, smallProfile, uniqueSlug } from "../factories";
import { dropDatabase, withDatabase } from "../../scripts/lib/database.js";
import { createMigratedDatabase } from "../setup/test-database.js";
import { db, disconnectDb, withTenant } from "~/utils/db.server";
import { todayIn } from "~/utils/dates";

/**
 * A migrated database of this file's own, for tests whose jobs scan every partnership
 * (the cron) or run the worker: other files' partnerships must not be touched, nor
 * theirs get digests. Must run before anything in the file reads the environment.
 */
export function ownDatabaseForThisFile() {
  const name = `safer_digest_${Date.now()}_${randomUUID().slice(0, 6)}`;
  const serverUrl = withDatabase(inject("ownerUrl"), "postgres");
  const urls = { ownerUrl: "", appUrl: "" };
  const sharedAppUrl = process.env.APP_DATABASE_URL;
  beforeAll(async () => {
    Object.assign(urls, await createMigratedDatabase(serverUrl, name));
    await disconnectDb();
    process.env.APP_DATABASE_URL = urls.appUrl;
  }, 120_000);
  afterAll(async () => {
    await disconnectDb();
    // The next file this process runs expects the shared test database.
    process.env.APP_DATABASE_URL = sharedAppUrl;
    await dropDatabase(serverUrl, name);
  });
  return urls;
}

/** A partnership whose "Community Safety Board" has `members` people with addresses (and one without). */
export async function partnershipWithBoard(
  members: number,
  options: { meetingInDays?: number; heldOn?: Date; withoutEmail?: number } = {},
) {
  const { partnershipId, slug } = await createPartnership(smallProfile(uniqueSlug("digest")));
  const heldOn = options.heldOn ?? new Date(todayIn().getTime() + (options.meetingInDays ?? 3) * 86_400_000);
  return withTenant(
    partnershipId,
    async (tx) => {
      const board = await tx.board.findFirstOrThrow({ where: { partnershipId, name: "Community Safety Board" }, select: { id: true } });
      // The profile's chair has no address: a member the digest cannot reach.
      const people = Array.from({ length: members }, (_, index) => ({
        id: randomUUID(),
        partnershipId,
        name: `Member ${String(index + 1).padStart(3, "0")}`,
        email: `member-${index + 1}-${slug}@test.example`,
      }));
      const noEmail = Array.from({ length: options.withoutEmail ?? 0 }, (_, index) => ({
        id: randomUUID(),
        partnershipId,
        name: `Unreachable ${index + 1}`,
      }));
      await tx.person.createMany({ data: [...people, ...noEmail] });
      await tx.boardMember.createMany({
        data: [...people, ...noEmail].map((person) => ({ partnershipId, boardId: board.id, personId: person.id })),
      });
      const meeting = await tx.meeting.create({
        data: { partnershipId, boardId: board.id, heldOn, place: "Town Hall" },
        select: { id: true },
      });
      return { partnershipId, slug, boardId: board.id, meetingId: meeting.id, people, heldOn };
    },
    { timeoutMs: 60_000 },
  );
}

export function deliveriesOf(partnershipId: string, meetingId: string) {
  return withTenant(partnershipId, (tx) =>
    tx.digestDelivery.findMany({ where: { partnershipId, meetingId }, orderBy: [{ batchNumber: "asc" }, { personId: "asc" }] }),
  );
}

export function runOf(partnershipId: string, meetingId: string) {
  return withTenant(partnershipId, (tx) => tx.digestRun.findFirst({ where: { partnershipId, meetingId } }));
}

export async function outboxByKeyPrefix(prefix: string) {
  return db().outboxEmail.findMany({ where: { idempotencyKey: { startsWith: prefix } }, orderBy: { idempotencyKey: "asc" } });
}
