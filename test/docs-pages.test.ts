import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { Chalk } from 'chalk';
import { rules } from '../src/lint/rules/index.js';
import { runCli } from './support/cli.js';
import type { Command } from 'commander';

const root = fileURLToPath(new URL('..', import.meta.url));
const io = { out: () => {}, err: () => {}, color: new Chalk({ level: 0 }), isTTY: false, columns: 80, cwd: root };

describe('documentation pages', () => {
  it('every command has its page under docs/commands/, linked from the README', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const names = buildProgram(io).commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect(existsSync(`${root}docs/commands/${name}.md`), `docs/commands/${name}.md`).toBe(true);
      expect(readme, `README links docs/commands/${name}.md`).toContain(`docs/commands/${name}.md`);
    }
  });

  it('every lint rule has its page under docs/rules/, and the rule points at it', () => {
    for (const rule of rules) {
      expect(rule.meta.docs).toBe(`docs/rules/${rule.meta.id}.md`);
      const page = `${root}${rule.meta.docs}`;
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, 'utf8').split('\n')[0]).toContain(rule.meta.id);
    }
  });

  it('every docs page a --help text names exists', async () => {
    const paths: string[][] = [[]];
    const walk = (command: Command, prefix: string[]) => {
      for (const sub of command.commands) {
        paths.push([...prefix, sub.name()]);
        walk(sub, [...prefix, sub.name()]);
      }
    };
    walk(buildProgram(io), []);
    expect(paths.length).toBeGreaterThan(15);
    const named = new Set<string>();
    for (const path of paths) {
      const r = await runCli([...path, '--help'], { columns: 200 });
      expect(r.code, path.join(' ')).toBe(0);
      for (const m of r.stdout.matchAll(/docs\/[\w./-]*[\w/]/g)) named.add(m[0]);
    }
    expect(named).toContain('docs/commands/search.md');
    for (const page of named) expect(existsSync(`${root}${page}`), `${page}, named in a --help text`).toBe(true);
  });

  it('the README stays short: at most 300 lines', () => {
    expect(readFileSync(`${root}README.md`, 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });
});
