// How a police.uk upload of the largest accepted size behaves: writes a street-level
// file of about 200 MB to a temporary folder (streamed, never held), then counts it
// twice, the way the app does: straight from disk, and as a multipart upload through
// Remix's parser (the route's path). Prints time, throughput and peak memory, and
// fails if memory grew by more than the limit. No database.
//
//   npx tsx scripts/bench-police-uk.ts            about 200 MB
//   BENCH_POLICE_UK_MB=50 npx tsx scripts/bench-police-uk.ts
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { unstable_parseMultipartFormData } from "@remix-run/node";
import { countPoliceUkFile, POLICE_UK_COLUMNS, POLICE_UK_MAX_BYTES, type CountResult } from "../app/modules/police-uk/police-uk-csv";

const TARGET_BYTES = Math.min(Number(process.env.BENCH_POLICE_UK_MB ?? 199) * 1024 * 1024, POLICE_UK_MAX_BYTES - 1024 * 1024);
const MAX_GROWTH_MB = Number(process.env.BENCH_POLICE_UK_MAX_GROWTH_MB ?? 100);
const TYPES = ["Anti-social behaviour", "Burglary", "Criminal damage and arson", "Drugs", "Other theft", "Robbery", "Shoplifting", "Vehicle crime", "Violence and sexual offences"];
const area = { lsoaNamePrefixes: ["Tatton Vale"], lsoaCodes: [] };
const mappedCrimeTypes = new Set(["Burglary", "Robbery", "Violence and sexual offences"]);

async function writeFile(file: string) {
  const out = createWriteStream(file);
  out.write(`${POLICE_UK_COLUMNS.join(",")}\n`);
  let bytes = 0;
  let row = 0;
  while (bytes < TARGET_BYTES) {
    let chunk = "";
    for (let i = 0; i < 1000; i++, row++) {
      const place =
        row % 40 === 0
          ? ",,No location,,"
          : row % 3 === 0
            ? "-2.51,53.10,On or near Mill Lane,E01019999,Cheswick Forest 004B"
            : `-2.37,53.30,On or near High Street,E010${String(18000 + (row % 500)).padStart(5, "0")},Tatton Vale ${String(row % 120).padStart(3, "0")}A`;
      chunk += `${row.toString(16).padStart(64, "0")},2025-03,Tatton Constabulary,Tatton Constabulary,${place},${TYPES[row % TYPES.length]},Investigation complete; no suspect identified,\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return row;
}

async function measure(label: string, run: () => Promise<CountResult>) {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  if (!result.ok) throw new Error(`${label}: ${result.message}`);
  const mb = result.tally.bytes / (1024 * 1024);
  const line = {
    path: label,
    megabytes: Math.round(mb),
    rows: result.tally.rowsRead,
    seconds: Number(seconds.toFixed(2)),
    megabytesPerSecond: Number((mb / seconds).toFixed(1)),
    heapGrowthMb: Number(((peakHeap - before.heapUsed) / (1024 * 1024)).toFixed(1)),
    rssGrowthMb: Number(((peakRss - before.rss) / (1024 * 1024)).toFixed(1)),
  };
  console.log(JSON.stringify(line));
  return line;
}

/** The file as a multipart/form-data request body, streamed from disk. */
function multipartRequest(file: string, size: number) {
  const boundary = "----police-uk-bench";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bench.csv"\r\nContent-Type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
    yield tail;
  }
  return new Request("http://localhost/bench/police-uk/upload", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(head.length + size + tail.length) },
    body: Readable.toWeb(Readable.from(body())) as ReadableStream<Uint8Array>,
    duplex: "half",
  } as RequestInit);
}

const dir = await mkdtemp(path.join(tmpdir(), "police-uk-bench-"));
try {
  const file = path.join(dir, "bench.csv");
  const rows = await writeFile(file);
  const { size } = await stat(file);
  console.log(JSON.stringify({ file: "generated", megabytes: Math.round(size / (1024 * 1024)), rows }));

  const results = [
    await measure("from disk", () => countPoliceUkFile(createReadStream(file, { highWaterMark: 64 * 1024 }), { fileName: "bench.csv", area, mappedCrimeTypes })),
    await measure("multipart upload", async () => {
      let result: CountResult | null = null;
      await unstable_parseMultipartFormData(multipartRequest(file, size), async (part) => {
        if (part.filename) result = await countPoliceUkFile(part.data, { fileName: part.filename, area, mappedCrimeTypes });
        for await (const chunk of part.data) void chunk;
        return undefined;
      });
      return result!;
    }),
  ];
  const worst = Math.max(...results.map((r) => r.rssGrowthMb));
  if (worst > MAX_GROWTH_MB) {
    console.error(`Memory grew by ${worst} MB counting a ${Math.round(size / (1024 * 1024))} MB file: more than ${MAX_GROWTH_MB} MB`);
    process.exitCode = 1;
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
