import { describe, expect, it } from 'vitest';
import { lintCode, type CodeOptions } from '../../src/lint/rule-tester.js';
import type { AnyRule } from '../../src/lint/rule.js';

export interface ValidCase extends CodeOptions {
  code: string;
  name?: string;
}

export interface InvalidCase extends ValidCase {
  /** Every finding the rule must make, in order; any other finding fails the test. */
  errors: Array<{ messageId: string; line?: number; column?: number }>;
}

/**
 * ESLint's RuleTester for instr: inline Markdown, linted in memory with one rule. A valid case
 * must give no finding; an invalid one exactly the listed findings. Code that does not compile
 * fails the test (a rule's test must not pass because its input was broken).
 */
export function ruleTester(rule: AnyRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(`${id} (rule tester)`, () => {
    cases.valid.forEach((c, i) => {
      const spec = typeof c === 'string' ? { code: c } : c;
      it(`valid #${i + 1}${spec.name ? `: ${spec.name}` : ''}`, async () => {
        const found = await lintCode(rule, spec.code, spec);
        expect(
          found.filter((d) => d.source !== 'lint'),
          'the code compiles',
        ).toEqual([]);
        expect(found.map((d) => `${d.line}:${d.column} ${d.messageId} ${d.message}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const found = await lintCode(rule, c.code, c);
        expect(
          found.filter((d) => d.source !== 'lint'),
          'the code compiles',
        ).toEqual([]);
        const lint = found.filter((d) => d.rule === id);
        expect(
          lint.map((d) => ({
            messageId: d.messageId,
            ...(pick(c.errors, 'line') ? { line: d.line } : {}),
            ...(pick(c.errors, 'column') ? { column: d.column } : {}),
          })),
        ).toEqual(
          c.errors.map((e) => ({
            messageId: e.messageId,
            ...(pick(c.errors, 'line') ? { line: e.line } : {}),
            ...(pick(c.errors, 'column') ? { column: e.column } : {}),
          })),
        );
        for (const d of lint) expect(d.message).not.toMatch(/\{\{/);
      });
    });
  });
}

function pick(errors: InvalidCase['errors'], key: 'line' | 'column'): boolean {
  return errors.some((e) => e[key] !== undefined);
}
