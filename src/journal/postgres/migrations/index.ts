import { sql as journal } from './0001-journal.js';

/**
 * The schema's versions, in order. Kept as TypeScript strings rather than .sql files so the
 * compiled package carries them without a copy step.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; sql: string }> = [{ version: 1, name: 'journal', sql: journal }];

export const latestVersion = migrations[migrations.length - 1]!.version;
