// One benchmark dataset, run as a child of scripts/bench.ts (the app reads its
// environment once per process, and each dataset is a database of its own): seeds
// BENCH_PARTNERSHIPS partnerships with an approved publication each, makes a session
// for one partnership's manager, counts the SQL queries of each benchmarked page by
// calling its loaders as Remix does (layout and page together, one Request), and
// writes what the parent needs as JSON to the file named by BENCH_DATASET_OUT.
import { writeFileSync } from "node:fs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import { approvePublication, savePublicationChoices } from "~/modules/publication/publication.server";
import * as layout from "~/routes/$partnership";
import * as home from "~/routes/$partnership._index";
import * as boardPage from "~/routes/$partnership.boards.$boardId._index";
import * as report from "~/routes/$partnership.boards.$boardId.report";
import * as indicatorPage from "~/routes/$partnership.indicators.$indicatorId._index";
import * as priorityPage from "~/routes/$partnership.priorities.$priorityId._index";
import * as publicPage from "~/routes/p.$slug._index";
import { countQueries, db, disconnectDb, withTenant } from "~/utils/db.server";
import { boundedPool, progressBar, seedPartnership, type SeededPartnership } from "./seed.js";

const count = Number(process.env.BENCH_PARTNERSHIPS ?? "350");
const tag = process.env.BENCH_TAG ?? "run";
const out = process.env.BENCH_DATASET_OUT;
if (!out || !Number.isInteger(count) || count < 1 || count > 1000) throw new Error("BENCH_PARTNERSHIPS (1-1000) and BENCH_DATASET_OUT are required");
// Enough to keep PostgreSQL's two cores busy while Node builds the next batch.
const CONCURRENCY = 4;

async function publish(seeded: SeededPartnership) {
  const { partnershipId } = seeded;
  const ids = await withTenant(partnershipId, async (tx) => ({
    priorities: await tx.priority.findMany({ where: { partnershipId }, select: { id: true } }),
    indicators: await tx.indicator.findMany({ where: { partnershipId }, select: { id: true } }),
    membership: await tx.membership.findFirstOrThrow({ where: { partnershipId, userId: seeded.managerUserId }, select: { id: true } }),
  }));
  const manager = {
    userId: seeded.managerUserId,
    userName: "Officer 1",
    partnershipId,
    membershipId: ids.membership.id,
    role: "PARTNERSHIP_MANAGER" as const,
    agencyId: null,
  };
  await savePublicationChoices(manager, {
    priorityIds: ids.priorities.map((p) => p.id),
    indicatorIds: ids.indicators.map((i) => i.id),
    publicContact: "community.safety@bench.example",
    publishLeadOfficerNames: false,
    publishMeetings: true,
  });
  await approvePublication(manager, { note: "Benchmark publication" });
}

const started = Date.now();
const seeded = await boundedPool(
  count,
  CONCURRENCY,
  async (index) => {
    const partnership = await seedPartnership(index, tag);
    await publish(partnership);
    return partnership;
  },
  progressBar(`Seeding ${count} partnerships`, count),
);
const seedSeconds = (Date.now() - started) / 1000;

// The partnership the pages are measured on: the middle one, a typical size.
const target = seeded[Math.floor(count / 2)]!;
const { partnershipId, slug } = target;
const ids = await withTenant(partnershipId, async (tx) => ({
  board: await tx.board.findFirstOrThrow({ where: { partnershipId, parentBoardId: null }, select: { id: true } }),
  priority: await tx.priority.findFirstOrThrow({ where: { partnershipId }, orderBy: { number: "asc" }, select: { id: true } }),
  indicator: await tx.indicator.findFirstOrThrow({ where: { partnershipId }, orderBy: { code: "asc" }, select: { id: true } }),
}));
// The production server's cookie name, whatever NODE_ENV this process has.
const cookie = `${sessionCookieName(true)}=${await createSession(target.managerUserId)}`;

export type BenchPage = { key: string; name: string; path: string; queries: number | null; loaderJsonBytes: number | null };

type Loader = (args: LoaderFunctionArgs) => unknown;
const pages: Array<{ key: string; name: string; path: string; loaders: Loader[]; params: Record<string, string>; signedIn: boolean }> = [
  { key: "home", name: "Partnership home", path: `/${slug}`, loaders: [layout.loader, home.loader], params: { partnership: slug }, signedIn: true },
  { key: "board", name: "Board dashboard", path: `/${slug}/boards/${ids.board.id}`, loaders: [layout.loader, boardPage.loader], params: { partnership: slug, boardId: ids.board.id }, signedIn: true },
  { key: "priority", name: "Priority page", path: `/${slug}/priorities/${ids.priority.id}`, loaders: [layout.loader, priorityPage.loader], params: { partnership: slug, priorityId: ids.priority.id }, signedIn: true },
  { key: "indicator", name: "Indicator page (chart)", path: `/${slug}/indicators/${ids.indicator.id}`, loaders: [layout.loader, indicatorPage.loader], params: { partnership: slug, indicatorId: ids.indicator.id }, signedIn: true },
  { key: "report", name: "Board progress report", path: `/${slug}/boards/${ids.board.id}/report`, loaders: [layout.loader, report.loader], params: { partnership: slug, boardId: ids.board.id }, signedIn: true },
  { key: "public", name: "Public page", path: `/p/${slug}`, loaders: [publicPage.loader], params: { slug }, signedIn: false },
];

function payloadOf(value: unknown): unknown {
  // data() in single fetch returns { type: "DataWithResponseInit", data, init }.
  if (value && typeof value === "object" && "data" in value && "init" in value) return (value as { data: unknown }).data;
  return value;
}

const measured: BenchPage[] = [];
for (const page of pages) {
  const request = new Request(`http://127.0.0.1${page.path}`, { headers: page.signedIn ? { Cookie: cookie } : {} });
  const { result, queries } = await countQueries(() => Promise.all(page.loaders.map((loader) => loader({ request, params: page.params, context: {} }))));
  const last = result.at(-1);
  if (last instanceof Response && last.status >= 300) throw new Error(`${page.path}: the loader answered ${last.status}`);
  let bytes: number | null = null;
  try {
    bytes = Buffer.byteLength(JSON.stringify(payloadOf(last)));
  } catch {
    bytes = null;
  }
  measured.push({ key: page.key, name: page.name, path: page.path, queries, loaderJsonBytes: bytes });
}

const totals = seeded.reduce(
  (sum, p) => {
    for (const [key, value] of Object.entries(p.sizes)) sum[key] = (sum[key] ?? 0) + value;
    return sum;
  },
  {} as Record<string, number>,
);
const partnershipsInDb = await db().partnership.count();
writeFileSync(out, JSON.stringify({ partnerships: count, partnershipsInDb, seedSeconds, totals, target: { slug, sizes: target.sizes }, cookie, pages: measured }, null, 2));
await disconnectDb();
process.exit(0);
