import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, parseScenarioBytes, parseScenarioText } from './load.js';

const problems = (text: string) => {
  const result = parseScenarioText(text, 's.yaml');
  if (result.ok) throw new Error('expected problems');
  return result.diagnostics;
};

describe('parseScenarioText', () => {
  it('accepts a valid file and keeps its data', () => {
    const result = parseScenarioText(
      'task: request\nscenarios:\n  - name: A\n    answers:\n      in-tariff: Да\n      "Шаг": {skip: нет времени}\n      loop: [Нет, Да]\n    expect:\n      status: done\n',
      's.yaml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.loaded.spec.task).toBe('request');
    expect(result.loaded.spec.scenarios[0]!.answers).toEqual({ 'in-tariff': 'Да', Шаг: { skip: 'нет времени' }, loop: ['Нет', 'Да'] });
    expect(result.loaded.locate(['scenarios', 0, 'answers', 'loop'])).toEqual({ file: 's.yaml', line: 7, column: 13 });
    expect(result.loaded.locate(['scenarios', 0, 'answers', 'loop'], true)).toEqual({ file: 's.yaml', line: 7, column: 7 });
  });

  it('reports a YAML syntax error at its line', () => {
    const [d] = problems('scenarios:\n  - name: A\n    expect: {status: done\n');
    expect(d).toMatchObject({ file: 's.yaml', rule: 'yaml-syntax', severity: 'error', source: 'parse' });
    expect(d!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicate key at its line', () => {
    const [d] = problems('scenarios:\n  - name: A\n    name: B\n    expect: {status: done}\n');
    expect(d).toMatchObject({ rule: 'yaml-syntax', line: 3 });
    expect(d!.message).toMatch(/unique/);
  });

  it('reports an unknown key at the key, with what is expected', () => {
    const [d] = problems('scenarios:\n  - name: A\n    expect:\n      status: done\n      outcom: x\n');
    expect(d).toMatchObject({ rule: 'scenario-schema', line: 5, column: 7, source: 'scenario' });
    expect(d!.message).toContain('Unknown key "outcom"');
    expect(d!.message).toContain('path-includes');
  });

  it('reports a bad status with the allowed values', () => {
    const [d] = problems('scenarios:\n  - name: A\n    expect:\n      status: finished\n');
    expect(d).toMatchObject({ line: 4, column: 15 });
    expect(d!.message).toContain('done, cancelled, failed, waiting');
  });

  it('reports one readable problem for a bad answer value', () => {
    const list = problems('scenarios:\n  - name: A\n    answers:\n      step one: {skip: 3, why: no}\n    expect: {status: done}\n');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 4, column: 17 });
    expect(list[0]!.message).toContain('The answer to "step one" in scenario 1');
  });

  it('explains a comma that split a flow mapping', () => {
    const [d] = problems('scenarios:\n  - name: A\n    answers:\n      step one: {unclear: Who, exactly?}\n    expect: {status: done}\n');
    expect(d!.message).toContain('inside {…} a text with a comma must be quoted');
  });

  it('says what a scenario file is when it is empty or a list', () => {
    expect(problems('')[0]!.message).toContain('A scenario file is a YAML mapping');
    expect(problems('- a\n- b\n')[0]!.message).toContain('A scenario file is a YAML mapping');
    expect(problems('scenarios:\n  - just text\n')[0]!.message).toBe('scenario 1 must be a mapping (key: value lines)');
  });

  it('requires scenarios and an expectation', () => {
    expect(problems('task: x\n')[0]!.message).toMatch(/scenarios/);
    expect(problems('scenarios:\n  - name: A\n    expect: {}\n')[0]!.message).toMatch(/fewer than 1/);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
      'scenarios: []',
    ].join('\n');
    const [d] = problems(bomb);
    expect(d!.rule).toBe('yaml-aliases');
  });

  it('treats __proto__ as an unknown key and pollutes nothing', () => {
    const [d] = problems('__proto__: {polluted: true}\nscenarios:\n  - name: A\n    expect: {status: done}\n');
    expect(d!.message).toContain('Unknown key "__proto__"');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('survives 10 000 levels of nesting', () => {
    const list = problems(`scenarios: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    expect(list.length).toBeGreaterThan(0);
  });

  it('reports invalid UTF-8 with its position', () => {
    const result = parseScenarioBytes(new Uint8Array([0x61, 0x3a, 0x20, 0xff, 0x0a]), 's.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]).toMatchObject({ rule: 'encoding', line: 1, column: 4 });
  });
});

describe('loadScenarioFile', () => {
  it('refuses files over 1 MB and missing files without throwing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instr-scenario-'));
    try {
      const big = join(dir, 'big.yaml');
      writeFileSync(big, `# ${'x'.repeat(1024 * 1024)}\n`);
      const tooBig = await loadScenarioFile(big, 'big.yaml');
      expect(tooBig.ok).toBe(false);
      if (!tooBig.ok) expect(tooBig.diagnostics[0]!.rule).toBe('file-too-large');
      const missing = await loadScenarioFile(join(dir, 'none.yaml'), 'none.yaml');
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.diagnostics[0]!.rule).toBe('unreadable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
