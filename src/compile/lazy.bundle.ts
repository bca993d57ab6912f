/**
 * lazy.ts as built into dist/bundle (scripts/build.mjs swaps it in): the same packages, each
 * loaded on first use, but from inside the bundle. esbuild turns each literal require() below into
 * a module initialised on the first call, so start-up still does not pay for the parser.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- literal require() is what keeps these lazy inside the bundle */
const loaders: Record<string, () => unknown> = {
  unified: () => require('unified'),
  'remark-parse': () => require('remark-parse'),
  'remark-frontmatter': () => require('remark-frontmatter'),
  'micromark-extension-directive': () => require('micromark-extension-directive'),
  'mdast-util-directive': () => require('mdast-util-directive'),
  'micromark-extension-gfm-table': () => require('micromark-extension-gfm-table'),
  'mdast-util-gfm-table': () => require('mdast-util-gfm-table'),
  rrule: () => require('rrule'),
  '@sindresorhus/slugify': () => require('@sindresorhus/slugify'),
  yaml: () => require('yaml'),
};

export function lazy<T>(specifier: string): () => T {
  const load = loaders[specifier];
  // A package missing here would be loaded from outside the bundle: fail the build's tests instead.
  if (!load) throw new Error(`lazy.bundle.ts: no loader for ${specifier}`);
  let loaded: T | undefined;
  return () => (loaded ??= load() as T);
}
