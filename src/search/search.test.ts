import { describe, expect, it } from 'vitest';
import type { SearchDoc } from './documents.js';
import { blocks, plain } from './documents.js';
import { buildIndex, loadIndex, search, serializeIndex } from './search.js';
import { snippet } from './snippet.js';
import { compileSynonyms } from './synonyms.js';

function doc(task: string, kind: SearchDoc['kind'], text: string, title = task): SearchDoc {
  return { kind, id: `${task}-${kind}-${text.length}`, task, section: 'tasks', title, text, file: 'a.md', line: 1, lang: 'ru' };
}

const docs: SearchDoc[] = [
  doc('daily-check', 'task', 'Начать рабочий день: проверить чаты, почту и пропущенные звонки'),
  doc('office-morning', 'task', 'Подготовить офис к приходу клиентов'),
  doc('office-morning', 'step', 'Проверить принтер: в лотке есть бумага, на экране нет сообщения «Замените картридж»'),
  doc('conflict', 'situation', 'Конфликт с клиентом'),
  doc('conflict', 'trigger', 'Клиент повышает голос, грубит, обвиняет компанию или грозит уйти'),
  doc('complaint', 'situation', 'Клиент недоволен нашей работой'),
  doc('complaint', 'trigger', 'Клиент пишет, что недоволен: ошибка в отчёте, сорван срок'),
  doc('request', 'option', 'Нет, просит скидку или сделать бесплатно'),
  doc('request', 'task', 'Обработать заявку клиента'),
  doc('request', 'step', 'Поставить бухгалтеру задачу в CRM'),
  {
    kind: 'section',
    id: 'norms',
    task: null,
    section: 'norms',
    title: 'Нормы общения',
    text: '«Ты» и «вы». С клиентами всегда на «вы».',
    file: 'a.md',
    line: 9,
    lang: 'ru',
  },
  doc('printer', 'task', 'Replace the printer cartridge', 'Replace the printer cartridge'),
];
const index = buildIndex(docs);
const none = compileSynonyms([]);
const ids = (q: string, synonyms = none) => search(index, q, { synonyms }).map((h) => h.doc.task ?? h.doc.section);

describe('search: morphology', () => {
  it('finds other word forms by their Snowball stem', () => {
    expect(ids('скидка')[0]).toBe('request');
    expect(ids('скидки')[0]).toBe('request');
    expect(ids('заявки')[0]).toBe('request');
    expect(ids('printers')[0]).toBe('printer');
  });

  it('matches the start of a longer word, and forgives a typo in a long word', () => {
    expect(ids('бесплат')[0]).toBe('request');
    expect(ids('скитку')[0]).toBe('request');
    expect(ids('недовлен')[0]).toBe('complaint');
  });

  it('never matches a short word inside a longer one: «ты» is not «чаты»', () => {
    expect(ids('ты')).toEqual(['norms']);
  });

  it('does not find «кричит» in unrelated tasks without a synonym', () => {
    expect(ids('кричит')).toEqual([]);
  });

  it('ignores stop words unless the query has nothing else', () => {
    expect(ids('как и где недоволен')).toEqual(['complaint']);
    expect(ids('вы')).toEqual(['norms']);
  });

  it('treats ё as е', () => {
    const i = buildIndex([doc('x', 'task', 'Клиент орёт')]);
    expect(search(i, 'орет', { synonyms: none }).map((h) => h.doc.task)).toEqual(['x']);
  });
});

describe('search: ranking', () => {
  it('ranks the task that covers more of the query first, one result per task', () => {
    const got = ids('бухгалтер ошибся, клиент недоволен');
    expect(got[0]).toBe('complaint');
    expect(new Set(got).size).toBe(got.length);
  });

  it('prefers a title to a step', () => {
    const i = buildIndex([doc('a', 'step', 'Проверить принтер'), doc('b', 'task', 'Принтер')]);
    expect(search(i, 'принтер', { synonyms: none }).map((h) => h.doc.task)).toEqual(['b', 'a']);
  });

  it('marks the words that matched', () => {
    const [hit] = search(index, 'скидку', { synonyms: none });
    expect(hit!.marks.map(([a, b]) => hit!.doc.text.slice(a, b))).toEqual(['скидку']);
  });

  it('survives serialization (the cached index answers the same)', () => {
    const again = loadIndex(serializeIndex(index))!;
    expect(search(again, 'недоволен', { synonyms: none })).toEqual(search(index, 'недоволен', { synonyms: none }));
    expect(loadIndex('{"format":"other"}')).toBeNull();
    expect(loadIndex('not json')).toBeNull();
  });
});

describe('search: synonyms', () => {
  const synonyms = compileSynonyms([['орёт', 'кричит', 'повышает голос', 'ругается']]);

  it("finds a group's phrase from any of its words", () => {
    expect(ids('кричит', synonyms)[0]).toBe('conflict');
    expect(ids('орёт', synonyms)[0]).toBe('conflict');
  });

  it('needs every word of a phrase: «голос» alone is not «повышает голос»', () => {
    const i = buildIndex([doc('holiday', 'step', 'Поздравить голосом'), doc('conflict', 'trigger', 'Клиент повышает голос')]);
    expect(search(i, 'кричит', { synonyms }).map((h) => h.doc.task)).toEqual(['conflict']);
  });

  it('ranks the word typed above its synonyms', () => {
    const s = compileSynonyms([['скидка', 'бесплатно']]);
    const i = buildIndex([doc('a', 'step', 'Сделать бесплатно'), doc('b', 'step', 'Дать скидку')]);
    expect(search(i, 'скидка', { synonyms: s }).map((h) => h.doc.task)).toEqual(['b', 'a']);
  });

  it('drops groups with fewer than two usable entries', () => {
    expect(compileSynonyms([['и'], ['скидка']]).groups).toEqual([]);
  });
});

describe('search: text helpers', () => {
  it('splits Markdown prose into blocks with their lines and strips inline syntax', () => {
    expect(blocks('- **Обед:** с 13:00\n  до 14:00\n\nСм. [скрипт](t.md).', 10)).toEqual([
      { text: 'Обед: с 13:00 до 14:00', line: 10 },
      { text: 'См. скрипт.', line: 13 },
    ]);
    expect(plain('Шаг {#id} с `кодом`')).toBe('Шаг с кодом');
  });

  it('cuts a long text around its first match', () => {
    const text = `${'слово '.repeat(50)}скидка ${'хвост '.repeat(50)}`;
    const start = text.indexOf('скидка');
    const pieces = snippet(text, [[start, start + 6]], 60);
    expect(pieces[0]!.text).toBe('…');
    expect(pieces.find((p) => p.marked)!.text).toBe('скидка');
    expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(64);
  });
});
