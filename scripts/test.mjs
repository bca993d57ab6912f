#!/usr/bin/env node
// `npm test`. The build first; then two things at once, because vitest leaves part of the two
// cores idle while the binary it spawns starts up:
//   - vitest, whose progress is printed as it goes;
//   - the checks: type check, ESLint, dependency rules, format, unused code (knip), and the bundled instructions
//     (scenarios with full branch coverage, and lint with --max-warnings 0, which compiles them and
//     fails on any compile error, so no separate `instr compile`). Their output is held and printed
//     after vitest's, so the two never interleave.
// The exit code is the first failure's; Ctrl-C stops both and exits 130.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const node = process.execPath;
// The scripts of `npm run check`, each run straight from package.json with node_modules/.bin on
// the PATH, as npm runs them, without an npm and a run-p process per script (about 2 s of CPU).
const { scripts } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const checkScripts = ['typecheck', 'lint:code', 'deps', 'format:check', 'knip'];
const binPath = `${join(process.cwd(), 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`;
// Every process this starts (the build, vitest, the checks, and the binaries the tests spawn, ~160
// Node starts in all) runs without NODE_EXTRA_CA_CERTS: where it is set, as on this project's
// machines, each Node start reads and parses that bundle of certificates, ~45 ms of CPU. Nothing
// here goes out to the network; the TLS tests give their own CA (sslrootcert).
const childEnv = { ...process.env };
delete childEnv.NODE_EXTRA_CA_CERTS;
const checks = [
  ...checkScripts.map((name) => [scripts[name], [], { shell: true, label: `npm run ${name}` }]),
  [node, ['bin/instr', 'test', '--require-coverage']],
  [node, ['bin/instr', 'lint', 'instructions', '--max-warnings', '0', '--today', '2026-11-27']],
];
const children = new Set();

function run(command, args, { hold = false, shell = false } = {}) {
  return new Promise((resolve) => {
    const env = shell ? { ...childEnv, PATH: binPath } : childEnv;
    const child = spawn(command, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit', shell, env });
    children.add(child);
    let output = '';
    if (hold) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => {
      output += `${command}: ${error.message}\n`;
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), output });
    });
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

const build = await run(node, ['scripts/build.mjs']);
if (build.code !== 0) process.exit(build.code);

async function runChecks() {
  let text = '';
  for (const [command, args, { shell = false, label } = {}] of checks) {
    const r = await run(command, args, { hold: true, shell });
    text += `$ ${label ?? ['node', ...args].join(' ')}\n${r.output}`;
    if (r.code !== 0) return { code: r.code, text };
  }
  return { code: 0, text };
}

const [vitest, checked] = await Promise.all([run(node, ['node_modules/vitest/vitest.mjs', 'run']), runChecks()]);
process.stdout.write(`\n${checked.text}`);
process.stdout.write(checked.code === 0 ? 'checks: passed\n' : `checks: FAILED (exit ${checked.code})\n`);
process.exit(vitest.code || checked.code);
