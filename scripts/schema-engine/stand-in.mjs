// Stand-in for Prisma's native `schema-engine` binary (see ./schema-engine and
// prisma.config.ts). Prisma 7.10's CLI runs every `migrate`/`db push` command through
// that binary, which cannot be downloaded on every machine. The same engine ships as
// WebAssembly and reaches PostgreSQL through a driver adapter (@prisma/adapter-pg).
// This speaks the binary's interface to the CLI and relays to the wasm engine:
//   schema-engine --version
//   schema-engine --datasource JSON cli <can-connect-to-database|create-database|drop-database>
//   schema-engine [--datamodels PATH]... [--datasource JSON]   (JSON-RPC, one object a line)
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

// The wasm engine reports a Rust panic's message through this global before it
// throws; without it the panic surfaces as "cannot read set_message of undefined".
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: "",
  set_message(message) { this.message = `schema engine panicked: ${message}`; },
};

const argv = process.argv.slice(2);
const flag = (name) => argv.flatMap((a, i) => (a === name && i + 1 < argv.length ? [argv[i + 1]] : []));

// The CLI only shows this; it names the engines build the installed CLI expects.
if (argv.includes("--version")) {
  console.log("schema-engine-cli d1b3f377ca835d73fd50954a5e22128b9ebdd6b8");
  process.exit(0);
}

const datasource = JSON.parse(flag("--datasource")[0] ?? "{}");
// Discrete fields, never `connectionString`: pg lets a connection string override
// `database`, which would point the shadow database back at the real one.
const { schema, ...conn } = datasource.url ? parseIntoClientConfig(datasource.url) : {};
const pgOptions = schema ? { schema } : undefined;
// The native engine sets search_path to the URL's `?schema=`; unqualified SQL in
// migrations relies on it.
if (schema) conn.options = `-c search_path="${schema.replaceAll('"', '""')}"`;

/** Runs one statement on its own connection (database admin: create/drop). */
async function admin(sql, database = conn.database) {
  const client = new pg.Client({ ...conn, database });
  await client.connect();
  try { return await client.query(sql); } finally { await client.end(); }
}
const ident = (name) => `"${name.replaceAll('"', '""')}"`;

// ---- `cli` subcommands: run with pg directly; the wasm engine has no equivalent.
// The CLI reads failures from stderr as JSON log lines (it skips the first line) with
// a Prisma error code; P1003 ("database does not exist") makes `migrate dev` create it.
const cliIndex = argv.indexOf("cli");
if (cliIndex >= 0) {
  const command = argv[cliIndex + 1];
  const where = `${conn.host}:${conn.port || 5432}`;
  try {
    if (command === "can-connect-to-database") await admin("SELECT 1");
    else if (command === "create-database") {
      await admin(`CREATE DATABASE ${ident(conn.database)}`, "postgres");
      if (schema && schema !== "public") await admin(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    } else if (command === "drop-database") await admin(`DROP DATABASE IF EXISTS ${ident(conn.database)} WITH (FORCE)`, "postgres");
    else throw Object.assign(new Error(`Unknown cli command: ${command}`), { errorCode: "P1000" });
    process.exit(0);
  } catch (e) {
    const errorCode = e.errorCode ?? { "3D000": "P1003", "28P01": "P1000", "28000": "P1000", "42P04": "P1009" }[e.code] ?? "P1001";
    const message = { P1003: `Database \`${conn.database}\` does not exist on the database server at \`${where}\`.`,
      P1001: `Can't reach database server at \`${where}\`: ${e.message}` }[errorCode] ?? e.message;
    const log = (level, fields) => JSON.stringify({ level, target: "schema_engine::logger", fields });
    process.stderr.write(`${log("INFO", { message: `schema-engine stand-in: ${command}` })}\n${log("ERROR", { is_panic: false, error_code: errorCode, message })}`);
    process.exit(1);
  }
}

// ---- Adapter fixes, applied to every adapter-pg connection the engine opens.
// (1) The engine's catalog queries return columns of type "char" (OID 18, e.g.
// pg_class.relkind), which adapter-pg refuses as an unsupported type. Its values are
// plain text already, so report them as text (OID 25). The check lives on the shared
// base class of adapters and transactions, so patch that prototype once.
function reportCharAsText(adapter) {
  const base = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  const performIO = base.performIO;
  if (performIO.standIn) return;
  base.performIO = Object.assign(async function (query) {
    const result = await performIO.call(this, query);
    const charColumns = [];
    (result?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === 18) { field.dataTypeID = 25; charColumns.push(index); }
    });
    // queryRaw hands back this same rows array; mark it so the columns can be typed below.
    if (charColumns.length && result.rows) Object.defineProperty(result.rows, "standInCharColumns", { value: charColumns });
    return result;
  }, { standIn: true });
  // The engine reads some of those columns with get_char (pg_constraint.contype, for
  // one) and panics on a Text column, so the result reports them as Character.
  const queryRaw = base.queryRaw;
  base.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const index of result.rows?.standInCharColumns ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
}
// (2) adapter-pg runs a script by splitting it on ";", which breaks any migration with
// a ";" inside a string or a function body. Send it whole, like the native engine.
async function connect(config) {
  const adapter = await new PrismaPg(config, pgOptions).connect();
  reportCharAsText(adapter);
  adapter.executeScript = async (script) => {
    try { await adapter.underlyingDriver().query(script); } catch (e) { adapter.onError(e); }
  };
  return adapter;
}
// (3) adapter-pg's own shadow database reuses the connection string (so it points at
// the real database) and drops it while its pool is still open. Make our own, with a
// random name, and drop it WITH (FORCE) when the engine lets go of it (or we exit).
// Every caller waits for the one DROP of a name, wherever it was started.
const shadows = new Map(); // name -> the DROP of it, once started
function dropShadow(name) {
  if (shadows.get(name) === null) {
    shadows.set(name, admin(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`)
      .catch((e) => log("WARN", `could not drop shadow database ${name}: ${e.message}`)));
  }
  return shadows.get(name);
}
const factory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  connect: () => connect(conn),
  async connectToShadowDb() {
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll("-", "")}`;
    await admin(`CREATE DATABASE ${ident(name)}`);
    shadows.set(name, null);
    const adapter = await connect({ ...conn, database: name });
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => { await dispose(); await dropShadow(name); };
    return adapter;
  },
};

// ---- JSON-RPC relay. Engine logs go to stderr as JSON lines, which the CLI collects.
const log = (level, message) => process.stderr.write(`${JSON.stringify({ level, fields: { message }, target: "schema_engine_stand_in" })}\n`);
const send = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

let enginePromise;
function engine() {
  return (enginePromise ??= (async () => {
    const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmUrl), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    const datamodels = flag("--datamodels").map((path) => [path, readFileSync(path, "utf8")]);
    const onLog = (line) => process.stderr.write(String(line).trimEnd() + "\n");
    return bg.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, onLog, bindMigrationAwareSqlAdapterFactory(factory));
  })());
}

// The engine asks the CLI to print a diff (it owns the terminal) with a `print`
// request of its own and waits for the answer before responding to `diff`.
const pendingPrints = new Map();
let nextPrintId = 1;
function print(content) {
  const id = nextPrintId++;
  send({ jsonrpc: "2.0", id, method: "print", params: { content } });
  return new Promise((resolve) => pendingPrints.set(id, resolve));
}

async function call(method, params = {}) {
  const se = await engine();
  switch (method) {
    case "getDatabaseVersion": return se.version(params); // the wasm name differs
    case "evaluateDataLoss":
      // The wasm engine cannot open a shadow database here ("PostgreSQL shadow DB must
      // be provided through an external factory"); it only works when an earlier call
      // cached the schema the migrations produce. `migrate dev` on a database that had
      // no migrations table yet leaves that cache cold: devDiagnostic now warms it.
      try { return await se.evaluateDataLoss(params); } catch (e) {
        if (!/shadow DB must be provided/.test(e?.message)) throw e;
        await se.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
        return se.evaluateDataLoss(params);
      }
    case "diff": {
      const { exitCode, stdout } = await se.diff(params);
      if (stdout != null) await print(stdout); // the native engine answers stdout: null
      return { exitCode, stdout: null };
    }
    default:
      if (typeof se[method] !== "function" || method === "free") throw new Error(`Method not supported by the wasm schema engine: ${method}`);
      return (await se[method](params)) ?? {};
  }
}

// Requests run one at a time, in order, as they do in the native engine.
let queue = Promise.resolve();
let inFlight = null; // the request being handled, answered even if the engine crashes
async function handle(request) {
  inFlight = request;
  try {
    globalThis.PRISMA_WASM_PANIC_REGISTRY.message = "";
    const result = await call(request.method, request.params);
    // Never pass off a result produced after a panic as an answer (an empty diff
    // would read as "no drift").
    if (globalThis.PRISMA_WASM_PANIC_REGISTRY.message) throw new WebAssembly.RuntimeError(globalThis.PRISMA_WASM_PANIC_REGISTRY.message);
    send({ jsonrpc: "2.0", id: request.id, result });
  } catch (e) {
    sendError(request, e);
    if (e instanceof WebAssembly.RuntimeError) await shutdown(101);
  } finally {
    if (inFlight === request) inFlight = null;
  }
}
// A wasm trap (RuntimeError) is a panic, whose message is in the registry (the trap's
// own is only "unreachable"); anything else is an engine error, with the Prisma error
// code (e.g. P3005) the engine put on it, if any (not pg's codes). The CLI shows
// error.message for a panic and data.message otherwise.
function sendError(request, e) {
  const isPanic = e instanceof WebAssembly.RuntimeError;
  const message = (isPanic && globalThis.PRISMA_WASM_PANIC_REGISTRY.message) || (e?.message ?? String(e));
  const errorCode = /^P\d{4}$/.test(e?.code) ? e.code : null;
  send({ jsonrpc: "2.0", id: request.id, error: { code: 4466, message: isPanic ? message : "An error happened. Check the data field for details.",
    data: { is_panic: isPanic, message, meta: e?.meta ?? null, error_code: errorCode } } });
}

// The CLI stops the engine by ending stdin and sending SIGTERM at once, so shutdown
// runs more than once: each run waits for every DROP, including those another started
// (exiting while one is in flight left its shadow database behind). A failure's exit
// code wins over a clean stop's.
let exitCode = 0;
async function shutdown(code) {
  exitCode ||= code;
  await Promise.all([...shadows.keys()].map(dropShadow));
  process.exit(exitCode);
}

createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined && pendingPrints.has(message.id)) {
      pendingPrints.get(message.id)(message.result);
      pendingPrints.delete(message.id);
    } else queue = queue.then(() => handle(message));
  })
  // The CLI ends stdin to stop the engine: finish what is in hand, then exit (open pg
  // pools would otherwise keep the process alive). It follows with SIGTERM at once.
  // A `print` still waiting then has no one left to answer it.
  .on("close", () => { for (const resolve of pendingPrints.values()) resolve(); queue.then(() => shutdown(0)); });
process.on("SIGTERM", () => shutdown(0));
// A Rust panic in the engine's async work traps inside a microtask (and the engine
// rejects malformed params by throwing outside any promise), so it never reaches
// handle(). Answer the request in hand before exiting: the Prisma CLI, when the engine
// exits without answering, often exits 0 and prints nothing, e.g. a `migrate diff
// --exit-code` that reads as "no drift". Also log it the way the CLI reads a crashed
// engine, as an ERROR line.
process.on("uncaughtException", (e) => {
  const isPanic = e instanceof WebAssembly.RuntimeError;
  log("ERROR", (isPanic && globalThis.PRISMA_WASM_PANIC_REGISTRY.message) || (e?.message ?? String(e)));
  if (inFlight) sendError(inFlight, e);
  inFlight = null;
  shutdown(isPanic ? 101 : 1);
});
process.on("SIGINT", () => shutdown(130));
