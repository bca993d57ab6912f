import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath as projectBin } from '../e2e/run-instr.js';

/** The binary under test: the project's, or INSTR_TEST_BIN (a build kept apart from one being rebuilt). */
export const binPath = process.env['INSTR_TEST_BIN'] ?? projectBin;

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The long trials (200 kills, 50 MB files) run only under `npm run test:slow`. */
export { scale, slow } from '../support/scale.js';

/** A throwaway folder: instruction files are written here and `instr` runs with it as cwd. */
export function tempFolder(prefix: string): { dir: string; write(name: string, content: string | Uint8Array): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `instr-${prefix}-`));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs the real binary in `cwd`, killed after 120 s (generous: a shared machine under load) so that a hang fails instead of blocking. The
 * cache and the journal are the temporary ones test/support/setup.ts names in the environment.
 */
export function instr(cwd: string, args: string[], env: Record<string, string> = {}): Outcome {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** Valid front matter, so that whatever follows is what the test is about. */
export const frontMatter = '---\nid: hostile\ntitle: Hostile\nlang: en\n---\n\n';

/** Nothing that looks like a JavaScript stack trace or an internal error. */
export const stackTrace = /\n\s+at .+\(.+:\d+:\d+\)|internal error|RangeError|TypeError|ReferenceError/;

/** C0 controls but tab and newline, DEL, and C1 controls: none may reach a terminal. */
export const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Several hostile files fed to one run of the binary (each process start costs ~0.3 s of CPU):
 * the files are written into `dir`, `instr <args> <dir>` runs once, on first use, and each test
 * checks the diagnostics at its own file's line. Every file is still read by the real binary.
 * `named` passes each file by its path instead of the folder, as a user who names a file does: a
 * folder's walk leaves out a file that does not start like an instruction (UTF-16, for one).
 */
export function oneRun(
  cwd: string,
  dir: string,
  files: Record<string, string | Uint8Array>,
  args: string[],
  { named = false }: { named?: boolean } = {},
): () => Outcome {
  let outcome: Outcome | undefined;
  return () => {
    if (outcome) return outcome;
    mkdirSync(join(cwd, dir), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, dir, name), text);
    outcome = instr(cwd, [...args, ...(named ? Object.keys(files).map((name) => `${dir}/${name}`) : [dir])]);
    return outcome;
  };
}

/** The stderr lines of a `oneRun` about one of its files (`dir/name`): a test checks only its own. */
export function linesOf(r: Outcome, path: string): string {
  return r.stderr
    .split('\n')
    .filter((l) => l.startsWith(`${path}:`))
    .join('\n');
}

/**
 * An error among a file's own lines: what makes `compile` exit 1 for that file alone. Files in one
 * run get ids of their own (no duplicate-id error from a neighbour), so one file cannot make another fail.
 */
export const errorLine = /^\S+:\d+:\d+\s+error\s/m;

/** The same text under another instruction id, so that files compiled together do not collide. */
export const withId = (text: string, id: string): string => text.replace(/^id: hostile$/m, `id: ${id}`);
