import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

let cached: string | undefined;

/**
 * What the compiler's output depends on besides the input: package.json (version, dependencies),
 * the code of the parser and compiler themselves and the schemas (so a rebuilt `instr` never reads
 * entries written by an older one).
 * Computed once per process: from the build's recorded hash, or from ~30 source files (a millisecond).
 */
export function toolFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  // package.json: the version and the dependency ranges (a new parser version must not reuse entries).
  hash.update(readFileSync(new URL('../../package.json', import.meta.url))).update('\0');
  // The build records the hash of its whole code (scripts/build.mjs); from the sources, hash them.
  const built = readBuildHash();
  const dirs = built === null ? ['../compile/', '../parse/', '../graph/', '../diagnostics/', '../../schemas/'] : ['../../schemas/'];
  if (built !== null) hash.update(built).update('\0');
  for (const dir of dirs) {
    const url = new URL(dir, import.meta.url);
    let names: string[];
    try {
      names = readdirSync(url)
        .filter((n) => /\.(?:js|ts|json)$/.test(n) && !n.endsWith('.test.ts'))
        .sort();
    } catch {
      continue;
    }
    for (const name of names)
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(new URL(name, url)))
        .update('\0');
  }
  cached = hash.digest('hex');
  return cached;
}

/** The hash scripts/build.mjs recorded of the whole bundle, or null when running from the sources. */
export function readBuildHash(): string | null {
  try {
    return readFileSync(new URL('./build-hash.txt', import.meta.url), 'utf8');
  } catch {
    return null;
  }
}
