/** A 404 that says nothing about whether the thing exists elsewhere. */
export function notFound(message = "Page not found") {
  return new Response(message, { status: 404 });
}

/** Throws a Response (404 unless told otherwise) when the condition fails. */
export function invariantResponse(condition: unknown, message = "Page not found", status = 404): asserts condition {
  if (!condition) throw new Response(message, { status });
}
