/**
 * Long text at a terminal goes through the user's pager ($PAGER, else `less`), started without a
 * shell; when there is no terminal, the text fits the screen, or the pager cannot start, it is
 * printed. `less` gets LESSSECURE (no shell escapes or file commands from inside the pager) and,
 * unless the user set LESS, -F -R -X: quit when it fits, keep colours, leave the text on screen.
 */
import { spawnSync } from 'node:child_process';

export interface PageOptions {
  isTTY: boolean;
  /** Terminal height; 0 when unknown. */
  rows: number;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
}

export function pagerCommand(env: NodeJS.ProcessEnv): { command: string; args: string[] } | null {
  const raw = (env['PAGER'] ?? '').trim();
  if (raw === '') return { command: 'less', args: [] };
  // a PAGER of "cat" (or one that only prints) means: no paging
  const [command, ...args] = raw.split(/\s+/);
  if (!command || command === 'cat') return null;
  return { command, args };
}

/** Shows `text` (ending in a newline), paged when it is longer than the screen. Returns whether a pager showed it. */
export function page(text: string, options: PageOptions): boolean {
  const lines = text.split('\n').length;
  const pager = pagerCommand(options.env);
  if (!options.isTTY || options.rows <= 0 || lines < options.rows - 1 || !pager) {
    options.out(text);
    return false;
  }
  const env = { ...options.env, LESS: options.env['LESS'] ?? 'FRX', LESSSECURE: '1' };
  const result = spawnSync(pager.command, pager.args, { input: text, stdio: ['pipe', 'inherit', 'inherit'], env });
  if (result.error) {
    options.out(text);
    return false;
  }
  return true;
}
