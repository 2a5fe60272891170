import type { TestProject } from "vitest/node";
import { dropDatabase } from "../../scripts/lib/database.js";
import { createMigratedDatabase, startTestServer } from "./test-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const name = `safer_test_${Date.now()}_${process.pid}`;
  const urls = await createMigratedDatabase(server.serverUrl, name);
  project.provide("ownerUrl", urls.ownerUrl);
  project.provide("appUrl", urls.appUrl);
  return async () => {
    await dropDatabase(server.serverUrl, name);
    await server.stop();
  };
}
