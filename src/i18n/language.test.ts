import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration.js';
import { isSupportedLanguage, resolveLanguage } from './language.js';
import { messages } from './messages.js';
import { showMessages } from './show-messages.js';
import { runMessages } from '../run/messages.js';
import { searchMessages } from '../search/messages.js';
import { serverMessages } from '../journal/postgres/messages.js';

// Regression: each catalogue had its own test for "Russian": `startsWith('ru')` in some, the
// subtag before '-' in others, `=== 'ru'` in the server's; 'RU', 'ru_RU' and 'ru-RU' got Russian
// from some and English from others within one command.
describe('one language resolver', () => {
  const russian = ['ru', 'RU', 'ru-RU', 'ru_RU', ' ru '];
  const english = [undefined, '', 'en', 'en-GB', 'de', 'rus', 'russian'];

  it('resolves a tag by its primary subtag', () => {
    for (const tag of russian) expect(resolveLanguage(tag), String(tag)).toBe('ru');
    for (const tag of english) expect(resolveLanguage(tag), String(tag)).toBe('en');
    expect(isSupportedLanguage('ru-RU')).toBe(true);
    expect(isSupportedLanguage('de')).toBe(false);
  });

  it('every catalogue picks the same language for the same tag', () => {
    for (const tag of [...russian, ...english]) {
      const want = resolveLanguage(tag);
      expect(messages(tag), String(tag)).toBe(messages(want));
      expect(showMessages(tag), String(tag)).toBe(showMessages(want));
      expect(runMessages(tag), String(tag)).toBe(runMessages(want));
      expect(searchMessages(tag), String(tag)).toBe(searchMessages(want));
      expect(serverMessages(tag), String(tag)).toBe(serverMessages(want));
      expect(formatDuration('P2D', tag), String(tag)).toBe(formatDuration('P2D', want));
    }
  });
});
