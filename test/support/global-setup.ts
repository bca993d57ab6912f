import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    seed: number;
    cacheDir: string;
    python: string;
  }
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What the global setup finds once per run. vitest loads this module once per project: with more
 * than one (there is one today), module variables would be found twice (a second cache filled by
 * a second compile, a second search for Python); the main process's globalThis is shared by all.
 */
interface Found {
  temp?: string | undefined;
  cache?: string | undefined;
  python?: string | undefined;
}
const found: Found = ((globalThis as { [key: symbol]: Found })[Symbol.for('instr.test.global-setup')] ??= {});

/**
 * The run's temporary folders go to a RAM file system where there is one with room (Linux's
 * /dev/shm): every record `instr run` journals is fsynced, which waits ~3 ms on this machine's disk
 * and nothing in RAM, and the suite writes several thousand (plus every folder it makes and
 * removes). Set before anything is made, so the shared cache, each test file's folders and the
 * binaries it spawns all inherit it; the workers start after the global setup. INSTR_TEST_TMPDIR
 * names another parent folder ("" keeps the system's).
 */
function runTemp(): string | undefined {
  if (found.temp) return found.temp;
  const given = process.env['INSTR_TEST_TMPDIR'];
  const parent = given ?? '/dev/shm';
  if (parent === '') return undefined;
  try {
    const fs = statfsSync(parent);
    if (given === undefined && fs.bavail * fs.bsize < 2 ** 30) return undefined;
    found.temp = mkdtempSync(join(parent, 'instr-test-'));
    // as /tmp lets them: the PostgreSQL tests run the server as `nobody` in a folder in here
    chmodSync(found.temp, 0o711);
  } catch {
    return undefined;
  }
  process.env['TMPDIR'] = found.temp;
  return found.temp;
}

/**
 * One cache of compiled files for the whole run, in a temporary folder: test files that compile
 * the same instructions (most compile the bundled ones) then do it once, not once per file. Its
 * entries are keyed by the files' bytes, so sharing changes no result; a test about the cache
 * itself names a folder of its own. Filled first by one run of the build, when there is one.
 */
function sharedCache(): string {
  if (found.cache) return found.cache;
  const shared = mkdtempSync(join(tmpdir(), 'instr-test-cache-'));
  found.cache = shared;
  const bin = join(root, 'bin/instr');
  if (existsSync(join(root, 'dist/bundle/cli.js'))) {
    spawnSync(process.execPath, [bin, 'compile', 'instructions', '--quiet'], {
      cwd: root,
      env: { ...process.env, INSTR_CACHE_DIR: shared },
      stdio: 'ignore',
      timeout: 120_000,
    });
  }
  return shared;
}

/**
 * The Python interpreter the pseudo-terminal tests drive the binary with (test/e2e/pty-drive.py),
 * as its own path, found once per run; '' when there is no python3 with the pty module. `python3`
 * on the PATH may be a version manager's shim: pyenv's runs about 25 shell processes before Python
 * starts, ~0.6 s of CPU, which the ~20 drives of the suite would pay each time.
 */
function pythonInterpreter(): string {
  if (found.python !== undefined) return found.python;
  const r = spawnSync('python3', ['-c', 'import pty, sys; print(sys.executable)'], { encoding: 'utf8', timeout: 60_000 });
  found.python = r.status === 0 ? r.stdout.trim() || 'python3' : '';
  return found.python;
}

/** The seed of every random draw in the suite: INSTR_TEST_SEED, else a fixed default, printed once. */
export default function setup(project: TestProject): () => void {
  const given = process.env['INSTR_TEST_SEED'];
  const seed = given === undefined || given === '' ? 20261127 : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`INSTR_TEST_SEED must be an integer, not "${given}"`);
  project.provide('seed', seed);
  runTemp();
  project.provide('cacheDir', sharedCache());
  project.provide('python', pythonInterpreter());
  // Once per run, not once per project.
  if (process.env['INSTR_TEST_SEED_SHOWN'] !== String(seed)) console.log(`random seed ${seed} (INSTR_TEST_SEED=${seed} repeats this run)`);
  process.env['INSTR_TEST_SEED_SHOWN'] = String(seed);
  return () => {
    if (found.cache) rmSync(found.cache, { recursive: true, force: true });
    found.cache = undefined;
    if (found.temp) rmSync(found.temp, { recursive: true, force: true });
    found.temp = undefined;
  };
}
