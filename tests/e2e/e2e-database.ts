// Direct access to the browser tests' database (the one scripts/e2e-server.ts made),
// for what a browser cannot do: make a user of its own, read the outbox. As the
// owner, outside the app's row-level security.
import { hash } from "@node-rs/argon2";
import pg from "pg";

export function e2eDatabaseUrl() {
  const port = process.env.E2E_PORT ?? "3100";
  const server = process.env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${process.env.EMBEDDED_PG_TEST_PORT ?? "54339"}/postgres`;
  const url = new URL(server);
  url.pathname = `/safer_e2e_${port}`;
  return url.toString();
}

/** Runs `fn` with a connection to the browser tests' database, as its owner. */
export async function withE2eDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A user of this test's own, so no other test's demo account is changed. */
export async function createMember(options: { email: string; name: string; password: string; partnershipSlug: string; role: string }) {
  const passwordHash = await hash(options.password);
  await withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>(
      `insert into "User" (id, email, name, "passwordHash") values (gen_random_uuid(), $1, $2, $3) returning id`,
      [options.email, options.name, passwordHash],
    );
    await client.query(
      `insert into "Membership" (id, "partnershipId", "userId", role)
       select gen_random_uuid(), p.id, $1, $2::"MembershipRole" from "Partnership" p where p.slug = $3`,
      [rows[0]!.id, options.role, options.partnershipSlug],
    );
  });
}

/** The reset token in the newest e-mail to this address. */
export async function latestResetToken(email: string): Promise<string> {
  return withE2eDatabase(async (client) => {
    const { rows } = await client.query<{ text: string }>(
      `select text from "OutboxEmail" where "to" = $1 and subject like 'Reset your%' order by "createdAt" desc limit 1`,
      [email.toLowerCase()],
    );
    const token = rows[0]?.text.match(/\/reset-password\/([a-z2-7]+)/)?.[1];
    if (!token) throw new Error(`no reset e-mail to ${email}`);
    return token;
  });
}

/** Puts a demo partnership's security setting back, so other tests find it as seeded. */
export async function setManagerTwoFactorRequirement(partnershipSlug: string, required: boolean) {
  await withE2eDatabase((client) =>
    client.query(`update "Partnership" set "requireManagerTwoFactor" = $1 where slug = $2`, [required, partnershipSlug]),
  );
}
