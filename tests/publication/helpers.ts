// Calling the public routes as a signed-out visitor would.
export type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

/** Calls a public loader as Remix would, with no cookie: what it returned, as status, headers and body text. */
export async function fetchPublic(loader: Loader, slug: string, path: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/p/${slug}${path}`, { headers });
  let result: unknown;
  try {
    result = await loader({ request, params: { slug }, context: {} });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, headers: result.headers, body: await result.text() };
  }
  // Remix's data(): { data, init }.
  const { data, init } = result as { data: unknown; init: { status?: number; headers?: Record<string, string> } | null };
  return { status: init?.status ?? 200, headers: new Headers(init?.headers), body: data === null ? "" : JSON.stringify(data) };
}

