/**
 * Which journal a command uses: `--journal`, else `INSTR_JOURNAL`, else `journal:` in the
 * instr.config.yaml found upward from the working folder, else `.instr/journal.jsonl`. Each may be
 * a file or a postgres:// URL. With a URL the runner still appends to the local file first: it is
 * the outbox that is uploaded, and what is left when the server cannot be reached.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { readRegularFile } from '../fs/safe-open.js';
import { isPostgresUrl } from './postgres/connection.js';

/** The names `instr lint` looks for too (src/lint/config.ts); not imported, to keep `run` light. */
const configNames = ['instr.config.yaml', 'instr.config.yml'];
/** As lint's limit (src/lint/config.ts). */
const maxConfigBytes = 1024 * 1024;

export type JournalChoice =
  | { kind: 'file'; path: string; explicit: boolean }
  | {
      kind: 'postgres';
      url: string;
      /** The local journal: outbox and offline copy. */
      outbox: string;
      from: 'flag' | 'env' | 'config';
    };

/**
 * The config file is there but its `journal:` cannot be read from it (not YAML, not a regular file,
 * not text). Never a silent fall back to the local file: the runs would not reach the server the
 * firm set up. The CLI says what is wrong at its line and column (src/cli/refusal-text.ts).
 */
export class JournalConfigError extends Error {
  override name = 'JournalConfigError';
  constructor(readonly file: string) {
    super(`${file}: the journal setting cannot be read`);
  }
}

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
  let data: unknown;
  try {
    // yaml is CommonJS: in the bundle an import() of it has only `default` (a named `parse` was
    // undefined there, and the setting was ignored without a word; test/e2e/journal-config.test.ts)
    const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    const parseYaml = yaml.parse ?? yaml.default!.parse;
    data = parseYaml((await readRegularFile(file, maxConfigBytes)).toString('utf8'), { maxAliasCount: 50 });
  } catch {
    throw new JournalConfigError(file);
  }
  const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['journal'] : undefined;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.trim() === '') throw new JournalConfigError(file);
  return { file, value: value.trim() };
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
