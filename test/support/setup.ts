import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, inject } from 'vitest';

/**
 * Every test file starts hermetic: the journal lives in a temporary folder of its own and the
 * cache in the run's temporary one, never in the repository or the user's home, and the CLI's
 * process-wide switches are off.
 * Random draws (fast-check, the kill trial) come from the seed the global setup printed.
 */
const home = mkdtempSync(join(tmpdir(), 'instr-test-'));
// The run's shared cache (test/support/global-setup.ts): compiled files are keyed by their bytes.
process.env['INSTR_CACHE_DIR'] = inject('cacheDir');
// An empty journal, not a missing one: a journal named by INSTR_JOURNAL must exist for agenda and report.
process.env['INSTR_JOURNAL'] = join(home, 'journal.jsonl');
writeFileSync(process.env['INSTR_JOURNAL'], '');
for (const key of ['INSTR_NO_CACHE', 'INSTR_DEBUG', 'INSTR_NOW']) delete process.env[key];
process.env['NO_COLOR'] = '1';
delete process.env['FORCE_COLOR'];

fc.configureGlobal({ seed: inject('seed') });

afterAll(() => rmSync(home, { recursive: true, force: true }));
