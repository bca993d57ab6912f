/**
 * A PostgreSQL server for tests: the URL comes from INSTR_TEST_POSTGRES_URL (set by
 * scripts/with-postgres.sh, which `.ci/run` uses). Without it the tests that need a server are
 * skipped, and say so on screen. Each test file works in a database of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';

export const serverUrl = process.env['INSTR_TEST_POSTGRES_URL'] || undefined;

let warned = false;

/** `describe` when a server is available, else a skipped block with a visible reason. */
export function describeWithServer(name: string, body: () => void): void {
  if (serverUrl) {
    // each test talks to a real server and spawns or runs the CLI several times: on a loaded
    // CI machine that is slow, so the limit is generous (no test asserts a time)
    describe(name, { timeout: 120_000 }, body);
    return;
  }
  if (!warned) {
    warned = true;
    process.stderr.write(
      '\n  PostgreSQL tests SKIPPED: INSTR_TEST_POSTGRES_URL is not set. Run `scripts/with-postgres.sh npm test` (as .ci/run does) to start a server for them.\n\n',
    );
  }
  describe.skip(`${name} (skipped: no PostgreSQL server, INSTR_TEST_POSTGRES_URL is not set)`, body);
}

/** The server URL with another database (and optionally other credentials). */
export function urlFor(database: string, credentials?: { user: string; password: string }): string {
  const u = new URL(serverUrl!);
  u.pathname = `/${database}`;
  if (credentials) {
    u.username = encodeURIComponent(credentials.user);
    u.password = encodeURIComponent(credentials.password);
  }
  return u.toString();
}

/** Runs statements as the server's superuser on `database` (default: the server's own). */
export async function admin<T>(work: (client: pg.Client) => Promise<T>, database?: string): Promise<T> {
  const client = new pg.Client({ connectionString: database ? urlFor(database) : serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database; returns its URL and a function that drops it. */
export async function freshDatabase(label: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `instr_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  // a database name cannot be a parameter; `name` is made of [a-z0-9_] only
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return { url: urlFor(name), name, drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}
