#!/usr/bin/env node
// `npm test`. The build first; then two things at once, because vitest leaves part of the two
// cores idle while the binary it spawns starts up:
//   - vitest, whose progress is printed as it goes;
//   - the checks: type check, ESLint, dependency rules, format, and the bundled instructions
//     (compile, scenarios with full branch coverage, lint with --max-warnings 0). Their output is
//     held and printed after vitest's, so the two never interleave.
// The exit code is the first failure's; Ctrl-C stops both and exits 130.
import { spawn } from 'node:child_process';

const node = process.execPath;
// npm's own script when npm started us (a bare "npm" is npm.cmd on Windows, which spawn cannot run)
const npmCheck = process.env.npm_execpath ? [node, [process.env.npm_execpath, 'run', '--silent', 'check']] : ['npm', ['run', '--silent', 'check']];
const checks = [
  npmCheck,
  [node, ['bin/instr', 'compile', 'instructions', '--quiet']],
  [node, ['bin/instr', 'test', '--require-coverage']],
  [node, ['bin/instr', 'lint', 'instructions', '--max-warnings', '0', '--today', '2026-11-27']],
];
const children = new Set();

function run(command, args, { hold = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: hold ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
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
  for (const [command, args] of checks) {
    const r = await run(command, args, { hold: true });
    text += `$ ${[command === node ? 'node' : command, ...args].join(' ')}\n${r.output}`;
    if (r.code !== 0) return { code: r.code, text };
  }
  return { code: 0, text };
}

const [vitest, checked] = await Promise.all([run(node, ['node_modules/vitest/vitest.mjs', 'run']), runChecks()]);
process.stdout.write(`\n${checked.text}`);
process.stdout.write(checked.code === 0 ? 'checks: passed\n' : `checks: FAILED (exit ${checked.code})\n`);
process.exit(vitest.code || checked.code);
