import { describe, expect, it } from 'vitest';
import { verifyRule } from './rule-tester.js';
import { defineRule } from './rule.js';
import { maskProse, sourceText } from './source-text.js';

describe('linter', () => {
  it('turns a rule that throws into one rule-error diagnostic instead of a crash', async () => {
    const broken = defineRule({
      meta: {
        id: 'vague-wording',
        type: 'suggestion',
        description: 'x',
        defaultSeverity: 'warn',
        docs: 'docs/rules/x.md',
        schema: {},
        defaultOptions: {},
        messages: {},
      },
      check() {
        throw new Error('boom');
      },
    });
    const found = await verifyRule(broken, ['test/fixtures/lint/vague-wording/valid.md']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'rule-error', severity: 'error' });
    expect(found[0]!.message).toContain('Rule "vague-wording" failed: boom');
  });
  it('maps severities from the config: off skips the rule, error raises it', async () => {
    const rule = defineRule({
      meta: {
        id: 'vague-wording',
        type: 'suggestion',
        description: 'x',
        defaultSeverity: 'warn',
        docs: 'docs/rules/x.md',
        schema: {},
        defaultOptions: {},
        messages: { here: { ru: 'здесь', en: 'here' } },
      },
      check(context) {
        context.report({ file: context.graph.documents[0]!.file, at: { offset: 0, endOffset: 3 }, messageId: 'here' });
      },
    });
    expect(await verifyRule(rule, ['test/fixtures/lint/vague-wording/valid.md'], { config: { rules: { 'vague-wording': 'off' } } })).toEqual([]);
    const raised = await verifyRule(rule, ['test/fixtures/lint/vague-wording/valid.md'], { config: { rules: { 'vague-wording': 'error' } } });
    expect(raised[0]).toMatchObject({ severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 4, file: 'test/fixtures/lint/vague-wording/valid.md' });
  });
});

describe('source text', () => {
  it('blanks markup but keeps offsets and line breaks', () => {
    const text = '---\nid: x\n---\n::when[Клиент пришёл]{deadline=P1D}\nсм. [образец](templates/a.md) `code` <!-- c\nc --> http://x.ru/ensure\n';
    const t = sourceText('a.md', 'a.md', text);
    expect(t.prose).toHaveLength(text.length);
    expect(t.prose.split('\n').length).toBe(text.split('\n').length);
    expect(t.prose).toContain('[Клиент пришёл]');
    expect(t.prose).not.toMatch(/when|deadline|templates|code|ensure|id: x/);
    expect(t.markdown).toContain('templates/a.md');
    expect(t.locate(text.indexOf('Клиент'))).toEqual({ line: 4, column: 8 });
    expect(maskProse('{#id}')).toBe('     ');
  });
});
