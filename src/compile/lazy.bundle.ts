/**
 * lazy.ts as built into dist/bundle (scripts/build.mjs swaps it in): the same packages, each
 * loaded on first use. Those that no other module imports are built into CommonJS files of their
 * own, dist/bundle/lazy/<file>.cjs, so that a command whose files all come from the cache does
 * not even compile them; YAML, which other modules import, stays inside the bundle, where esbuild
 * turns the literal require() below into a module initialised on the first call.
 */
import { createRequire } from 'node:module';

const requireHere = createRequire(import.meta.url);

/** Which file holds which package: the same map as `lazyFiles` in scripts/build.mjs. */
const files: Record<string, string> = {
  unified: 'parser',
  'remark-parse': 'parser',
  'remark-frontmatter': 'parser',
  'micromark-extension-directive': 'parser',
  'mdast-util-directive': 'parser',
  'micromark-extension-gfm-table': 'parser',
  'mdast-util-gfm-table': 'parser',
  rrule: 'rrule',
  '@sindresorhus/slugify': 'slugify',
  'string-width': 'terminal-width',
  'wrap-ansi': 'terminal-width',
};

function fromFile(specifier: string, file: string): unknown {
  const loaded = (requireHere(`./lazy/${file}.cjs`) as { packages: Record<string, unknown> }).packages[specifier];
  if (loaded === undefined) throw new Error(`lazy.bundle.ts: ${specifier} is not in dist/bundle/lazy/${file}.cjs`);
  return loaded;
}

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- a literal require() is what keeps YAML lazy inside the bundle */
const inBundle: Record<string, () => unknown> = { yaml: () => require('yaml') };

export function lazy<T>(specifier: string): () => T {
  const file = Object.hasOwn(files, specifier) ? files[specifier] : undefined;
  const load = file !== undefined ? () => fromFile(specifier, file) : inBundle[specifier];
  // A package missing here would be loaded from outside the bundle: fail the build's tests instead.
  if (!load) throw new Error(`lazy.bundle.ts: no loader for ${specifier}`);
  let loaded: T | undefined;
  return () => (loaded ??= load() as T);
}
