/**
 * Which journal a command uses: `--journal`, else `INSTR_JOURNAL`, else `journal:` in the
 * instr.config.yaml found upward from the working folder, else `.instr/journal.jsonl`. Each may be
 * a file or a postgres:// URL. With a URL the runner still appends to the local file first: it is
 * the outbox that is uploaded, and what is left when the server cannot be reached.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isPostgresUrl } from './postgres/connection.js';

/** The names `instr lint` looks for too (src/lint/config.ts); not imported, to keep `run` light. */
const configNames = ['instr.config.yaml', 'instr.config.yml'];

export type JournalChoice =
  | { kind: 'file'; path: string; explicit: boolean }
  | {
      kind: 'postgres';
      url: string;
      /** The local journal: outbox and offline copy. */
      outbox: string;
      from: 'flag' | 'env' | 'config';
    };

export async function chooseJournal(cwd: string, flag?: string, env: NodeJS.ProcessEnv = process.env): Promise<JournalChoice> {
  const local = join(cwd, '.instr', 'journal.jsonl');
  if (flag)
    return isPostgresUrl(flag) ? { kind: 'postgres', url: flag, outbox: local, from: 'flag' } : { kind: 'file', path: resolve(cwd, flag), explicit: true };
  const fromEnv = env['INSTR_JOURNAL'];
  if (fromEnv)
    return isPostgresUrl(fromEnv)
      ? { kind: 'postgres', url: fromEnv, outbox: local, from: 'env' }
      : { kind: 'file', path: resolve(cwd, fromEnv), explicit: true };
  const configured = await configuredJournal(cwd);
  if (configured) {
    if (isPostgresUrl(configured.value)) return { kind: 'postgres', url: configured.value, outbox: local, from: 'config' };
    return { kind: 'file', path: isAbsolute(configured.value) ? configured.value : resolve(dirname(configured.file), configured.value), explicit: true };
  }
  return { kind: 'file', path: local, explicit: false };
}

/** `journal:` of the config file, when there is one and it says so (the whole file is validated by lint). */
async function configuredJournal(cwd: string): Promise<{ file: string; value: string } | null> {
  const file = findConfig(cwd);
  if (!file) return null;
  try {
    // yaml is CommonJS: in the bundle an import() of it has only `default` (a named `parse` was
    // undefined there, and the setting was ignored without a word; test/e2e/journal-config.test.ts)
    const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    const parseYaml = yaml.parse ?? yaml.default!.parse;
    const data: unknown = parseYaml(await readFile(file, 'utf8'), { maxAliasCount: 50 });
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['journal'] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? { file, value: value.trim() } : null;
  } catch {
    return null;
  }
}

/** The first config file going up from `cwd`, stopping at a repository's top or the root. */
function findConfig(cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of configNames) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return null;
  }
}
