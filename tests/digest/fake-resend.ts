// Resend's batch endpoint as the tests need it: POST /emails/batch with at most 100
// e-mails; an Idempotency-Key seen before (Resend keeps them 24 hours) answers with the
// first response and delivers nothing; the same key with another payload is refused
// (409 invalid_idempotent_request). Every distinct e-mail delivered is recorded.
// Served two ways: MSW handlers (in-process tests) and a loopback HTTP server (the
// worker runs as a child process there, so it must be real HTTP).
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { http as mswHttp, HttpResponse } from "msw";

export type Delivered = { id: string; to: string; subject: string; html: string; text: string; key: string | null; headers?: Record<string, string> };
type Answer = { status: number; body: unknown };

export class FakeResend {
  readonly delivered: Delivered[] = [];
  readonly requests: Array<{ key: string | null; count: number; status: number }> = [];
  private readonly byKey = new Map<string, { hash: string; answer: Answer }>();
  private failures: number[] = [];

  /** The next calls answer these HTTP statuses (429, 500...) without delivering. */
  failNext(...statuses: number[]) {
    this.failures.push(...statuses);
  }

  handle(key: string | null, payload: unknown): Answer {
    const answer = this.answer(key, payload);
    this.requests.push({ key, count: Array.isArray(payload) ? payload.length : 0, status: answer.status });
    return answer;
  }

  private answer(key: string | null, payload: unknown): Answer {
    const failure = this.failures.shift();
    if (failure) return { status: failure, body: { statusCode: failure, name: failure === 429 ? "rate_limit_exceeded" : "internal_server_error", message: `Injected ${failure}` } };
    if (!Array.isArray(payload) || payload.length === 0 || payload.length > 100) {
      return { status: 422, body: { statusCode: 422, name: "validation_error", message: "A batch holds 1 to 100 e-mails" } };
    }
    const hash = createHash("sha256").update(JSON.stringify(payload)).digest("hex");
    if (key) {
      const seen = this.byKey.get(key);
      if (seen && seen.hash !== hash) {
        return { status: 409, body: { statusCode: 409, name: "invalid_idempotent_request", message: "Same idempotency key, different payload" } };
      }
      if (seen) return seen.answer;
    }
    const ids = (payload as Array<{ to: string | string[]; subject: string; html: string; text: string; headers?: Record<string, string> }>).map((email) => {
      const id = randomUUID();
      this.delivered.push({ id, to: [email.to].flat()[0]!, subject: email.subject, html: email.html, text: email.text, key, headers: email.headers });
      return { id };
    });
    const answer = { status: 200, body: { data: ids } };
    if (key) this.byKey.set(key, { hash, answer });
    return answer;
  }

  /** How many distinct e-mails each address received. */
  countsByRecipient(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const email of this.delivered) counts.set(email.to, (counts.get(email.to) ?? 0) + 1);
    return counts;
  }

  mswHandlers(baseUrl = "https://api.resend.com") {
    return [
      mswHttp.post(`${baseUrl}/emails/batch`, async ({ request }) => {
        const answer = this.handle(request.headers.get("idempotency-key"), await request.json());
        return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status });
      }),
    ];
  }

  /** A loopback server; point RESEND_BASE_URL at the URL it returns. */
  async listen(): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        let answer: Answer;
        if (request.method !== "POST" || request.url !== "/emails/batch") answer = { status: 404, body: { message: "not found" } };
        else {
          const key = request.headers["idempotency-key"];
          answer = this.handle(typeof key === "string" ? key : null, JSON.parse(Buffer.concat(chunks).toString("utf8")));
        }
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }
}
