import { describe, expect, it } from 'vitest';
import type { SearchDoc } from './documents.js';
import { blocks, plain } from './documents.js';
import { decodeIndexFile, encodeIndexFile } from './index-file.js';
import { buildPostings, mergePostings } from './postings.js';
import { buildIndex, search, searchKinds } from './search.js';
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

  it('survives its stored form (the cached index answers the same)', () => {
    const bytes = encodeIndexFile({ postings: index.postings, kinds: index.kinds, owners: index.owners, extra: { any: 1 } });
    const file = decodeIndexFile<{ any: number }>(bytes, searchKinds.length)!;
    expect(file.extra).toEqual({ any: 1 });
    const again = { postings: file.postings, kinds: file.kinds!, owners: file.owners!, docs: index.docs };
    for (const q of ['недоволен', 'скитку', 'ты', 'бесплат']) expect(search(again, q, { synonyms: none })).toEqual(search(index, q, { synonyms: none }));
    expect(decodeIndexFile(Buffer.from('{"format":"other"}'), searchKinds.length)).toBeNull();
    expect(decodeIndexFile(bytes.subarray(0, bytes.length - 3), searchKinds.length)).toBeNull();
  });

  it('reads back postings of any length (each array padded to 4 bytes)', () => {
    for (const texts of [['один'], ['один два три'], ['один', 'два', 'три два']]) {
      const postings = buildPostings(texts);
      const kinds = new Uint8Array(texts.length).fill(1);
      const owners = new Uint32Array(texts.map((_, i) => i));
      expect(decodeIndexFile(encodeIndexFile({ postings, kinds, owners, extra: null }), searchKinds.length)).toEqual({ postings, kinds, owners, extra: null });
    }
  });

  it('rejects stored postings that point past the pieces', () => {
    const postings = buildPostings(['один', 'два']);
    postings.docs[0] = 7;
    expect(decodeIndexFile(encodeIndexFile({ postings, kinds: null, owners: null, extra: null }), searchKinds.length)).toBeNull();
  });

  it('merges the postings of parts into those of the whole, piece numbers shifted', () => {
    const texts = docs.map((d) => d.text);
    const whole = buildPostings(texts);
    const merged = mergePostings([buildPostings(texts.slice(0, 5)), buildPostings(texts.slice(5, 9)), buildPostings(texts.slice(9))]);
    expect(merged).toEqual(whole);
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

  it('takes a word of the index as typed whole: «скан» does not bring in the group of «скандалит»', () => {
    const s = compileSynonyms([['грубит', 'скандалит']]);
    const i = buildIndex([doc('conflict', 'trigger', 'Клиент грубит'), doc('equipment', 'step', 'Отправить поставщику скан договора')]);
    expect(search(i, 'скан', { synonyms: s }).map((h) => h.doc.task)).toEqual(['equipment']);
    // a word the index does not have is still taken as the start of a synonym: «сканда» → «скандалит»
    expect(search(i, 'сканда', { synonyms: s })[0]!.doc.task).toBe('conflict');
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
