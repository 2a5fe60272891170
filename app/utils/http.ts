/** A 404 that says nothing about whether the thing exists elsewhere. */
export function notFound(message = "Page not found") {
  return new Response(message, { status: 404 });
}

/** Throws a Response (404 unless told otherwise) when the condition fails. */
export function invariantResponse(condition: unknown, message = "Page not found", status = 404): asserts condition {
  if (!condition) throw new Response(message, { status });
}

/** PostgreSQL error codes that mean "the server is not there", not "the query is wrong". */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|timeout exceeded when trying to connect|Can't reach database|the database system is (shutting down|starting up)|terminating connection|Unable to start a transaction in the given time|Client has encountered a connection error/i;

/**
 * True when an error (or one it wraps) says the database cannot be reached: such
 * a request is answered 503, "try again", rather than 500, "we have a bug".
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, message, cause, originalCode, kind } = error as Record<string, unknown>;
  if (typeof code === "string" && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))) return true;
  if (typeof originalCode === "string" && UNAVAILABLE_SQLSTATES.has(originalCode)) return true;
  if (kind === "DatabaseNotReachable" || kind === "ConnectionClosed" || kind === "SocketTimeout") return true;
  if (typeof message === "string" && UNAVAILABLE_MESSAGE.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
