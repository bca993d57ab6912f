/**
 * Builds dist/bundle/: the command (cli.js), the parse worker (worker.js) and the programmatic entry
 * for the bench and the build's own tests (api.js), bundled by esbuild with their dependencies.
 *
 * Why a bundle: Node's ES module loader resolves, reads and links every file on its own. The tsc
 * output was ~230 files plus ~300 from node_modules, and loading them was most of a start-up
 * (docs/performance.md has the figures). Type checking is `npm run typecheck` (tsc, no output).
 *
 * The parser packages stay lazy: src/compile/lazy.ts is swapped for lazy.bundle.ts, whose literal
 * require() calls esbuild turns into modules initialised on first use, inside the bundle.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');

/** lazy.js → lazy.bundle.ts, for every importer. */
const lazyInBundle = {
  name: 'lazy-in-bundle',
  setup(b) {
    b.onResolve({ filter: /(^|\/)lazy\.js$/ }, (args) =>
      args.importer.startsWith(join(root, 'src')) ? { path: join(root, 'src/compile/lazy.bundle.ts') } : undefined,
    );
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/compile/worker.ts', api: 'src/api.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  chunkNames: 'chunk-[hash]',
  // CommonJS packages inside the bundle require Node's own modules through esbuild's shim, which
  // needs a `require` in scope. A global one, so that no module's own `require` binding collides.
  banner: { js: "import { createRequire as __instrCreateRequire } from 'node:module'; globalThis.require ??= __instrCreateRequire(import.meta.url);" },
  plugins: [lazyInBundle],
  legalComments: 'none',
  logLevel: 'warning',
});

// The cache's key includes the code that made an entry (src/cache/fingerprint.ts): one hash of the
// whole bundle, so a command does not hash 3 MB of code at every start.
const hash = createHash('sha256');
for (const name of readdirSync(outdir).sort())
  hash
    .update(name)
    .update('\0')
    .update(readFileSync(join(outdir, name)))
    .update('\0');
writeFileSync(join(outdir, 'build-hash.txt'), hash.digest('hex'));
