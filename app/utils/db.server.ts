import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, Prisma } from "~/generated/prisma/client";
import { env } from "~/utils/env.server";
import { isUuid } from "~/utils/uuid";

export { Prisma };

/**
 * The one client the app and the worker use, connected as the app role
 * (APP_DATABASE_URL), which PostgreSQL's row-level security applies to.
 *
 * Tenant data is reached only through `withTenant`. The bare client is for the
 * tables that have no tenant (users, sessions, the partnership registry) and is
 * used only by app/modules/registry and app/modules/auth.
 */
export type Db = PrismaClient;
export type TenantTx = Prisma.TransactionClient;

declare global {
  // Survives Remix's dev rebuilds so each rebuild does not open a new pool.
  var __saferPartnershipsDb: PrismaClient | undefined;
}

export function db(): PrismaClient {
  globalThis.__saferPartnershipsDb ??= new PrismaClient({ adapter: new PrismaPg(poolConfig()) });
  return globalThis.__saferPartnershipsDb;
}

/**
 * pg waits for ever for a connection by default: with PostgreSQL down or restarting,
 * every request would hang until the browser gave up. Failing a connection attempt
 * after 2 s lets the page answer 503 at once, and the pool reconnects by itself when
 * the server is back (npm run test:faults).
 */
const CONNECTION_TIMEOUT_MS = 2_000;

function poolConfig() {
  return { connectionString: env().APP_DATABASE_URL, connectionTimeoutMillis: CONNECTION_TIMEOUT_MS };
}

/**
 * Tests only: how many SQL statements the app sends while `fn` runs (tests/performance/
 * query-count.test.ts). The first call swaps the shared client for one that emits
 * Prisma's query events; the app never calls this, so its client logs nothing.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  if (!queryCounting) {
    await disconnectDb();
    const client = new PrismaClient({
      adapter: new PrismaPg(poolConfig()),
      log: [{ emit: "event", level: "query" }],
    });
    const counting = { count: 0 };
    client.$on("query", () => {
      counting.count += 1;
    });
    globalThis.__saferPartnershipsDb = client as unknown as PrismaClient;
    queryCounting = counting;
  }
  const start = queryCounting.count;
  const result = await fn();
  return { result, queries: queryCounting.count - start };
}

let queryCounting: { count: number } | null = null;

export async function disconnectDb() {
  await globalThis.__saferPartnershipsDb?.$disconnect();
  globalThis.__saferPartnershipsDb = undefined;
  queryCounting = null;
}

const TRANSACTION_TIMEOUT_MS = 15_000;

/**
 * Runs `fn` in a transaction in which PostgreSQL shows only the rows of one
 * partnership. The setting is local to the transaction, so nothing leaks to the
 * next user of the pooled connection. Queries should still name the partnership in
 * their `where`: the code shows its scope and RLS catches what it forgets.
 */
export async function withTenant<T>(
  partnershipId: string,
  fn: (tx: TenantTx) => Promise<T>,
  options: { timeoutMs?: number } = {},
): Promise<T> {
  if (!isUuid(partnershipId)) throw new Error(`withTenant: not a partnership id: ${String(partnershipId)}`);
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`select set_config('app.tenant_id', ${partnershipId}, true)`;
      return fn(tx);
    },
    { timeout: options.timeoutMs ?? TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/**
 * For reads that happen before a partnership is known: one transaction with a
 * named setting that a narrow RLS policy checks (the signed-in user's id, a
 * token's hash). Used only by app/modules/registry.
 */
export async function withLookupSetting<T>(
  setting: "app.user_id" | "app.invite_token_hash",
  value: string,
  fn: (tx: TenantTx) => Promise<T>,
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`select set_config(${setting}, ${value}, true)`;
      return fn(tx);
    },
    { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 10_000 },
  );
}
