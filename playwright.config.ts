import { defineConfig } from "@playwright/test";
import { browserExecutablePath, BROWSER_ARGS } from "./tests/e2e/browser";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// The browser comes from npm (@sparticuz/chromium), so a fresh machine needs no
// download; CHROMIUM_PATH points at another (e.g. Debian's /usr/bin/chromium).
export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: await browserExecutablePath(), args: BROWSER_ARGS },
    trace: "off",
  },
  webServer: {
    command: "tsx scripts/e2e-server.ts",
    url: `http://localhost:${PORT}/healthz`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT) },
    stdout: "pipe",
    stderr: "pipe",
  },
});
