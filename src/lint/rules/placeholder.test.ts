import { describe, expect, it } from 'vitest';
import { verifyRule } from '../rule-tester.js';
import { findPlaceholders, frontMatterPlaceholders, rule } from './placeholder.js';

describe('placeholder', () => {
  it('reports «то…», TODO, (уточнить), ??? and an option that is only "..."', async () => {
    const found = await verifyRule(rule, ['test/fixtures/lint/placeholder/invalid.md']);
    expect(found.map((d) => [d.line, d.column])).toEqual([
      [15, 53],
      [16, 4],
      [17, 27],
      [22, 6],
      [23, 3],
    ]);
  });
  it('is silent on concrete text, an ellipsis inside a quote, «уточнить у…» and code', async () => {
    expect(await verifyRule(rule, ['test/fixtures/lint/placeholder/valid.md'])).toEqual([]);
  });
  it('checks the front matter: a contact named TBD, a phone like «+7 XXX», ??? in a title; not keys or comments', () => {
    const text = [
      '---',
      'id: fm',
      'title: Заявки ???',
      '# TODO: a YAML comment is not shown to anyone',
      'roles:',
      '  chief:',
      '    title: Главный бухгалтер',
      '    name: TBD',
      '    contacts:',
      '      phone: "+7 XXX XXX-XX-XX"',
      '      email: chief@example.ru',
      '      telegram: 8 (900) ХХХ-ХХ-ХХ',
      '  todo:',
      '    title: Директор',
      '---',
      '',
      'TODO in the body is the other check.',
    ].join('\n');
    const found = frontMatterPlaceholders(text).map((m) => [m.text, text.slice(m.offset, m.endOffset)]);
    expect(found).toEqual([
      ['???', '???'],
      ['TBD', 'TBD'],
      ['+7 XXX XXX-XX-XX', '+7 XXX XXX-XX-XX'],
      ['8 (900) ХХХ-ХХ-ХХ', '8 (900) ХХХ-ХХ-ХХ'],
    ]);
    expect(frontMatterPlaceholders('no front matter TBD\n')).toEqual([]);
  });

  it('does not take a heading ending in an ellipsis for an unfinished branch', () => {
    expect(findPlaceholders('## Что делать, если…\n')).toEqual([]);
  });
});
