#!/usr/bin/env node
/**
 * The last step of `prepare` (so of `npm ci` in a clone): compiles the bundled instructions once,
 * as `instr list` does, so that the first command the README shows reads them from the cache of
 * compiled files instead of parsing ~160 KB of Markdown (~1.5 s of CPU on a busy machine).
 *
 * The entries go where every command puts them: the user's cache folder (INSTR_CACHE_DIR,
 * XDG_CACHE_HOME, ~/.cache/instr), sealed with this machine's secret, keyed by the files' bytes
 * and this very build (docs/cache.md). Nothing is written into the repository, and an edited
 * instruction or a rebuilt `instr` simply misses. Best effort: a failure here (a read-only cache
 * folder, no instructions) costs the first command its speed, never the install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Twice: the first run compiles and stores the files; the second finds them all in the cache and
// leaves the mark that their linked graph passed the schema check, which a command whose files
// were all read from the cache looks for (src/compile/compile-paths.ts).
if (process.env.INSTR_NO_CACHE !== '1' && existsSync(join(root, 'instructions')))
  for (let i = 0; i < 2; i++) spawnSync(process.execPath, [join(root, 'bin', 'instr'), 'list'], { cwd: root, stdio: 'ignore', timeout: 120_000 });
