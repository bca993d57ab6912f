import { describe, expect, it } from 'vitest';
import { splitTrailingAttributes } from './trailing-attributes.js';

describe('splitTrailingAttributes', () => {
  it('reads an id, classes and key=value pairs at the end of a text', () => {
    const r = splitTrailingAttributes('Обработать заявку клиента {#request .x reviewed=2026-01-01 note="two words"}');
    expect(r.text).toBe('Обработать заявку клиента');
    expect(r.id).toBe('request');
    expect(r.classes).toEqual(['x']);
    expect(Object.fromEntries(r.attributes)).toEqual({ reviewed: '2026-01-01', note: 'two words' });
  });

  it('leaves braces that are not attributes as text', () => {
    expect(splitTrailingAttributes('Use {curly braces} here').text).toBe('Use {curly braces} here');
    expect(splitTrailingAttributes('A set {a, b}').id).toBeUndefined();
    expect(splitTrailingAttributes('Нормы общения {.norms}').classes).toEqual(['norms']);
  });
});
