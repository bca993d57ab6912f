import { resolve } from 'node:path';

export const defaultJournal = '.instr/journal.jsonl';

/** Where the journal is: --journal, else INSTR_JOURNAL, else .instr/journal.jsonl under cwd. */
export function journalPath(flag: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env): { path: string; explicit: boolean } {
  const chosen = flag ?? (env['INSTR_JOURNAL'] || undefined);
  return { path: resolve(cwd, chosen ?? defaultJournal), explicit: chosen !== undefined };
}
