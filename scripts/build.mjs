/**
 * Builds dist/bundle/: the command (cli.js), the parse worker (worker.js) and the programmatic entry
 * for the bench and the build's own tests (api.js), bundled by esbuild with their dependencies.
 *
 * Why a bundle: Node's ES module loader resolves, reads and links every file on its own. The tsc
 * output was ~230 files plus ~300 from node_modules, and loading them was most of a start-up
 * (docs/performance.md has the figures). Type checking is `npm run typecheck` (tsc, no output).
 *
 * The parser packages stay lazy: src/compile/lazy.ts is swapped for lazy.bundle.ts, whose literal
 * require() calls esbuild turns into modules initialised on first use, inside the bundle. Code
 * that most commands never run is not in the bundle at all, so that V8 does not compile it at every
 * start: the Markdown parser, rrule and slugify (dist/bundle/lazy/<file>.cjs) and the precompiled
 * schema validators (~590 KB, dist/bundle/validators/<name>.cjs) are CommonJS files of their own,
 * required on first use (src/compile/lazy.bundle.ts, src/graph/precompiled.bundle.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');

/** A module of src with a twin `<name>.bundle.ts` beside it (lazy.ts, precompiled.ts) is built from its twin. */
const bundleTwins = {
  name: 'bundle-twins',
  setup(b) {
    b.onResolve({ filter: /^\.{1,2}\/.*\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(root, 'src'))) return undefined;
      const twin = resolve(args.resolveDir, args.path.replace(/\.js$/, '.bundle.ts'));
      return existsSync(twin) ? { path: twin } : undefined;
    });
  },
};

/**
 * Packages loaded on first use (src/compile/lazy.ts) that no other module imports, built into
 * CommonJS files of their own, dist/bundle/lazy/<file>.cjs: the same map as in
 * src/compile/lazy.bundle.ts. A start whose files all come from the cache compiles none of them.
 */
const lazyFiles = {
  parser: [
    'unified',
    'remark-parse',
    'remark-frontmatter',
    'micromark-extension-directive',
    'mdast-util-directive',
    'micromark-extension-gfm-table',
    'mdast-util-gfm-table',
  ],
  rrule: ['rrule'],
  slugify: ['@sindresorhus/slugify'],
  'terminal-width': ['string-width', 'wrap-ansi'],
};

/**
 * pg asks at load whether it runs in a Cloudflare Worker; on Node 20 (no `navigator`) it answers
 * by touching the global `Response`, which makes Node load its whole fetch implementation (undici):
 * about 70 ms of CPU in every command that uses the team journal, before its first prompt. The bundle is
 * for Node only, so the answer is no.
 */
const pgOnNode = {
  name: 'pg-on-node',
  setup(b) {
    b.onLoad({ filter: /[\\/]pg[\\/]lib[\\/]stream\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const probe = 'function isCloudflareRuntime() {';
      if (!text.includes(probe)) throw new Error(`pg-on-node: ${args.path} no longer has ${probe}; check the plugin`);
      return { contents: text.replace(probe, `${probe}\n  return false;`), loader: 'js' };
    });
  },
};

/**
 * snowball-stemmers is one 870 KB file with 24 languages, and defining each language's class
 * runs at load: ~50 ms of CPU in every command that stems a word (a warm `instr search` among
 * them), for 22 languages instr never uses. Only Russian and English are kept (src/text/words.ts);
 * asking the bundle for another stemmer fails loudly. The build fails if the file's layout changes.
 */
const stemmerLanguages = ['russian', 'english'];
const snowballTwoLanguages = {
  name: 'snowball-two-languages',
  setup(b) {
    b.onLoad({ filter: /[\\/]snowball-stemmers[\\/]snowball-stemmers\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const start = /^ {4}var (\w+)Stemmer = function \(_SnowballStemmer\d*\) \{$/gm;
      const end = '\n    }(SnowballStemmer);\n';
      let out = '';
      let last = 0;
      const seen = [];
      for (let m = start.exec(text); m; m = start.exec(text)) {
        const language = m[1];
        const stop = text.indexOf(end, m.index);
        if (stop === -1) throw new Error(`snowball-two-languages: no end of ${language} in ${args.path}; check the plugin`);
        seen.push(language);
        if (stemmerLanguages.includes(language)) continue;
        out += `${text.slice(last, m.index)}    var ${language}Stemmer = function () { throw new Error('instr bundles only the ${stemmerLanguages.join(' and ')} stemmers'); };\n`;
        last = stop + end.length;
      }
      out += text.slice(last);
      if (seen.length < 20 || !stemmerLanguages.every((l) => seen.includes(l)) || !out.includes('function newStemmer(lng)'))
        throw new Error(`snowball-two-languages: ${args.path} no longer has the layout expected (found ${seen.join(', ')}); check the plugin`);
      return { contents: out, loader: 'js' };
    });
  },
};

/**
 * commander requires node:child_process at load, for stand-alone executable subcommands, which
 * instr does not have: loading it (and the network modules it needs) cost every command ~13 M
 * instructions before its first line. It is required when a subcommand is spawned, if ever.
 */
const commanderLazyChildProcess = {
  name: 'commander-lazy-child-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!text.includes(eager) || (text.match(/childProcess\./g) ?? []).length !== (text.match(/childProcess\.spawn\(/g) ?? []).length)
        throw new Error(`commander-lazy-child-process: ${args.path} no longer requires child_process as expected; check the plugin`);
      const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
      return { contents: text.replace(eager, lazy), loader: 'js' };
    });
  },
};

/**
 * chalk detects the terminal's colours at load (its vendored supports-color: node:os, node:tty and
 * the environment), for its default instance, which instr never uses: every Io builds its own
 * `new Chalk({ level })` from colorLevel() (src/cli/io.ts). The detection cost every command
 * ~14 M instructions before its first line; the bundle gives chalk "no colour detected" instead.
 * The build fails if chalk stops reading it the way this expects.
 */
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => {
      if (!/[\\/]chalk[\\/]source[\\/]index\.js$/.test(args.importer))
        throw new Error(`chalk-without-detection: ${args.importer} imports #supports-color; check the plugin`);
      const text = readFileSync(args.importer, 'utf8');
      if (!text.includes("import supportsColor from '#supports-color';") || !text.includes('const {stdout: stdoutColor, stderr: stderrColor} = supportsColor;'))
        throw new Error(`chalk-without-detection: ${args.importer} no longer reads supports-color as expected; check the plugin`);
      return { path: 'supports-color', namespace: 'chalk-no-detection' };
    });
    b.onLoad({ filter: /.*/, namespace: 'chalk-no-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
const esm = {
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // CommonJS packages inside the bundle require Node's own modules through esbuild's shim, which
  // needs a `require` in scope. A global one, so that no module's own `require` binding collides.
  banner: { js: "import { createRequire as __instrCreateRequire } from 'node:module'; globalThis.require ??= __instrCreateRequire(import.meta.url);" },
  plugins: [bundleTwins, pgOnNode, snowballTwoLanguages, commanderLazyChildProcess, chalkWithoutDetection],
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...esm, entryPoints: { cli: 'src/cli/main.ts', worker: 'src/compile/worker.ts', api: 'src/api.ts' }, chunkNames: 'chunk-[hash]' });

/**
 * `instr list` without commander (src/cli/fast.ts), built on its own: in the build above its
 * modules are cut into ~30 chunks shared with other commands, and each ES module costs a start
 * its resolution, read, compile and link (~2.5 M instructions each here, by valgrind); alone, a warm list
 * loads 10. Its chunks (fast-*.js) lie beside the others, so paths relative to the bundle
 * (worker.js, lazy/, validators/, build-hash.txt) hold. It shares no module instance with
 * cli.js: bin/instr loads one or the other.
 */
await build({ ...esm, entryPoints: { fast: 'src/cli/fast.ts' }, chunkNames: 'fast-[hash]' });

for (const [file, packages] of Object.entries(lazyFiles))
  await build({
    absWorkingDir: root,
    stdin: {
      contents: `${packages.map((p, i) => `import * as p${i} from '${p}';`).join('\n')}\nexport const packages = { ${packages.map((p, i) => `'${p}': p${i}`).join(', ')} };`,
      resolveDir: root,
      sourcefile: `${file}.js`,
    },
    outfile: join(outdir, 'lazy', `${file}.cjs`),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20.19',
    legalComments: 'none',
    logLevel: 'warning',
  });

// The validators, one CommonJS file each (they `require` ajv's runtime helpers from node_modules,
// relative to their own file, as they do from src/).
const validators = join(root, 'src/graph/validators');
await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(
    readdirSync(validators)
      .filter((f) => f.endsWith('.generated.ts'))
      .map((f) => [f.replace('.generated.ts', ''), join(validators, f)]),
  ),
  outdir: join(outdir, 'validators'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  define: { 'import.meta.url': '__instrFileUrl' },
  banner: { js: "'use strict'; const __instrFileUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
});

// The cache's key includes the code that made an entry (src/cache/fingerprint.ts): one hash of the
// whole bundle, so a command does not hash 3 MB of code at every start.
const hash = createHash('sha256');
for (const name of readdirSync(outdir, { recursive: true })
  .filter((n) => n.endsWith('js'))
  .sort())
  hash
    .update(name)
    .update('\0')
    .update(readFileSync(join(outdir, name)))
    .update('\0');
writeFileSync(join(outdir, 'build-hash.txt'), hash.digest('hex'));
