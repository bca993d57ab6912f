/**
 * Brings the database to the schema this instr knows, on first use. The version is read without a
 * lock (the common case: nothing to do, and a role that may only insert and read gets this far);
 * otherwise one process at a time, under a transaction-level advisory lock, applies what is missing
 * and records each version, all in one transaction (PostgreSQL's DDL is transactional: a failed
 * migration leaves nothing half-made).
 */
import type { ClientBase } from 'pg';
import { latestVersion, migrations } from './migrations/index.js';

/** Any fixed number: the advisory lock that serialises instr's migrations on this database. */
const LOCK_KEY = 0x696e7374; // "inst"

class SchemaError extends Error {}

/** The version the database is at; 0 before the first migration. One round trip when it is set up. */
export async function schemaVersion(client: ClientBase): Promise<number> {
  try {
    const r = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM instr_schema_migrations');
    return r.rows[0]?.v ?? 0;
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0; // undefined_table: a new database
    throw error;
  }
}

/** Applies the missing migrations; returns the versions applied (empty when up to date). */
export async function migrate(client: ClientBase): Promise<number[]> {
  const current = await schemaVersion(client);
  if (current > latestVersion)
    throw new SchemaError(`the journal's schema is version ${current}, newer than this instr knows (${latestVersion}): update instr`);
  if (current === latestVersion) return [];
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS instr_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    // another process may have migrated while this one waited for the lock
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM instr_schema_migrations')).rows.map((r) => r.version));
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await m.after?.(client);
      await client.query('INSERT INTO instr_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const code = (error as { code?: string }).code;
    if (code === '42501')
      throw new SchemaError(
        `the journal's tables are not set up (schema version ${current} of ${latestVersion}) and this role may not create them: run \`instr journal migrate\` once as the database owner`,
      );
    throw error;
  }
  return applied;
}
