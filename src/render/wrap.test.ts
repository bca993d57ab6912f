import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { hangingIndent, visibleWidth, wrapLine } from './wrap.js';

describe('wrapLine', () => {
  it('wraps at the width with a hanging indent, keeping leading spaces', () => {
    const line = `  ✓ ${'слово '.repeat(20).trim()}`;
    const out = wrapLine(line, 40, '    ');
    expect(out.length).toBeGreaterThan(1);
    for (const l of out) expect(visibleWidth(l)).toBeLessThanOrEqual(40);
    expect(out[0]!.startsWith('  ✓ слово')).toBe(true);
    expect(out[1]!.startsWith('    слово')).toBe(true);
    expect(out.join(' ').replace(/\s+/g, ' ').trim()).toBe(line.trim());
  });

  it('counts visible characters only, so colour codes do not shorten lines', () => {
    const c = new Chalk({ level: 1 });
    const line = `${c.green('✓')} ${c.bold('a'.repeat(30))} ${'b'.repeat(30)}`;
    expect(wrapLine(line, 70)).toEqual([line]);
    expect(wrapLine(line, 40)).toHaveLength(2);
  });

  it('counts terminal columns: 🤝 and ⏳ take two, ✓ and Cyrillic one (the promise line of a run at 80 columns)', () => {
    expect(visibleWidth('🤝 Обещание')).toBe(11);
    expect(visibleWidth('⏳ ждать')).toBe(8);
    expect(visibleWidth('✓ сделано')).toBe(9);
    const line = '  🤝 Обещание клиенту: «Сделано» — вы его дали; оно в повестке, пока не выполнено';
    expect([...line]).toHaveLength(80);
    const out = wrapLine(line, 80, '     ');
    expect(out).toHaveLength(2);
    for (const l of out) expect(visibleWidth(l)).toBeLessThanOrEqual(80);
    expect(hangingIndent('  ⏳ ждать ответа')).toBe('     ');
  });

  it('hangs continuation lines under the text, after a marker', () => {
    expect(hangingIndent('  plain text')).toBe('  ');
    expect(hangingIndent('  ✓ done')).toBe('    ');
    expect(hangingIndent('  12. item')).toBe('      ');
    expect(hangingIndent(new Chalk({ level: 1 }).green('✓') + ' x')).toBe('  ');
  });
});
