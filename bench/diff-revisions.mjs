#!/usr/bin/env node
/**
 * `node bench/diff-revisions.mjs [--files N] [--runs N]` (after `npm run build`): the wall and CPU
 * time of `instr --no-cache diff HEAD~1 HEAD` in a temporary git repository of N small instruction
 * files (default 1,000), three of them changed by the second commit. Each revision's blobs are
 * read with git; this measures how (one `git cat-file` per file took ~13 s per revision).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const files = option('--files', 1000);
const runs = option('--runs', 3);
const bin = fileURLToPath(new URL('../bin/instr', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'instr-bench-diff-'));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@example.com',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: dir,
};
const git = (...a) => execFileSync('git', a, { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
const doc = (i, step = `Step of file ${i}.`) =>
  `---\nid: doc-${i}\ntitle: Document ${i}\nlang: en\n---\n\n## Tasks {.tasks}\n\n### Task ${i} {#task-${i}}\n\n::when[Request ${i} arrives]\n\n1. ${step}\n2. Close it.\n`;

try {
  mkdirSync(join(dir, 'instructions'));
  git('init', '-q', '-b', 'main');
  for (let i = 0; i < files; i++) writeFileSync(join(dir, 'instructions', `part-${String(i).padStart(4, '0')}.md`), doc(i));
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  for (const i of [1, Math.floor(files / 2), files - 1]) writeFileSync(join(dir, 'instructions', `part-${String(i).padStart(4, '0')}.md`), doc(i, 'Changed.'));
  git('add', '-A');
  git('commit', '-q', '-m', 'change');
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, '--no-cache', 'diff', 'HEAD~1', 'HEAD', '--format', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    if (r.status !== 0) throw new Error(`instr diff exited ${r.status}: ${r.stderr}`);
    const changed = JSON.parse(r.stdout).tasks.length;
    times.push(wall);
    console.log(`run ${run + 1}: ${wall.toFixed(2)} s wall, ${changed} tasks changed`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `instr diff HEAD~1 HEAD, ${files} files: median ${times[Math.floor(times.length / 2)].toFixed(2)} s wall (${cpus().length} cores, load ${loadavg()[0].toFixed(1)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
