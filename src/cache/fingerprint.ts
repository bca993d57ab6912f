import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

let cached: string | undefined;

/**
 * What the compiler's output depends on besides the input: package.json (version, dependencies),
 * the code of the parser and compiler themselves and the schemas (so a rebuilt `instr` never reads
 * entries written by an older one).
 * Computed once per process from ~30 small files: about a millisecond.
 */
export function toolFingerprint(): string {
  if (cached !== undefined) return cached;
  const hash = createHash('sha256');
  // package.json: the version and the dependency ranges (a new parser version must not reuse entries).
  hash.update(readFileSync(new URL('../../package.json', import.meta.url))).update('\0');
  for (const dir of ['../compile/', '../parse/', '../graph/', '../diagnostics/', '../../schemas/']) {
    const url = new URL(dir, import.meta.url);
    let names: string[];
    try {
      names = readdirSync(url).filter((n) => /\.(?:js|ts|json)$/.test(n) && !n.endsWith('.test.ts')).sort();
    } catch {
      continue;
    }
    for (const name of names) hash.update(name).update('\0').update(readFileSync(new URL(name, url))).update('\0');
  }
  cached = hash.digest('hex');
  return cached;
}
