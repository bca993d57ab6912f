#!/usr/bin/env node
/**
 * `node scripts/hostile-timings.mjs [--markdown] [--only NAME]` (after `npm run build`): runs every
 * denial-of-service case of the security review once with the real binary and a timer, and prints
 * the case, the time before the fixes (as the review measured it), the time now (wall, seconds),
 * the exit code and the first diagnostic. A measurement, not a test: the goal is that every case
 * ends in under 5 s with a diagnostic, or cleanly. The table is kept in docs/security.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/instr', import.meta.url));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const fm = '---\nid: hostile\ntitle: Hostile\nlang: en\n---\n\n';
const task = (body) => `${fm}## Tasks {.tasks}\n\n### Do it {#do-it}\n\n::when[A client writes]\n\n${body}`;
const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));
const schedule = (rrule) => `${fm}## Tasks {.tasks}\n\n### Report {#report}\n\n::schedule[Every time]{rrule="${rrule}"}\n\n1. Send the report.\n`;

/** Each case: files to write (name → text), the command, and the time the review measured. */
const cases = [
  { name: '`> a` × 4,000 (20 KB)', before: '10', files: { 'x.md': fm + '> a\n\n'.repeat(4000) }, argv: ['compile', 'x.md'] },
  {
    name: 'paragraph + 3 numbered steps × 2,000 (66 KB)',
    before: '8.7–11',
    files: { 'x.md': fm + 'Paragraph text.\n\n1. One.\n2. Two.\n3. Three.\n\n'.repeat(2000) },
    argv: ['compile', 'x.md'],
  },
  { name: 'setext headings × 4,000 (28 KB)', before: '10', files: { 'x.md': fm + 'ab\n==\n\n'.repeat(4000) }, argv: ['compile', 'x.md'] },
  {
    name: 'backtick runs',
    before: 'n^1.5',
    files: { 'x.md': `${fm}${range(3000, (i) => `${'`'.repeat((i % 60) + 1)}a `).join('')}\n` },
    argv: ['compile', 'x.md'],
  },
  {
    name: '4,200 emphasis delimiters between `#x` lines (25 KB)',
    before: '12',
    files: { 'x.md': `${fm}${'*a\n#x\n'.repeat(2100)}x\n${'a*\n#x\n'.repeat(2100)}` },
    argv: ['compile', 'x.md'],
  },
  {
    name: 'a decision with 2,500 options and `#x` lines',
    before: '6.6',
    files: { 'x.md': task(`::decision[Which?]\n${range(2500, (i) => `- Option ${i}\n#x\n  1. Do ${i}.`).join('\n')}\n`) },
    argv: ['compile', 'x.md'],
  },
  { name: '`a <!-- ` × 14,000 (100 KB)', before: '18.8', files: { 'x.md': `${fm}${'a <!-- '.repeat(14_000)}\n` }, argv: ['compile', 'x.md'] },
  { name: '`a <? ` × 20,000', before: 'timeout', files: { 'x.md': `${fm}${'a <? '.repeat(20_000)}\n` }, argv: ['compile', 'x.md'] },
  { name: '`a <!A ` × 16,000', before: 'timeout', files: { 'x.md': `${fm}${'a <!A '.repeat(16_000)}\n` }, argv: ['compile', 'x.md'] },
  {
    name: '8,000 identical checkpoints',
    before: '6.3',
    files: { 'x.md': task('1. Step.\n\n' + '::checkpoint[Same checkpoint]\n\n'.repeat(8000)) },
    argv: ['compile', 'x.md'],
  },
  {
    name: 'paragraphs of links after one step (96 KB)',
    before: '7.7 (439 MB)',
    files: { 'x.md': task(`1. Step.\n\n${range(2400, (i) => `See [link](https://example.com/${i}) here.\n\n`).join('')}`) },
    argv: ['compile', 'x.md'],
  },
  {
    name: 'paragraphs of links after one step (256 KB)',
    before: '(959 MB)',
    files: { 'x.md': task(`1. Step.\n\n${range(6400, (i) => `See [link](https://example.com/${i}) here.\n\n`).join('')}`) },
    argv: ['compile', 'x.md'],
  },
  {
    name: '4,000 dangling jumps',
    before: '11.5',
    files: { 'x.md': `${fm}## Tasks {.tasks}\n\n${range(4000, (i) => `### T${i} {#t${i}}\n\n::when[x]\n\n1. Step.\n\n::goto[#tx${i}]\n`).join('\n')}` },
    argv: ['compile', 'x.md'],
  },
  {
    name: '2,000 duplicate task ids (renameNode, reachableWithin)',
    before: '—',
    files: { 'x.md': `${fm}## Tasks {.tasks}\n\n${range(2000, () => `### T {#t}\n\n::when[x]\n\n1. Step.\n`).join('\n')}` },
    argv: ['lint', 'x.md'],
  },
  {
    name: '40,000 attributes',
    before: '11',
    files: { 'x.md': task(`1. Step.\n\n::checkpoint[x]{${range(40_000, (i) => `k${i}=v`).join(' ')}}\n`) },
    argv: ['compile', 'x.md'],
  },
  {
    name: 'an unclosed `<!--` before thousands of `--` (collectComments)',
    before: '9',
    files: { 'x.md': task(`1. Step.\n\n<!--\n${'a -- b c -- d\n'.repeat(20_000)}`) },
    argv: ['compile', 'x.md'],
  },
  {
    name: '`graph` of 6,000 tasks',
    before: '11.7',
    files: { 'x.md': `${fm}## Tasks {.tasks}\n\n${range(6000, (i) => `### T${i} {#t${i}}\n\n::when[x]\n\n1. S${i}.\n`).join('\n')}` },
    argv: ['graph', '--format', 'mermaid', 'x.md'],
  },
  {
    name: 'a scenario file of 60,000 keys',
    before: 'timeout',
    files: {
      'instructions/doc.md': task('1. Step.\n'),
      'instructions/scenarios/big.yaml': `task: do-it\nscenarios:\n  - name: x\n    answers:\n${range(60_000, (i) => `      k${i}: v\n`).join('')}`,
    },
    argv: ['test'],
  },
  {
    name: '40,000 roles in front matter',
    before: '13',
    files: { 'x.md': `---\nid: hostile\ntitle: Hostile\nlang: en\nroles:\n${'  r: {title: R}\n'.repeat(40_000)}---\n\nx\n` },
    argv: ['compile', 'x.md'],
  },
  { name: '1 MB of `a\\n` lines', before: '(2.4 GB)', files: { 'x.md': fm + 'a\n'.repeat(512 * 1024) }, argv: ['compile', 'x.md'] },
  { name: '4 MB of tiny paragraphs (`a\\n\\n`)', before: '> 120 (3.3 GB)', files: { 'x.md': fm + 'a\n\n'.repeat(1_300_000) }, argv: ['compile', 'x.md'] },
  {
    name: '4 MB of tiny paragraphs, a heading every 300',
    before: '> 120 (900 MB)',
    files: { 'x.md': fm + `# h\n\n${'a\n\n'.repeat(300)}`.repeat(4300) },
    argv: ['compile', 'x.md'],
  },
  {
    name: 'a fence left open before 400 headings (1.6 MB)',
    before: '32 (14 s CPU)',
    files: { 'x.md': `${fm}\`\`\`\n${`# h\n${'x'.repeat(4100)}\n`.repeat(400)}` },
    argv: ['compile', 'x.md'],
  },
  { name: '`rrule="FREQ=DAILY;INTERVAL=-1"`', before: 'never ends', files: { 'x.md': schedule('FREQ=DAILY;INTERVAL=-1') }, argv: ['lint', 'x.md'] },
  {
    name: '`rrule="FREQ=MONTHLY;INTERVAL=-2;UNTIL=…"`',
    before: 'never ends',
    files: { 'x.md': schedule('FREQ=MONTHLY;INTERVAL=-2;UNTIL=20300101T000000Z') },
    argv: ['list', 'x.md'],
  },
  { name: '`rrule="FREQ=DAILY;BYSETPOS=366"`', before: '10–15', files: { 'x.md': schedule('FREQ=DAILY;BYSETPOS=366') }, argv: ['lint', 'x.md'] },
  {
    name: 'a journal linked to /dev/zero: `instr report`',
    before: 'never ends',
    files: { 'x.md': task('1. Step.\n') },
    link: ['.instr/journal.jsonl', '/dev/zero'],
    argv: ['report', 'x.md'],
  },
];

const rows = [];
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const root = mkdtempSync(join(tmpdir(), 'instr-hostile-timings-'));
try {
  for (const [index, c] of cases.entries()) {
    if (only && !c.name.includes(only)) continue;
    const dir = join(root, `case-${index}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(c.files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    if (c.link) {
      mkdirSync(join(dir, c.link[0], '..'), { recursive: true });
      symlinkSync(c.link[1], join(dir, c.link[0]));
    }
    const cacheDir = join(dir, 'cache');
    const argv = ['--no-cache', ...c.argv];
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', INSTR_CACHE_DIR: cacheDir, ...(c.link ? {} : { INSTR_JOURNAL: join(dir, 'journal.jsonl') }) };
    const started = process.hrtime.bigint();
    // Through GNU time when there is one: the CPU time and peak memory of the process (on a busy machine the wall time is mostly waiting).
    const command = time ? [time, '-f', '__measured %U %S %M', process.execPath, bin, ...argv] : [process.execPath, bin, ...argv];
    const r = spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8', env, timeout: 300_000, maxBuffer: 1 << 28 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const measured = /__measured ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    const cpu = measured ? Number(measured[1]) + Number(measured[2]) : null;
    const rssMb = measured ? Math.round(Number(measured[3]) / 1024) : null;
    const code =
      measured && /Command exited with non-zero status (\d+)/.exec(r.stderr) ? Number(/Command exited with non-zero status (\d+)/.exec(r.stderr)[1]) : r.status;
    const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').filter((l) => !l.startsWith('__measured') && !l.startsWith('Command exited'));
    const said = lines.find((l) => /\berror\b|refused|symbolic|not a regular/i.test(l)) ?? lines.find((l) => /warning/.test(l)) ?? '';
    const diagnostic = said.replace(/\s+/g, ' ').trim().slice(0, 140);
    rows.push({ name: c.name, before: c.before, seconds, cpu, rssMb, code: code ?? `killed (${r.signal})`, diagnostic });
    console.error(`${seconds.toFixed(2).padStart(7)} s  cpu ${cpu?.toFixed(2) ?? '?'} s  ${rssMb ?? '?'} MB  exit ${String(code).padEnd(4)} ${c.name}`);
    rmSync(dir, { recursive: true, force: true });
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load average ${loadavg()[0].toFixed(1)} at the end, Node ${process.version}`;
console.log(`Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}; wall time of one run of the real binary.\n`);
console.log('| case | before (s) | now: wall (s) | CPU (s) | peak RSS (MB) | exit | diagnostic |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.name} | ${r.before} | ${r.seconds.toFixed(2)} | ${r.cpu?.toFixed(2) ?? '—'} | ${r.rssMb ?? '—'} | ${r.code} | ${r.diagnostic.replace(/\|/g, '\\|').replace(/`/g, "'")} |`,
  );
const slow = rows.filter((r) => (r.cpu ?? r.seconds) >= 5);
if (slow.length > 0) console.error(`over 5 s of CPU: ${slow.map((r) => r.name).join('; ')}`);
