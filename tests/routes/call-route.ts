// Calls a route's loader or action as Remix would, returning what it returned or
// the Response it threw (redirects, 404s).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export async function callRoute<F extends RouteFunction>(
  fn: F,
  options: {
    path: string;
    params?: Record<string, string>;
    cookie?: string;
    form?: Record<string, string>;
    /** Remix's load context, as scripts/server.ts fills it (the client's IP...). */
    context?: Record<string, unknown>;
  },
): Promise<Awaited<ReturnType<F>> | Response> {
  const headers = new Headers();
  if (options.cookie) headers.set("Cookie", options.cookie);
  const init: RequestInit = options.form
    ? { method: "POST", headers, body: new URLSearchParams(options.form) }
    : { headers };
  const request = new Request(`http://localhost${options.path}`, init);
  try {
    return (await fn({ request, params: options.params ?? {}, context: options.context ?? {} })) as Awaited<ReturnType<F>>;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function isResponse(value: unknown): value is Response {
  return value instanceof Response;
}
