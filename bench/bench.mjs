#!/usr/bin/env node
/**
 * `npm run bench [-- --large] [-- --json]`: how fast instr is, as ratios to the floor — the raw
 * parse of the same text (remark-parse + remark-directive + YAML front matter) in the same
 * process. Each instruction set is measured in a child process of its own, so its peak RSS is its
 * own; process start-up is measured against `node -e 0`. Needs the build (dist/).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeInstructions } from './generate.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);

const sets = {
  '100 KB': { files: 1, bytesPerFile: 100_000, repeat: 5 },
  '1 MB': { files: 10, bytesPerFile: 100_000, repeat: 3 },
  '10 MB': { files: 100, bytesPerFile: 100_000, repeat: 1 },
};

/** `--lint-max-mb N`: measure lint only on sets up to N MB (lint may be slow on the 10 MB set). */
const lintMaxAt = args.indexOf('--lint-max-mb');
const lintMaxMb = lintMaxAt === -1 ? Infinity : Number(args[lintMaxAt + 1]);

if (args[0] === '--child') await child(args[1], args[2], args[3], args[4] !== '0');
else await parent();

async function parent() {
  if (!existsSync(join(root, 'dist/compile/compile.js'))) {
    console.error('bench: build first (npm run build)');
    process.exit(2);
  }
  const names = args.includes('--large') ? Object.keys(sets) : ['100 KB', '1 MB'];
  const work = mkdtempSync(join(tmpdir(), 'instr-bench-'));
  const results = [];
  try {
    for (const name of names) {
      const set = sets[name];
      const dir = join(work, name.replace(' ', ''));
      const bytes = writeInstructions(join(dir, 'v1'), { ...set, seed: 7 });
      writeInstructions(join(dir, 'v2'), { ...set, seed: 7, mutate: 0.01 });
      process.stderr.write(`bench: ${name} (${set.files} file${set.files > 1 ? 's' : ''}, ${(bytes / 1e6).toFixed(2)} MB)…\n`);
      const lintHere = bytes / 1e6 <= lintMaxMb ? '1' : '0';
      try {
        const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', dir, String(set.repeat), name, lintHere], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
        results.push({ name, bytes, files: set.files, ...JSON.parse(out), compileRssMb: compileRss(join(dir, 'v1')), searchWarm: searchWarm(dir) });
      } catch (error) {
        process.stderr.write(`bench: ${name} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
      }
    }
    process.stderr.write('bench: start-up…\n');
    const startup = measureStartup(work);
    const report = { machine: machine(), sets: results, startup };
    if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else console.log(render(report));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ── one instruction set, in a child process ─────────────────────────────────────────────────

async function child(dir, repeatText, name, measureLint) {
  const repeat = Number(repeatText);
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkDirective = (await import('remark-directive')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const { parse: parseYaml } = await import('yaml');
  const { compilePaths } = await import(join(root, 'dist/compile/compile.js'));
  const lint = measureLint ? await optional('dist/lint/linter.js', 'dist/lint/config.js') : null;
  const diff = await optional('dist/diff/diff-graphs.js');
  const config = lint ? await lint[1].loadConfig(null) : null;
  const v1 = join(dir, 'v1');
  const v2 = join(dir, 'v2');
  const texts = (d) => readdirSync(d).sort().map((f) => readFileSync(join(d, f), 'utf8'));
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);
  const floorOf = (list) => () => {
    for (const text of list) {
      const tree = processor.parse(text);
      if (tree.children[0]?.type === 'yaml') parseYaml(tree.children[0].value);
    }
  };
  const cold = { cwd: dir, cache: false, workers: 0 };
  const compile = (d, extra = {}) => compilePaths([d], { ...cold, ...extra });
  const lintOnce = async (d, extra) => lint[0].lintCompiled(await compile(d, extra), { config, today: '2026-11-27', cwd: dir });
  const cacheDir = join(dir, 'cache');

  // Warm-up: the same amount of JIT for every path, on the first file only.
  const first = join(dir, 'first');
  await import('node:fs').then((fs) => {
    fs.mkdirSync(first, { recursive: true });
    fs.copyFileSync(join(v1, readdirSync(v1).sort()[0]), join(first, 'a.md'));
  });
  floorOf(texts(first))();
  await compile(first);
  if (lint) await lintOnce(first);

  const rows = {};
  // Single-threaded rows are timed in CPU time of the process, so that other load on the machine
  // does not skew the ratios; rows with worker threads are timed in wall time (their point).
  const time = async (label, fn, times = repeat) => {
    const samples = [];
    const wall = /Parallel$/.test(label);
    for (let i = 0; i < times; i++) {
      globalThis.gc?.();
      const start = performance.now();
      const cpu = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(cpu);
      samples.push(wall ? performance.now() - start : (used.user + used.system) / 1000);
    }
    samples.sort((a, b) => a - b);
    rows[label] = samples[Math.floor(samples.length / 2)];
    process.stderr.write(`bench:   ${name}: ${label} ${Math.round(rows[label])} ms\n`);
  };
  const t1 = texts(v1);
  const t2 = texts(v2);
  await time('floor', floorOf(t1));
  await time('floor2', floorOf(t2));
  await time('compile', () => compile(v1));
  await time('compileParallel', () => compile(v1, { workers: 'auto' }));
  if (lint) {
    await time('lint', () => lintOnce(v1));
    await time('lintParallel', () => lintOnce(v1, { workers: 'auto' }));
    await compile(v1, { cache: true, cacheDir });
    await time('lintWarm', async () => lint[0].lintCompiled(await compilePaths([v1], { cwd: dir, cacheDir }), { config, today: '2026-11-27', cwd: dir }), Math.max(repeat, 3));
  }
  await compile(v1, { cache: true, cacheDir });
  await time('compileWarm', () => compilePaths([v1], { cwd: dir, cacheDir }), Math.max(repeat, 3));
  const search = await optional('dist/search/documents.js', 'dist/search/search.js');
  if (search) {
    // The search index is built from the compiled graph; its cost is compared with a cold compile.
    const { graph } = await compile(v1);
    await time('searchIndex', () => void search[1].buildIndex(search[0].searchDocuments(graph)));
  }
  if (diff) {
    let changed = 0;
    await time('diff', async () => {
      const [a, b] = [await compile(v1), await compile(v2)];
      changed = diff[0].diffGraphs(a.graph, b.graph, { base: { label: 'v1' }, head: { label: 'v2' } }).summary.nodesChanged;
    });
    rows.diffNodesChanged = changed;
  }
  rows.peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.lint = rows.lint ?? (measureLint ? null : 'skipped');
  process.stdout.write(JSON.stringify(rows));

  async function optional(...paths) {
    const mods = [];
    for (const p of paths) {
      if (!existsSync(join(root, p))) return null;
      mods.push(await import(join(root, p)));
    }
    return mods;
  }
}

/** Peak RSS (MB) of one process that only compiles the folder cold, as `instr compile` would (worker threads included). */
function compileRss(dir) {
  const script = `const { compilePaths } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/compile/compile.js')).href)});
await compilePaths([${JSON.stringify(dir)}], { cache: false });
process.stdout.write(String(process.resourceUsage().maxRSS / 1024));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  const mb = Number(r.stdout);
  return Number.isFinite(mb) && mb > 0 ? mb : null;
}

/** Median wall time (ms) of a whole `instr search` process on the set's v1 folder, the cache filled by a first run. */
function searchWarm(dir) {
  const bin = join(root, 'bin/instr');
  if (!existsSync(join(root, 'dist/cli/actions/search.js'))) return null;
  const env = { ...process.env, NO_COLOR: '1', INSTR_CACHE_DIR: join(dir, 'search-cache') };
  const argv = [bin, 'search', 'клиент', 'прислал', 'счёт', 'v1'];
  spawnSync(process.execPath, argv, { cwd: dir, env, stdio: 'ignore' });
  const samples = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: dir, env, stdio: 'ignore' });
    if (r.status !== 0) return null;
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[1];
}

// ── start-up ────────────────────────────────────────────────────────────────────────────────

function measureStartup(work) {
  const bin = join(root, 'bin/instr');
  const env = { ...process.env, NO_COLOR: '1', INSTR_CACHE_DIR: join(work, 'startup-cache') };
  const run = (argv, times = 7) => {
    const samples = [];
    for (let i = 0; i < times; i++) {
      const start = performance.now();
      spawnSync(process.execPath, argv, { cwd: root, env, stdio: 'ignore' });
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)];
  };
  const result = { node: run(['-e', '0']), version: run([bin, '--version']) };
  if (existsSync(join(root, 'dist/cli/actions/lint.js')) && existsSync(join(root, 'instructions'))) {
    run([bin, 'lint', 'instructions'], 1); // fills the cache
    result.lintWarm = run([bin, 'lint', 'instructions'], 5);
    result.lintCold = run([bin, '--no-cache', 'lint', 'instructions'], 3);
  }
  if (existsSync(join(root, 'dist/cli/actions/run.js'))) {
    result.runFirstPrompt = firstPrompt(bin, env);
  }
  return result;
}

/** ms until `instr run request` draws its first prompt on a pseudo-terminal (warm cache), via python3's pty. */
function firstPrompt(bin, env) {
  const script = `
import os, pty, sys, time, select, signal
samples = []
for i in range(5):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
    seen = b''
    while time.monotonic() - start < 15:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if b'?' in seen or b'\\xe2\\x9d\\xaf' in seen:
                break
    samples.append((time.monotonic() - start) * 1000)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
samples.sort()
print(samples[len(samples) // 2])
`;
  const warm = spawnSync(process.execPath, [bin, 'run', 'request', '--help'], { cwd: root, env, stdio: 'ignore' });
  void warm;
  spawnSync(process.execPath, [bin, 'list'], { cwd: root, env, stdio: 'ignore' }); // fills the cache
  const r = spawnSync('python3', ['-c', script, process.execPath, bin, 'run', 'request'], { cwd: root, env: { ...env, TERM: 'xterm' }, encoding: 'utf8' });
  const ms = Number(r.stdout.trim());
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

// ── the table ───────────────────────────────────────────────────────────────────────────────

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
}

function render({ machine: m, sets: list, startup }) {
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);
  const ratio = (v, floor) => (v === null || v === undefined ? '' : ` (${(v / floor).toFixed(2)}×)`);
  const cell = (v, floor) => `${ms(v)}${ratio(v, floor)}`;
  const head = ['', ...list.map((s) => `${s.name} (${s.files} file${s.files > 1 ? 's' : ''})`)];
  const rows = [
    ['floor: remark + directive + front matter', ...list.map((s) => ms(s.floor))],
    ['cold compile + validate', ...list.map((s) => cell(s.compile, s.floor))],
    ['cold compile, worker threads (auto: 2 MB or more)', ...list.map((s) => cell(s.compileParallel, s.floor))],
    ['cold lint (all rules)', ...list.map((s) => (s.lint === null ? 'no lint yet' : s.lint === 'skipped' ? 'not measured (--lint-max-mb)' : cell(s.lint, s.floor)))],
    ['cold lint, worker threads (auto: 2 MB or more)', ...list.map((s) => (s.lintParallel === undefined ? '—' : cell(s.lintParallel, s.floor)))],
    ['warm lint (cache, nothing changed)', ...list.map((s) => (s.lintWarm === undefined ? '—' : cell(s.lintWarm, s.floor)))],
    ['warm compile (cache)', ...list.map((s) => cell(s.compileWarm, s.floor))],
    ['diff, 1% of steps changed (floor: both)', ...list.map((s) => (s.diff === undefined ? 'no diff yet' : cell(s.diff, s.floor + s.floor2)))],
    ['search index build (share of cold compile)', ...list.map((s) => (s.searchIndex === undefined ? '—' : `${ms(s.searchIndex)} (${((100 * s.searchIndex) / s.compile).toFixed(1)}%)`))],
    ['warm `instr search`, whole process (wall)', ...list.map((s) => ms(s.searchWarm))],
    ['peak RSS: `instr compile`, cold (one process)', ...list.map((s) => (s.compileRssMb ? `${Math.round(s.compileRssMb)} MB` : '—'))],
    ['peak RSS: this whole benchmark process', ...list.map((s) => `${Math.round(s.peakRssMb)} MB`)],
    ['cold compile per MB', ...list.map((s) => `${Math.round(s.compile / (s.bytes / 1e6))} ms/MB`)],
  ];
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  const out = [`Machine: ${m}`, '', 'Medians; single-threaded rows in CPU time of the process, rows with worker threads in wall time.', '', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line), ''];
  out.push('Process start-up (median wall time):', '');
  out.push(`| command | time | over \`node -e 0\` |`, '|---|---|---|');
  const over = (v) => (v === null || v === undefined ? '' : `+${Math.round(v - startup.node)} ms`);
  out.push(`| \`node -e 0\` | ${ms(startup.node)} | |`);
  out.push(`| \`instr --version\` | ${ms(startup.version)} | ${over(startup.version)} |`);
  out.push(startup.lintWarm === undefined ? '| `instr lint instructions` | no lint or no instructions yet | |' : `| \`instr lint instructions\` (warm cache) | ${ms(startup.lintWarm)} | ${over(startup.lintWarm)} |`);
  if (startup.lintCold !== undefined) out.push(`| \`instr --no-cache lint instructions\` | ${ms(startup.lintCold)} | ${over(startup.lintCold)} |`);
  out.push(startup.runFirstPrompt === undefined ? '| `instr run request`, first prompt | no run command yet | |' : `| \`instr run request\`, first prompt drawn (warm cache) | ${ms(startup.runFirstPrompt)} | ${over(startup.runFirstPrompt)} |`);
  return out.join('\n');
}
