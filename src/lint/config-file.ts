import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { exists } from '../fs/exists.js';

/** Apart from config.ts (the YAML parser, the schema, the rules), so that a command can look for the file without loading them. */

const configFileNames = ['instr.config.yaml', 'instr.config.yml'];

/**
 * The config file for a run: `explicit` when given (--config), else the first
 * `instr.config.yaml` found going up from `cwd`, stopping at the repository's top (a folder
 * with `.git`) or the filesystem root. Null when there is none.
 */
export async function findConfigFile(cwd: string, explicit?: string): Promise<string | null> {
  if (explicit !== undefined) return resolve(cwd, explicit);
  let dir = resolve(cwd);
  for (;;) {
    for (const name of configFileNames) {
      const candidate = join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    if (await exists(join(dir, '.git'))) return null;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
