import "dotenv/config";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { readdirSync } from "node:fs";

// Prisma 7.10's CLI needs the native schema engine, which cannot be downloaded on
// every machine (see docs/decisions/0004-migrations-without-native-engine.md).
// Where it is missing, a stand-in that drives the wasm engine takes its place.
function nativeSchemaEngineInstalled(): boolean {
  const enginesDir = fileURLToPath(new URL("./node_modules/@prisma/engines/", import.meta.url));
  return existsSync(enginesDir) && readdirSync(enginesDir).some((f) => f.startsWith("schema-engine-"));
}

if (!nativeSchemaEngineInstalled()) {
  const standIn = fileURLToPath(new URL("./scripts/schema-engine/schema-engine", import.meta.url));
  if (existsSync(standIn)) process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= standIn;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // Migrations connect as the owner. A placeholder lets `prisma generate` run on
    // install, before any database exists.
    url: process.env.DATABASE_URL ?? "postgresql://placeholder@localhost:5432/placeholder",
  },
});
