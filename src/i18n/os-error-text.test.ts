import { describe, expect, it } from 'vitest';
import { osErrorText } from './os-error-text.js';

const errno = (code: string) => Object.assign(new Error(`${code}: x`), { code });

describe('osErrorText', () => {
  it('words a known code in the language asked, and keeps the code', () => {
    expect(osErrorText(errno('ENOENT'), 'ru')).toBe('нет такого файла или папки (ENOENT)');
    expect(osErrorText(errno('ENOENT'), 'en')).toBe('no such file or folder (ENOENT)');
    expect(osErrorText(errno('EACCES'), 'ru-RU')).toBe('нет прав доступа (EACCES)');
  });

  it('gives an unknown code as is, and an error without a code by its message', () => {
    expect(osErrorText(errno('EWHATEVER'), 'ru')).toBe('EWHATEVER');
    expect(osErrorText(new Error('broken'), 'en')).toBe('broken');
    expect(osErrorText('text', 'en')).toBe('text');
  });
});
