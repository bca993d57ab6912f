import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const fixtures = 'test/fixtures/scenario';

/** `instr test …`, in process, from the repository root. */
async function instr(...args: string[]) {
  const result = await runCli(['test', ...args]);
  return { code: result.code, out: result.stdout, err: result.stderr };
}

describe('instr test', () => {
  it('passes a folder whose scenarios all pass and cover every option', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, '--require-coverage');
    expect(code).toBe(0);
    expect(out).toContain('✓ В тарифе (request, test/fixtures/scenario/basic/scenarios/request.yaml:3)');
    expect(out).toContain('✓ Нет, не входит  ×2');
    expect(out).toContain('Сценарии: пройдено: 3, не пройдено: 0; варианты решений, пройденные сценариями: 4/4 (100%)');
  });

  it('fails on a failing scenario, showing the diverging step with file:line and the missing answer', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, '--scenarios', `${fixtures}/mixed`, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toContain('✓ passes');
    expect(out).toContain('✗ wrong path');
    expect(out).toContain('→ Path, item 4: expected «Сообщить клиенту стоимость работы по прайсу», got «Поставить задачу ответственному бухгалтеру.»');
    expect(out).toContain('test/fixtures/scenario/basic/request.md:27  (scenario test/fixtures/scenario/mixed/request.yaml:17)');
    expect(out).toContain('→ No answer for the decision «Клиент согласен оплатить?»; options: Да | Нет');
    expect(out).toMatch(
      /Not reached by any scenario \(1\):\n {2}test\/fixtures\/scenario\/basic\/request\.md:32:3 {2}request › Клиент согласен оплатить\? › Да/,
    );
    expect(out).toContain('Scenarios: 1 passed, 3 failed');
  });

  it('reports uncovered options, and fails on them only with --require-coverage', async () => {
    const lenient = await instr(`${fixtures}/basic`, `${fixtures}/partial.yaml`);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain('Ни один сценарий не проходит (3):');
    expect((await instr(`${fixtures}/basic`, `${fixtures}/partial.yaml`, '--require-coverage')).code).toBe(1);
  });

  it('gives JSON with results, failure codes and coverage', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, '--scenarios', `${fixtures}/mixed`, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      scenarios: Array<{ name: string; passed: boolean; failures: Array<{ code: string }> }>;
      coverage: { covered: number; total: number };
      summary: { passed: number; failed: number };
    };
    expect(report.scenarios.map((s) => [s.name, s.passed])).toEqual([
      ['passes', true],
      ['wrong path', false],
      ['missing answer', false],
      ['wrong status', false],
    ]);
    expect(report.scenarios[2]!.failures[0]!.code).toBe('no-answer-decision');
    expect(report.coverage).toMatchObject({ covered: 3, total: 4 });
    expect(report.summary).toMatchObject({ passed: 1, failed: 3 });
  });

  it('reports a problem in a scenario file with its line, and runs nothing from it', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, `${fixtures}/bad-answer.yaml`);
    expect(code).toBe(1);
    // the instruction is Russian: so is the problem (docs/screen-language.md)
    expect(out).toContain('test/fixtures/scenario/bad-answer.yaml:5:18  error  «Да, входит в тариф» — не вариант решения «Задача входит в тариф клиента?»');
  });

  it('--quiet leaves out passing scenarios and the table', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, '--scenarios', `${fixtures}/mixed`, '--quiet', '--lang', 'en');
    expect(code).toBe(1);
    expect(out).not.toContain('✓ passes');
    expect(out).not.toContain('×2');
    expect(out).toContain('✗ wrong path');
    expect(out).toContain('Scenarios: 1 passed, 3 failed');
  });

  it('prints no escape sequence from a hostile scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instr-test-e2e-'));
    try {
      const file = join(dir, 'evil.yaml');
      writeFileSync(
        file,
        'task: request\nscenarios:\n  - name: "\\e[2J\\e]0;pwned\\a cleared"\n    answers:\n      in-tariff: "Да, входит"\n    expect:\n      outcome: "\\e[31mred"\n',
      );
      const { code, out } = await instr(`${fixtures}/basic`, file);
      expect(code).toBe(1);
      expect(out).toContain('cleared');
      expect(out).not.toContain('\u001b');
      expect(out).not.toContain('\u0007');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Regression: --format json used JSON.stringify, which leaves C1 controls and bidi overrides raw.
  it('--format json escapes C1 controls and bidi overrides from a hostile scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'instr-test-e2e-'));
    try {
      const file = join(dir, 'evil.yaml');
      writeFileSync(
        file,
        'task: request\nscenarios:\n  - name: "csi \\x9b31m and rlo \\u202e done"\n    answers:\n      in-tariff: "Да, входит"\n    expect:\n      outcome: "\\x9b31m red"\n',
      );
      const { out } = await instr(`${fixtures}/basic`, file, '--format', 'json');
      expect(out).toContain('csi \\u009b31m and rlo \\u202e done');
      expect(out).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
      expect((JSON.parse(out) as { scenarios: Array<{ name: string }> }).scenarios[0]!.name).toBe('csi \u009b31m and rlo \u202e done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--suggest prints scenarios for the options no scenario reaches', async () => {
    const { code, out } = await instr(`${fixtures}/basic`, `${fixtures}/partial.yaml`, '--suggest');
    expect(code).toBe(0);
    expect(out).toContain('scenarios:\n  - name: Задача входит в тариф клиента? — Нет, не входит\n    task: request\n');
    expect(out).toContain('outcome: Клиент отказался');
    expect(out).not.toContain('В тарифе');
  });

  it('exits 2 on usage errors', async () => {
    expect((await instr(`${fixtures}/basic`, '--format', 'xml')).code).toBe(2);
    const missing = await instr(`${fixtures}/basic`, `${fixtures}/none.yaml`);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Нет такого файла сценария');
  });
});
