import type { ClientBase } from 'pg';
import { sql as journal } from './0001-journal.js';
import { sql as runSummaries } from './0002-run-summaries.js';
import { refoldStale } from '../run-summaries.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work the SQL cannot do (instr's own fold), in the migration's transaction, after its SQL. */
  after?: (client: ClientBase) => Promise<void>;
}

/**
 * The schema's versions, in order. Kept as TypeScript strings rather than .sql files so the
 * compiled package carries them without a copy step.
 */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'journal', sql: journal },
  { version: 2, name: 'run summaries', sql: runSummaries, after: (client) => refoldStale((text, values) => client.query(text, values)).then(() => undefined) },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
