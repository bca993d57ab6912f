import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const binPath = fileURLToPath(new URL('../../bin/instr', import.meta.url));

export interface InstrResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary (the build must exist: `npm test` builds first). */
export function runInstr(args: string[], options: SpawnSyncOptions & { input?: string } = {}): InstrResult {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 120_000,
    ...options,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
  });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}
