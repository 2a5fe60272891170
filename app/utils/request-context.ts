// What the server (scripts/server.ts) puts in Remix's load context for each request.
import type { AppLoadContext } from "@remix-run/node";

declare module "@remix-run/server-runtime" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce: every inline script carries it. */
    cspNonce?: string;
    /** The client's IP address, as far as the server can trust it (TRUST_PROXY). */
    clientIp?: string;
  }
}

/** The client's IP address, or null when the server did not say (route tests). */
export function clientIpOf(context: AppLoadContext): string | null {
  return typeof context.clientIp === "string" && context.clientIp !== "" ? context.clientIp : null;
}
