#!/usr/bin/env node
/**
 * `npm run bench [-- --large | --set "10 MB"] [-- --json] [-- --check] [-- --runs N]`: how fast instr is.
 *
 * 1. Whole processes, side by side: `instr --no-cache lint` against markdownlint-cli2 (the linter
 *    a team would otherwise run in CI; same micromark parser) on the same generated files, and
 *    instr with worker threads against instr on one thread. Runs alternate A/B/C; each figure is
 *    the median wall time, CPU time (user + system, all threads) and peak RSS of the process.
 *    The row "two halves at once" is the ceiling of any split on this machine: two processes, each
 *    linting a self-contained half of the work, started together (no threads to talk to, no
 *    cross-file linking). A parallel path cannot beat it.
 * 2. In process (CPU time): instr's compile and lint against the floor, the raw parse of the same
 *    text (remark-parse + remark-directive + YAML front matter), and micromark's events alone.
 * 3. Start-up of whole processes against `node -e 0`.
 *
 * `--check` exits 1 when a goal (issue 16) is missed by more than 10%. Needs the build (dist/).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeInstructions } from './generate.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const args = process.argv.slice(2);
const bin = join(root, 'bin/instr');
const peerBin = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');

const sets = {
  '100 KB': { files: 1, bytesPerFile: 100_000, repeat: 5, runs: 5 },
  '1 MB': { files: 10, bytesPerFile: 100_000, repeat: 3, runs: 5 },
  '10 MB': { files: 100, bytesPerFile: 100_000, repeat: 1, runs: 3 },
  '10 MB, one file': { files: 1, bytesPerFile: 10_000_000, repeat: 1, runs: 3 },
};

const option = (name) => {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
};
/** `--lint-max-mb N`: measure lint in process only on sets up to N MB. */
const lintMaxMb = Number(option('--lint-max-mb') ?? Infinity);
/** `--runs N`: whole-process runs of each command per set (default: 5, 3 for the 10 MB sets). */
const runsWanted = option('--runs') === undefined ? undefined : Number(option('--runs'));
/** `--no-inprocess`: only whole processes and start-up. */
const inProcess = !args.includes('--no-inprocess');

if (args[0] === '--child') await child(args[1], args[2], args[3], args[4] !== '0');
else if (args[0] === '--render') {
  // `--render report.json [--check]`: the table (and the check) of a run saved with --json.
  const report = JSON.parse(readFileSync(args[1], 'utf8'));
  report.goals = goals(report);
  console.log(render(report));
  if (args.includes('--check') && report.goals.some((g) => g.value !== null && g.value > g.limit * 1.1)) process.exitCode = 1;
} else await parent();

async function parent() {
  if (!existsSync(join(root, 'dist/bundle/api.js'))) {
    console.error('bench: build first (npm run build)');
    process.exit(2);
  }
  const names = option('--set') ? [option('--set')] : args.includes('--large') ? Object.keys(sets) : ['100 KB', '1 MB'];
  if (names.some((n) => !sets[n])) {
    console.error(`bench: --set is one of ${Object.keys(sets).join(', ')}`);
    process.exit(2);
  }
  const work = mkdtempSync(join(tmpdir(), 'instr-bench-'));
  const load = [loadavg()];
  const started = new Date();
  const results = [];
  try {
    const probe = writeProbe(work);
    for (const name of names) {
      const set = sets[name];
      const dir = join(work, name.replace(/[^A-Za-z0-9]/g, ''));
      const bytes = writeInstructions(join(dir, 'v1'), { ...set, seed: 7 });
      writeInstructions(join(dir, 'v2'), { ...set, seed: 7, mutate: 0.01 });
      const halves = [join(dir, 'half-a'), join(dir, 'half-b')];
      halves.forEach((half, i) => writeInstructions(half, { ...halfOf(set), seed: 7 + i }));
      process.stderr.write(`bench: ${name} (${set.files} file${set.files > 1 ? 's' : ''}, ${(bytes / 1e6).toFixed(2)} MB)…\n`);
      const result = { name, bytes, files: set.files, peers: await peers(probe, join(dir, 'v1'), runsWanted ?? set.runs, name, halves) };
      if (inProcess) {
        const lintHere = bytes / 1e6 <= lintMaxMb ? '1' : '0';
        try {
          const out = execFileSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', dir, String(set.repeat), name, lintHere], {
            encoding: 'utf8',
            maxBuffer: 1 << 24,
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          Object.assign(result, JSON.parse(out), searchTimes(dir));
        } catch (error) {
          process.stderr.write(`bench: ${name} in process failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
        }
      }
      results.push(result);
    }
    process.stderr.write('bench: start-up…\n');
    const startup = measureStartup(work, probe);
    load.push(loadavg());
    const report = { date: started.toISOString(), machine: machine(), load, sets: results, startup };
    report.goals = goals(report);
    if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
    else console.log(render(report));
    if (args.includes('--check')) {
      const missed = report.goals.filter((g) => g.value !== null && g.value > g.limit * 1.1);
      if (missed.length > 0) {
        process.stderr.write(`bench: ${missed.length} goal(s) missed by more than 10%: ${missed.map((g) => g.goal).join('; ')}\n`);
        process.exitCode = 1;
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// ── whole processes, side by side ───────────────────────────────────────────────────────────

/** A module loaded with `--import` into each measured process: it writes the process's CPU time and peak RSS when it exits. */
function writeProbe(work) {
  const probe = join(work, 'probe.mjs');
  writeFileSync(
    probe,
    `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS / 1024 }));
});
`,
  );
  return pathToFileURL(probe).href;
}

/** One process: its wall time, CPU time (all threads) and peak RSS, in ms and MB. */
function measure(probe, argv, { cwd, env = {} }) {
  const usage = join(cwd, '..', 'usage.json');
  rmSync(usage, { force: true });
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--import', probe, ...argv], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env, BENCH_USAGE: usage },
    stdio: 'ignore',
  });
  const wall = performance.now() - start;
  const u = existsSync(usage) ? JSON.parse(readFileSync(usage, 'utf8')) : { cpu: null, rss: null };
  return { wall, cpu: u.cpu, rss: u.rss, status: r.status };
}

/**
 * Two processes at once, each linting one half of the work on one thread: what a split of the
 * work into two independent halves could give at best on this machine, with nothing to send
 * between threads and no cross-file linking. Wall: until both have exited; CPU and peak RSS: the sum.
 */
async function measurePair(probe, argv, halves, env) {
  const start = performance.now();
  const ones = await Promise.all(
    halves.map(
      (cwd, i) =>
        new Promise((resolve) => {
          const usage = join(cwd, '..', `usage-${i}.json`);
          rmSync(usage, { force: true });
          const child = spawn(process.execPath, ['--import', probe, ...argv], {
            cwd,
            env: { ...process.env, NO_COLOR: '1', ...env, BENCH_USAGE: usage },
            stdio: 'ignore',
          });
          child.on('exit', (status) => resolve({ status, ...(existsSync(usage) ? JSON.parse(readFileSync(usage, 'utf8')) : { cpu: null, rss: null }) }));
        }),
    ),
  );
  const sum = (field) => (ones.some((o) => o[field] === null) ? null : ones[0][field] + ones[1][field]);
  return { wall: performance.now() - start, cpu: sum('cpu'), rss: sum('rss'), status: ones.find((o) => o.status !== 0)?.status ?? 0 };
}

/** The half of a set for the two-halves row: half the files, or one file of half the size; generated with other seeds, so each half links only to itself. */
function halfOf(set) {
  return set.files >= 2 ? { ...set, files: Math.ceil(set.files / 2) } : { ...set, bytesPerFile: Math.round(set.bytesPerFile / 2) };
}

function median(values) {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
}

/** instr (auto threads), instr on one thread and markdownlint-cli2 on the same folder, and instr on two halves at once, in alternating order. */
async function peers(probe, dir, runs, name, halves) {
  const lint = [bin, '--no-cache', 'lint', '.', '--today', '2026-11-27', '--max-file-size', '20MB'];
  const contestants = {
    instr: { argv: lint, env: {} },
    instrOneThread: { argv: lint, env: { INSTR_WORKERS: '0' } },
    // the parallel path even when the load average fills the cores (the default then takes one thread)
    instrParallel: { argv: lint, env: { INSTR_WORKERS: 'auto', INSTR_IGNORE_LOAD: '1' } },
    markdownlint: { argv: [peerBin, '*.md'], env: {} },
    twoHalves: { argv: lint, env: { INSTR_WORKERS: '0' }, halves },
  };
  if (!existsSync(peerBin)) delete contestants.markdownlint;
  const samples = Object.fromEntries(Object.keys(contestants).map((k) => [k, []]));
  const keys = Object.keys(contestants);
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < keys.length; j++) {
      const key = keys[(i + j) % keys.length];
      const { argv, env, halves: pair } = contestants[key];
      const one = pair ? await measurePair(probe, argv, pair, env) : measure(probe, argv, { cwd: dir, env });
      samples[key].push(one);
      process.stderr.write(
        `bench:   ${name}: ${key} ${Math.round(one.wall)} ms wall, ${Math.round(one.cpu)} ms CPU, ${Math.round(one.rss)} MB (exit ${one.status})\n`,
      );
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([k, list]) => [
      k,
      { wall: median(list.map((s) => s.wall)), cpu: median(list.map((s) => s.cpu)), rss: median(list.map((s) => s.rss)), runs: list.length },
    ]),
  );
}

// ── one instruction set, in a child process ─────────────────────────────────────────────────

async function child(dir, repeatText, name, measureLint) {
  const repeat = Number(repeatText);
  const { unified } = await import('unified');
  const remarkParse = (await import('remark-parse')).default;
  const remarkDirective = (await import('remark-directive')).default;
  const remarkFrontmatter = (await import('remark-frontmatter')).default;
  const { parse: parseYaml } = await import('yaml');
  const micromark = await import('micromark');
  const api = await import(join(root, 'dist/bundle/api.js'));
  const { compilePaths } = api;
  const config = measureLint ? await api.loadConfig(null) : null;
  const v1 = join(dir, 'v1');
  const v2 = join(dir, 'v2');
  const texts = (d) =>
    readdirSync(d)
      .sort()
      .map((f) => readFileSync(join(d, f), 'utf8'));
  const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective);
  const floorOf = (list) => () => {
    for (const text of list) {
      const tree = processor.parse(text);
      if (tree.children[0]?.type === 'yaml') parseYaml(tree.children[0].value);
    }
  };
  // The bare floor: micromark's events alone, no syntax tree (what markdownlint-cli2 parses to).
  const eventsOf = (list) => () => {
    for (const text of list)
      micromark.postprocess(
        micromark
          .parse()
          .document()
          .write(micromark.preprocess()(text, undefined, true)),
      );
  };
  // instr's own parse: the plain parser, with micromark for the blocks (or chunks) it does not read.
  const plainOf = (list) => () => {
    for (const text of list) {
      const tree = api.parseMarkdown(text);
      if (tree.children[0]?.type === 'yaml') parseYaml(tree.children[0].value);
    }
  };
  const big = 50 * 1024 * 1024; // the one-file set is larger than the default limit of one file
  const cold = { cwd: dir, cache: false, workers: 0, maxFileBytes: big };
  const compile = (d, extra = {}) => compilePaths([d], { ...cold, ...extra });
  const lintOnce = async (d, extra) => api.lintCompiled(await compile(d, extra), { config, today: '2026-11-27', cwd: dir });
  const cacheDir = join(dir, 'cache');

  // Warm-up: the same amount of JIT for every path, on the first file only.
  const first = join(dir, 'first');
  await import('node:fs').then((fs) => {
    fs.mkdirSync(first, { recursive: true });
    fs.copyFileSync(join(v1, readdirSync(v1).sort()[0]), join(first, 'a.md'));
  });
  floorOf(texts(first))();
  eventsOf(texts(first))();
  plainOf(texts(first))();
  await compile(first);
  if (measureLint) await lintOnce(first);

  const rows = {};
  // Every row here is single-threaded and timed in CPU time of the process, so that other load on
  // the machine skews the ratios less. Worker threads are measured as whole processes (peers()).
  const time = async (label, fn, times = repeat) => {
    const samples = [];
    for (let i = 0; i < times; i++) {
      globalThis.gc?.();
      const cpu = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(cpu);
      samples.push((used.user + used.system) / 1000);
    }
    samples.sort((a, b) => a - b);
    rows[label] = samples[Math.floor(samples.length / 2)];
    process.stderr.write(`bench:   ${name}: ${label} ${Math.round(rows[label])} ms\n`);
  };
  const t1 = texts(v1);
  const t2 = texts(v2);
  await time('micromark', eventsOf(t1));
  await time('floor', floorOf(t1));
  await time('floor2', floorOf(t2));
  await time('plain', plainOf(t1));
  await time('compile', () => compile(v1));
  if (measureLint) {
    await time('lint', () => lintOnce(v1));
    await compile(v1, { cache: true, cacheDir });
    await time(
      'lintWarm',
      async () => api.lintCompiled(await compilePaths([v1], { cwd: dir, cacheDir, maxFileBytes: big }), { config, today: '2026-11-27', cwd: dir }),
      Math.max(repeat, 3),
    );
  }
  await compile(v1, { cache: true, cacheDir });
  await time('compileWarm', () => compilePaths([v1], { cwd: dir, cacheDir, maxFileBytes: big }), Math.max(repeat, 3));
  {
    // The search index is built from the compiled graph; its cost is compared with a cold compile.
    const { graph } = await compile(v1);
    const docs = api.searchDocuments(graph);
    let index;
    await time('searchIndex', () => void (index = api.buildIndex(docs)));
    rows.searchIndexBytes = api.storedIndexBytes(index);
    const synonyms = api.compileSynonyms([]);
    // A query most pieces match, and the same words with typos: the fuzzy path of the term dictionary.
    await time('searchQuery', () => void api.search(index, 'клиент прислал счёт', { synonyms, limit: 10 }), Math.max(repeat, 5));
    await time('searchTypos', () => void api.search(index, 'клиэнт прислол счёт', { synonyms, limit: 10 }), Math.max(repeat, 5));
  }
  {
    let changed = 0;
    await time('diff', async () => {
      const [a, b] = [await compile(v1), await compile(v2)];
      changed = api.diffGraphs(a.graph, b.graph, { base: { label: 'v1' }, head: { label: 'v2' } }).summary.nodesChanged;
    });
    rows.diffNodesChanged = changed;
  }
  rows.peakRssMb = process.resourceUsage().maxRSS / 1024;
  rows.lint = rows.lint ?? (measureLint ? null : 'skipped');
  process.stdout.write(JSON.stringify(rows));
}

/**
 * Median wall time (ms) of a whole `instr search` process on the set's v1 folder, the cache filled
 * by a first run; and of one after a file changed (its copy in `changed/`, the first file edited
 * before each run: the others come from the caches of compiled files and of index parts).
 */
function searchTimes(dir) {
  const warm = searchWarm(dir);
  const changed = join(dir, 'changed');
  cpSync(join(dir, 'v1'), changed, { recursive: true });
  const first = join(changed, readdirSync(changed).sort()[0]);
  const env = { ...process.env, NO_COLOR: '1', INSTR_CACHE_DIR: join(dir, 'search-cache') };
  const argv = [bin, 'search', 'клиент', 'прислал', 'счёт', 'changed'];
  spawnSync(process.execPath, argv, { cwd: dir, env, stdio: 'ignore' });
  const samples = [];
  for (let i = 0; i < 3; i++) {
    appendFileSync(first, `\nПравка ${i}.\n`);
    const start = performance.now();
    const r = spawnSync(process.execPath, argv, { cwd: dir, env, stdio: 'ignore' });
    if (r.status !== 0) return { searchWarm: warm, searchChanged: null };
    samples.push(performance.now() - start);
  }
  return { searchWarm: warm, searchChanged: median(samples) };
}

function searchWarm(dir) {
  if (!existsSync(join(root, 'dist/bundle/cli.js'))) return null;
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
  return median(samples);
}

// ── start-up ────────────────────────────────────────────────────────────────────────────────

function measureStartup(work, probe) {
  const env = { INSTR_CACHE_DIR: join(work, 'startup-cache') };
  const times = 9;
  const commands = {
    node: { argv: ['-e', '0'] },
    version: { argv: [bin, '--version'] },
    list: { argv: [bin, 'list'] },
    // What a user meets first after the README's install: `npm ci` ran `prepare`, whose last step
    // (scripts/warm-cache.mjs) compiled the bundled instructions into the user's cache.
    firstList: { argv: [bin, 'list'], fresh: true, afterInstall: true },
    // The same command with nothing cached (another folder of instructions, or `--no-cache`).
    coldList: { argv: [bin, 'list'], fresh: true },
  };
  if (existsSync(join(root, 'instructions')))
    measure(probe, [bin, 'list'], { cwd: root, env }); // fills the cache
  else {
    delete commands.list;
    delete commands.firstList;
    delete commands.coldList;
  }
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const keys = Object.keys(commands);
  for (let i = 0; i < times; i++) {
    for (const key of keys) {
      const fresh = commands[key].fresh ? { INSTR_CACHE_DIR: join(work, `fresh-cache-${key}-${i}`) } : {};
      if (commands[key].afterInstall)
        spawnSync(process.execPath, [join(root, 'scripts', 'warm-cache.mjs')], { cwd: root, env: { ...process.env, ...env, ...fresh }, stdio: 'ignore' });
      samples[key].push(measure(probe, commands[key].argv, { cwd: root, env: { ...env, ...fresh } }));
    }
  }
  const result = Object.fromEntries(Object.entries(samples).map(([k, list]) => [k, median(list.map((s) => s.wall))]));
  result.cpu = Object.fromEntries(Object.entries(samples).map(([k, list]) => [k, median(list.map((s) => s.cpu))]));
  if (existsSync(join(root, 'dist/bundle/cli.js'))) result.runFirstPrompt = firstPrompt(bin, { ...process.env, ...env });
  return result;
}

/** ms until `instr run request` draws its first prompt on a pseudo-terminal (warm cache), via python3's pty. */
function firstPrompt(binPath, env) {
  const script = `
import os, pty, sys, time, select, signal
samples = []
for i in range(7):
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
  spawnSync(process.execPath, [binPath, 'list'], { cwd: root, env, stdio: 'ignore' }); // fills the cache
  const r = spawnSync('python3', ['-c', script, process.execPath, binPath, 'run', 'request'], { cwd: root, env: { ...env, TERM: 'xterm' }, encoding: 'utf8' });
  const ms = Number(r.stdout.trim());
  return Number.isFinite(ms) && ms > 0 ? ms : null;
}

// ── goals and the table ─────────────────────────────────────────────────────────────────────

function machine() {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}`;
}

/** The goals of issue 16 that this run measured: `value` ≤ `limit` is met. */
function goals({ sets: list, startup }) {
  const out = [];
  const set = (name) => list.find((s) => s.name === name);
  const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined ? null : a / b);
  const add = (goal, value, limit, unit = '×') => out.push({ goal, value, limit, unit });
  for (const [name, limit] of [
    ['1 MB', 0.7],
    ['10 MB', 0.6],
    ['10 MB, one file', 0.6],
  ]) {
    const s = set(name);
    if (s?.peers.markdownlint) add(`cold lint ${name}, wall, vs markdownlint-cli2`, ratio(s.peers.instr.wall, s.peers.markdownlint.wall), limit);
  }
  for (const s of list) {
    const parallel = s.peers.instrParallel ?? s.peers.instr;
    add(`${s.name}: CPU of the parallel path vs one thread`, ratio(parallel.cpu, s.peers.instrOneThread.cpu), 1.15);
    add(`${s.name}: wall of the parallel path vs one thread`, ratio(parallel.wall, s.peers.instrOneThread.wall), s.bytes >= 500_000 ? 0.6 : 1.0);
  }
  const one = set('10 MB, one file');
  const folder = set('10 MB');
  if (one && folder) {
    add('one 10 MB file vs the 100-file folder, wall', ratio(one.peers.instr.wall, folder.peers.instr.wall), 1.1);
    add('one 10 MB file vs the 100-file folder, CPU', ratio(one.peers.instr.cpu, folder.peers.instr.cpu), 1.1);
  }
  if (folder) add('peak RSS, 10 MB folder', folder.peers.instr.rss, 400, 'MB');
  if (folder?.searchWarm) add('warm `instr search`, 10 MB folder, whole process (issue 13)', folder.searchWarm, 300, 'ms');
  if (folder?.searchIndex) add('search index build vs cold compile, 10 MB folder (issue 13)', ratio(folder.searchIndex, folder.compile), 0.1);
  if (one) add('peak RSS, one 10 MB file', one.peers.instr.rss, 300, 'MB');
  add('`instr --version` over `node -e 0`', startup.version - startup.node, 40, 'ms');
  if (startup.list !== undefined) add('`instr list` (warm) over `node -e 0`', startup.list - startup.node, 120, 'ms');
  if (startup.firstList !== undefined) add('first `instr list` after `npm ci` (the install compiled the bundled instructions)', startup.firstList, 500, 'ms');
  if (startup.runFirstPrompt) add('`instr run request` first prompt over `node -e 0`', startup.runFirstPrompt - startup.node, 250, 'ms');
  return out;
}

function render(report) {
  const { machine: m, sets: list, startup, load, date } = report;
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);
  const mb = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} MB`);
  const x = (a, b) => (a === null || b === null || a === undefined || b === undefined ? '' : ` (${(a / b).toFixed(2)}×)`);
  const table = (head, rows) => {
    const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => String(r[i]).length)));
    const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
    return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  };
  const head = ['', ...list.map((s) => `${s.name} (${s.files} file${s.files > 1 ? 's' : ''})`)];
  const avg = (l) => l.map((v) => v.toFixed(2)).join(' ');
  const out = [
    `${date.slice(0, 16).replace('T', ' ')} UTC. Machine: ${m}. Load average (1, 5, 15 min): ${avg(load[0])} at the start, ${avg(load[1])} at the end.`,
    '',
  ];
  out.push('Whole processes, side by side (median; ratios to markdownlint-cli2, like against like):', '');
  const peer = (s, key, field) => s.peers[key]?.[field];
  out.push(
    ...table(head, [
      ['markdownlint-cli2 0.22, wall', ...list.map((s) => ms(peer(s, 'markdownlint', 'wall')))],
      ['`instr --no-cache lint`, wall', ...list.map((s) => `${ms(peer(s, 'instr', 'wall'))}${x(peer(s, 'instr', 'wall'), peer(s, 'markdownlint', 'wall'))}`)],
      [
        'the same, one thread (INSTR_WORKERS=0), wall',
        ...list.map((s) => `${ms(peer(s, 'instrOneThread', 'wall'))}${x(peer(s, 'instrOneThread', 'wall'), peer(s, 'markdownlint', 'wall'))}`),
      ],
      [
        'the same, parallel whatever the load (INSTR_WORKERS=auto INSTR_IGNORE_LOAD=1), wall; ÷ one thread',
        ...list.map((s) => `${ms(peer(s, 'instrParallel', 'wall'))}${x(peer(s, 'instrParallel', 'wall'), peer(s, 'instrOneThread', 'wall'))}`),
      ],
      [
        'ceiling of a split: two halves at once, one thread each, wall; ÷ one thread',
        ...list.map((s) => `${ms(peer(s, 'twoHalves', 'wall'))}${x(peer(s, 'twoHalves', 'wall'), peer(s, 'instrOneThread', 'wall'))}`),
      ],
      ['markdownlint-cli2 0.22, CPU', ...list.map((s) => ms(peer(s, 'markdownlint', 'cpu')))],
      ['`instr --no-cache lint`, CPU', ...list.map((s) => `${ms(peer(s, 'instr', 'cpu'))}${x(peer(s, 'instr', 'cpu'), peer(s, 'markdownlint', 'cpu'))}`)],
      [
        'the same, one thread, CPU',
        ...list.map((s) => `${ms(peer(s, 'instrOneThread', 'cpu'))}${x(peer(s, 'instrOneThread', 'cpu'), peer(s, 'markdownlint', 'cpu'))}`),
      ],
      [
        'the same, parallel whatever the load, CPU; ÷ one thread',
        ...list.map((s) => `${ms(peer(s, 'instrParallel', 'cpu'))}${x(peer(s, 'instrParallel', 'cpu'), peer(s, 'instrOneThread', 'cpu'))}`),
      ],
      [
        'ceiling of a split: two halves at once, CPU of both; ÷ one thread',
        ...list.map((s) => `${ms(peer(s, 'twoHalves', 'cpu'))}${x(peer(s, 'twoHalves', 'cpu'), peer(s, 'instrOneThread', 'cpu'))}`),
      ],
      ['peak RSS: markdownlint-cli2 / instr', ...list.map((s) => `${mb(peer(s, 'markdownlint', 'rss'))} / ${mb(peer(s, 'instr', 'rss'))}`)],
    ]),
    '',
  );
  if (list.some((s) => s.floor !== undefined)) {
    out.push('In process, one thread, CPU time (median; ratios to the floor):', '');
    const cell = (v, floor) => `${ms(v)}${x(v, floor)}`;
    const inproc = list.filter((s) => s.floor !== undefined);
    out.push(
      ...table(
        ['', ...inproc.map((s) => s.name)],
        [
          ['micromark alone: events, no syntax tree', ...inproc.map((s) => (s.micromark === undefined ? '—' : cell(s.micromark, s.floor)))],
          ['floor: remark + directive + front matter', ...inproc.map((s) => ms(s.floor))],
          [
            'instr’s parse: the plain parser, micromark where it declines (same tree)',
            ...inproc.map((s) => (s.plain === undefined ? '—' : cell(s.plain, s.floor))),
          ],
          ['cold compile + validate', ...inproc.map((s) => cell(s.compile, s.floor))],
          ['cold lint (all rules)', ...inproc.map((s) => (s.lint === 'skipped' || s.lint === null ? 'not measured' : cell(s.lint, s.floor)))],
          ['warm lint (cache, nothing changed)', ...inproc.map((s) => (s.lintWarm === undefined ? '—' : cell(s.lintWarm, s.floor)))],
          ['warm compile (cache)', ...inproc.map((s) => cell(s.compileWarm, s.floor))],
          ['diff, 1% of steps changed (floor: both)', ...inproc.map((s) => (s.diff === undefined ? '—' : cell(s.diff, s.floor + s.floor2)))],
          [
            'search index build (share of cold compile)',
            ...inproc.map((s) => (s.searchIndex === undefined ? '—' : `${ms(s.searchIndex)} (${((100 * s.searchIndex) / s.compile).toFixed(1)}%)`)),
          ],
          ['search index, stored', ...inproc.map((s) => (s.searchIndexBytes === undefined ? '—' : `${(s.searchIndexBytes / 1e6).toFixed(1)} MB`))],
          ['search query, in process', ...inproc.map((s) => ms(s.searchQuery))],
          ['the same query with typos (fuzzy)', ...inproc.map((s) => ms(s.searchTypos))],
          ['warm `instr search`, whole process (wall)', ...inproc.map((s) => ms(s.searchWarm))],
          ['`instr search` after one file changed (wall)', ...inproc.map((s) => ms(s.searchChanged))],
        ],
      ),
      '',
    );
  }
  out.push('Process start-up (median of 9, alternating; CPU: user + system of the process):', '');
  const over = (v, base) => (v === null || v === undefined || base === null || base === undefined ? '' : `${v >= base ? '+' : ''}${Math.round(v - base)} ms`);
  const cpu = startup.cpu ?? {};
  out.push(
    ...table(
      ['command', 'wall', 'over `node -e 0`', 'CPU', 'over `node -e 0`'],
      [
        ['`node -e 0`', ms(startup.node), '', ms(cpu.node), ''],
        ['`instr --version`', ms(startup.version), over(startup.version, startup.node), ms(cpu.version), over(cpu.version, cpu.node)],
        ['`instr list` (warm cache)', ms(startup.list), over(startup.list, startup.node), ms(cpu.list), over(cpu.list, cpu.node)],
        [
          '`instr list`, first command after `npm ci` (its `prepare` compiled the bundled instructions)',
          ms(startup.firstList),
          over(startup.firstList, startup.node),
          ms(cpu.firstList),
          over(cpu.firstList, cpu.node),
        ],
        ['`instr list`, nothing cached', ms(startup.coldList), over(startup.coldList, startup.node), ms(cpu.coldList), over(cpu.coldList, cpu.node)],
        ['`instr run request`, first prompt drawn (warm cache)', ms(startup.runFirstPrompt), over(startup.runFirstPrompt, startup.node), '', ''],
      ],
    ),
    '',
  );
  out.push('Goals (issue 16); `--check` fails when one is missed by more than 10%:', '');
  const show = (g) => (g.value === null ? '—' : g.unit === '×' ? `${g.value.toFixed(2)}×` : `${Math.round(g.value)} ${g.unit}`);
  const limit = (g) => (g.unit === '×' ? `≤ ${g.limit}×` : `≤ ${g.limit} ${g.unit}`);
  out.push(
    ...table(
      ['goal', 'measured', 'goal', ''],
      report.goals.map((g) => [
        g.goal,
        show(g),
        limit(g),
        g.value === null ? '' : g.value <= g.limit ? 'met' : g.value <= g.limit * 1.1 ? 'within 10%' : 'missed',
      ]),
    ),
  );
  return out.join('\n');
}
