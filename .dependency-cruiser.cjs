/**
 * The layer and cycle check of `npm test` (`npm run deps`); the rules are explained in
 * docs/architecture.md. Any cycle or layer breach fails it: there is no list of known violations.
 *
 * Layers, lowest first; a folder may import its own layer's shared utilities and anything below:
 *   shared utilities  text fs i18n diagnostics types graph git schedule calendar
 *   parse
 *   compile           compile cache
 *   analyze
 *   record stores     journal inbox        (what runs leave behind, read by several consumers)
 *   presentation      render
 *   consumers         run lint diff search report agenda scenario   (not each other's insides)
 *   CLI               src/cli, src/api.ts  (nothing else imports them)
 */
const shared = 'text|fs|i18n|diagnostics|types|graph|git|schedule|calendar';
const stores = 'journal|inbox';
const consumers = 'run|lint|diff|search|report|agenda|scenario';
const above = (...layers) => `^src/(${layers.join('|')})/`;

/** A layer must not import a folder of a layer above it. */
const below = (name, from, to, allowed) => ({
  name,
  severity: 'error',
  comment: `${from} is below ${to} in the pipeline (docs/architecture.md)`,
  from: { path: above(from), pathNot: '\\.test\\.ts$' },
  to: { path: above(to), ...(allowed ? { pathNot: allowed } : {}) },
});
/**
 * The lazy package loader stays beside its bundle twin (compile/lazy.bundle.ts, which the build
 * swaps in by that path); the parser uses it too.
 */
const lazyLoader = '^src/compile/lazy\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only and dynamic imports included.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'nothing-imports-the-cli',
      severity: 'error',
      comment:
        'Only src/cli (and the programmatic entry src/api.ts) know arguments, exit codes and the terminal; the CLI maps domain errors to exit codes (src/cli/errors.ts).',
      from: { path: '^src/', pathNot: '^src/(cli/|api\\.ts$)' },
      to: { path: '^src/(cli/|api\\.ts$)' },
    },
    below('shared-utilities-import-only-shared-utilities', shared, `parse|compile|cache|analyze|${stores}|render|${consumers}`),
    below('parse-is-below-compile', 'parse', `compile|cache|analyze|${stores}|render|${consumers}`, lazyLoader),
    below('compile-is-below-analyze', 'compile|cache', `analyze|${stores}|render|${consumers}`),
    below('analyze-is-below-the-consumers', 'analyze', `${stores}|render|${consumers}`),
    below('record-stores-are-below-the-consumers', stores, `render|${consumers}`),
    below('render-is-below-the-consumers', 'render', consumers),
    {
      name: 'record-stores-stay-apart',
      severity: 'error',
      comment: 'The journal and the inbox do not read each other.',
      from: { path: `^src/(${stores})/` },
      to: { path: `^src/(${stores})/`, pathNot: '^src/$1/' },
    },
    {
      name: 'consumers-stay-apart',
      severity: 'error',
      comment:
        "A consumer depends on the graph, the analyses, the stores and render, not on another consumer's insides. The one public entry shared: the run engine (a pure state machine) that scenarios drive.",
      from: { path: `^src/(${consumers})/`, pathNot: '\\.test\\.ts$' },
      to: { path: `^src/(${consumers})/`, pathNot: ['^src/$1/', '^src/run/engine\\.ts$'] },
    },
    {
      name: 'child-processes-in-two-places',
      severity: 'error',
      comment: 'A child process only from src/git/ (git, with its hardened environment) and src/run/pager.ts (the pager, no shell).',
      from: { path: '^src/', pathNot: ['^src/git/', '^src/run/pager\\.ts$', '\\.test\\.ts$'] },
      to: { path: '^(node:)?child_process$' },
    },
    {
      name: 'no-tests-from-src',
      severity: 'error',
      comment: 'Production code never imports a test or a test helper.',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { path: '(\\.test\\.ts$|^test/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.json'] },
  },
};
