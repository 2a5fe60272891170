import chromium from "@sparticuz/chromium";

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  // Without these Chromium floods a closed network with refused connections.
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function browserExecutablePath(): Promise<string> {
  return process.env.CHROMIUM_PATH ?? (await chromium.executablePath());
}
