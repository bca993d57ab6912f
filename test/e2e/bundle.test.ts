import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import snowball from 'snowball-stemmers';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot, runInstr } from './run-instr.js';

/**
 * The build (scripts/build.mjs): what every start compiles, and what is left to files loaded on
 * first use. docs/performance.md says why.
 */
const bundle = join(projectRoot, 'dist/bundle');
const temp = mkdtempSync(join(tmpdir(), 'instr-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Each generated validator carries the sha256 of its schema: `schemaHash = '…'`. */
const generated = join(projectRoot, 'src/graph/validators');
const hashes = readdirSync(generated)
  .filter((f) => f.endsWith('.generated.ts'))
  .map((f) => ({ name: f.replace('.generated.ts', ''), hash: /schemaHash = '([0-9a-f]{64})'/.exec(readFileSync(join(generated, f), 'utf8'))![1]! }));

describe('dist/bundle', () => {
  it('keeps the schema validators out of the modules a start compiles, one file per schema', () => {
    expect(hashes.map((h) => h.name).sort()).toEqual(['config', 'front-matter', 'graph', 'scenario']);
    const modules = readdirSync(bundle).filter((f) => f.endsWith('.js'));
    expect(modules.length).toBeGreaterThan(3);
    for (const file of modules) {
      const code = readFileSync(join(bundle, file), 'utf8');
      for (const { hash } of hashes) expect(code.includes(hash), file).toBe(false);
    }
    expect(readdirSync(join(bundle, 'validators')).sort()).toEqual(hashes.map((h) => `${h.name}.cjs`).sort());
    for (const { name, hash } of hashes) expect(readFileSync(join(bundle, 'validators', `${name}.cjs`), 'utf8')).toContain(hash);
  });

  it('keeps the Markdown parser, slugify and the terminal-width tables out of the bundle’s modules, in files required on first use', () => {
    // esbuild names the source of each module it bundles in a comment: `// node_modules/<package>/…`.
    const modules = readdirSync(bundle).filter((f) => f.endsWith('.js'));
    for (const file of modules)
      expect(readFileSync(join(bundle, file), 'utf8'), file).not.toMatch(
        /^\/\/ node_modules\/(micromark|mdast-util-from-markdown|@sindresorhus\/transliterate|string-width|get-east-asian-width)\//m,
      );
    expect(readFileSync(join(bundle, 'lazy/parser.cjs'), 'utf8')).toMatch(/^\/\/ node_modules\/micromark\//m);
    expect(readFileSync(join(bundle, 'lazy/rrule.cjs'), 'utf8')).toMatch(/^\/\/ node_modules\/rrule\//m);
    expect(readFileSync(join(bundle, 'lazy/terminal-width.cjs'), 'utf8')).toMatch(/^\/\/ node_modules\/string-width\//m);
  });

  it('keeps the compiler, the YAML parser and the lint rules out of what a warm `instr search` loads', () => {
    // The modules a chunk imports statically (`import … from "./chunk-X.js"`), not those imported on demand (`import("./…")`).
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const m of readFileSync(join(bundle, file), 'utf8').matchAll(/^(?:import|export)\b[^;]*?from\s*"\.\/([^"]+)";?$/gm)) visit(m[1]!);
    };
    const action = readdirSync(bundle).filter((f) => f.endsWith('.js') && readFileSync(join(bundle, f), 'utf8').includes('// src/cli/actions/search.ts'));
    expect(action).toHaveLength(1);
    visit(action[0]!);
    const sources = [...loaded].flatMap((f) => [...readFileSync(join(bundle, f), 'utf8').matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)].map((m) => m[1]!));
    expect(sources).toContain('src/search/warm.ts');
    expect(sources).toContain('node_modules/snowball-stemmers/snowball-stemmers.js');
    for (const heavy of [
      /^src\/compile\/compile\.ts$/,
      /^src\/lint\/(config|presets)\.ts$/,
      /^src\/lint\/rules\//,
      /^src\/graph\/schema-validator\.ts$/,
      /^node_modules\/yaml\//,
    ])
      expect(sources.filter((s) => heavy.test(s))).toEqual([]);
  });

  it('stems every word of the bundled instructions as snowball-stemmers does, with only Russian and English in the bundle', async () => {
    const { stem } = (await import(pathToFileURL(join(bundle, 'api.js')).href)) as typeof import('../../src/api.js');
    const folder = join(projectRoot, 'instructions');
    const words = new Set<string>();
    for (const name of readdirSync(folder, { recursive: true }) as string[])
      if (name.endsWith('.md'))
        for (const w of readFileSync(join(folder, name), 'utf8')
          .toLowerCase()
          .replace(/ё/g, 'е')
          .match(/[\p{L}]+/gu) ?? [])
          words.add(w);
    words.add('running').add('generously').add('invoices');
    expect(words.size).toBeGreaterThan(1000);
    const russian = snowball.newStemmer('russian');
    const english = snowball.newStemmer('english');
    for (const w of words) expect(stem(w), w).toBe(/[\u0400-\u04ff]/.test(w) ? russian.stem(w) : english.stem(w));
    const code = readdirSync(bundle)
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(bundle, f), 'utf8'))
      .find((c) => c.includes('// node_modules/snowball-stemmers/'))!;
    expect(code).toMatch(/var russianStemmer = \(?function\s*\(_SnowballStemmer/);
    expect(code).not.toMatch(/var germanStemmer = \(?function\s*\(_SnowballStemmer/);
  });

  it('loads the validators when a command needs them', () => {
    const doc = join(temp, 'a.md');
    writeFileSync(doc, '---\nid: a\ntitle: A\nlang: en\ncolour: red\n---\n\n# A\n');
    const wrong = runInstr(['--no-cache', 'compile', doc], { cwd: temp });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/a\.md:5:1 +error +Unknown key "colour" in front matter/);
    // A clean compile checks the whole graph against its schema (graph.cjs) and reports nothing.
    const clean = runInstr(['--no-cache', 'compile', 'test/fixtures/compile/request.md']);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(clean.stdout)).toHaveProperty('tasks');
  });

  it('does not load Node’s fetch (undici) when a command opens the team journal on PostgreSQL', () => {
    // pg's Cloudflare probe would touch the global Response; the build answers it for Node.
    const preload = join(temp, 'modules.cjs');
    const out = join(temp, 'modules.txt');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));`);
    const r = runInstr(['report', 'instructions', '--journal', 'postgres://instr@127.0.0.1:1/none?connect_timeout=1'], {
      env: { NODE_OPTIONS: `--require ${preload}` },
    });
    expect(r.stderr).toMatch(/127\.0\.0\.1:1/);
    const loaded = readFileSync(out, 'utf8');
    expect(loaded).toContain('NativeModule net');
    expect(loaded).not.toMatch(/undici/);
  });
});
