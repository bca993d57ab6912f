import { describe, expect, it } from 'vitest';
import { vagueWords } from './vague-words.js';
import { PhraseMatcher } from './wording.js';

const matcher = new PhraseMatcher([...vagueWords.ru, ...vagueWords.en]);
const found = (text: string) => matcher.find(text).map((m) => text.slice(m.offset, m.endOffset));

describe('PhraseMatcher', () => {
  it('finds Russian vague verbs in every form despite Snowball cutting them unevenly', () => {
    expect(found('Организовать, организуйте, организовали, организует, организация')).toEqual([
      'Организовать',
      'организуйте',
      'организовали',
      'организует',
      'организация',
    ]);
    expect(found('обеспечить обеспечьте обеспечивать обеспечение обеспечили')).toHaveLength(5);
    expect(found('контролировать контролируйте проконтролируйте')).toEqual(['контролировать', 'контролируйте', 'проконтролируйте']);
    expect(found('комфортный комфортную комфортно комфортнее')).toHaveLength(4);
    expect(found('Своевременно и своевременные ответы')).toEqual(['Своевременно', 'своевременные']);
  });

  it('finds phrases in inflected and wrapped forms, as one match', () => {
    expect(found('сделать надлежащим образом и при\nнеобходимости позвонить')).toEqual(['надлежащим образом', 'при\nнеобходимости']);
    expect(found('в кратчайший срок')).toEqual(['в кратчайший срок']);
    expect(found('Call the client as needed, in a timely manner.')).toEqual(['as needed', 'in a timely manner']);
  });

  it('finds English forms', () => {
    expect(found('ensure ensures ensuring ensured')).toHaveLength(4);
    expect(found('appropriate appropriately organizing organised')).toHaveLength(4);
  });

  it('leaves concrete words alone', () => {
    expect(found('контроль качества, необходимо позвонить, приемная, организационный')).toEqual(['организационный']);
    expect(found('organic matter, the time, timely, need, proper noun property')).toEqual([]);
    expect(
      found(
        'Когда клиент пришел к нам в офис — встретить и поздороваться, предложить чай или кофе, проводить в зону переговоров, сообщить руководителю о том, что клиент пришел',
      ),
    ).toEqual([]);
  });

  it('does not join phrase words across punctuation', () => {
    expect(found('при, необходимости')).toEqual([]);
  });
});

describe('PhraseMatcher search', () => {
  it('finds where matches start as trying every word would, also on odd text', () => {
    const odd = new PhraseMatcher([...vagueWords.ru, ...vagueWords.en, 'ёлка зелёная', 'e-mail (срочно)', 'Straße', 'ΟΔΟΣ']);
    const pieces = [
      'а',
      'О',
      'Ё',
      'ё',
      'в',
      'При',
      'при',
      ' необходимости',
      'Организ',
      'ова',
      'ть',
      'ensure',
      'As',
      ' needed',
      'in',
      'a',
      '-',
      "'",
      '’',
      ' ',
      '\n',
      ',',
      'İ',
      'ΟΔΟΣ',
      'σ',
      'ς',
      '😀',
      '𝐀',
      '1',
      'Е',
      'обеспеч',
      'ьте',
      'ёлк',
      'зелен',
      'ая',
      'e-mail',
      '(',
      'срочно',
      ')',
    ];
    let seed = 1;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 30); k > 0; k--) text += pieces[Math.floor(next() * pieces.length)];
      expect(odd.find(text)).toEqual(odd['findEveryWord'](text));
    }
  });
});
