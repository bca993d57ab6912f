import { isAbsolute, join, resolve } from 'node:path';

/** The journal file: `--journal FILE`, else `INSTR_JOURNAL`, else `.instr/journal.jsonl` under the working directory. */
export function journalPath(cwd: string, flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? (env['INSTR_JOURNAL'] || undefined);
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
  return join(cwd, '.instr', 'journal.jsonl');
}
