import { isoDate, parseIsoDate } from '../schedule/zone.js';
import { isoWeekday } from './production-calendar.js';

/**
 * A yearly date as people write it in a data table:
 * - a fixed day: `11-21`, `21 ноября`, `21 November`;
 * - the n-th or last weekday of a month: «третье воскресенье июня», «последняя пятница марта»,
 *   "third Sunday of June", "last Friday of March".
 * Returns the date in a year, or null when the text is none of these.
 */
export type YearlyDate = (year: number) => string | null;

const months: Array<[RegExp, number]> = [
  [/^(январ[ья]|january|jan)$/i, 1],
  [/^(феврал[ья]|february|feb)$/i, 2],
  [/^(марта?|march|mar)$/i, 3],
  [/^(апрел[ья]|april|apr)$/i, 4],
  [/^(ма[йя]|may)$/i, 5],
  [/^(июн[ья]|june|jun)$/i, 6],
  [/^(июл[ья]|july|jul)$/i, 7],
  [/^(августа?|august|aug)$/i, 8],
  [/^(сентябр[ья]|september|sep)$/i, 9],
  [/^(октябр[ья]|october|oct)$/i, 10],
  [/^(ноябр[ья]|november|nov)$/i, 11],
  [/^(декабр[ья]|december|dec)$/i, 12],
];

const weekdays: Array<[RegExp, number]> = [
  [/^(понедельник|monday)$/i, 1],
  [/^(вторник|tuesday)$/i, 2],
  [/^(среда|среду|wednesday)$/i, 3],
  [/^(четверг|thursday)$/i, 4],
  [/^(пятница|пятницу|friday)$/i, 5],
  [/^(суббота|субботу|saturday)$/i, 6],
  [/^(воскресенье|sunday)$/i, 7],
];

const ordinals: Array<[RegExp, number]> = [
  [/^(перв(ый|ая|ое|ую)|first|1st)$/i, 1],
  [/^(втор(ой|ая|ое|ую)|second|2nd)$/i, 2],
  [/^(трет(ий|ья|ье|ью)|third|3rd)$/i, 3],
  [/^(четв[её]рт(ый|ая|ое|ую)|fourth|4th)$/i, 4],
  [/^(последн(ий|яя|ее|юю)|last)$/i, -1],
];

const find = (table: Array<[RegExp, number]>, word: string | undefined) => (word === undefined ? undefined : table.find(([re]) => re.test(word))?.[1]);

export function parseYearlyDate(text: string): YearlyDate | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const numeric = /^(\d{1,2})-(\d{1,2})$/.exec(t);
  if (numeric) return fixed(Number(numeric[1]), Number(numeric[2]));
  const words = t
    .toLowerCase()
    .replace(/ of /g, ' ')
    .replace(/ месяца$/, '')
    .split(' ');
  if (words.length === 2 && /^\d{1,2}$/.test(words[0]!)) {
    const month = find(months, words[1]);
    return month ? fixed(month, Number(words[0])) : null;
  }
  if (words.length === 3) {
    const n = find(ordinals, words[0]);
    const weekday = find(weekdays, words[1]);
    const month = find(months, words[2]);
    if (n !== undefined && weekday !== undefined && month !== undefined) return (year) => nthWeekday(year, month, weekday, n);
  }
  return null;
}

function fixed(month: number, day: number): YearlyDate | null {
  if (parseIsoDate(isoDate({ year: 2024, month, day })) === null) return null; // 2024: 29 February is real
  return (year) => {
    const date = isoDate({ year, month, day });
    return parseIsoDate(date) === null ? null : date;
  };
}

/** The n-th (1…4, or -1 for the last) weekday of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  if (n > 0) {
    const first = isoDate({ year, month, day: 1 });
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return isoDate({ year, month, day: 1 + offset + (n - 1) * 7 });
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = isoDate({ year, month, day: lastDay });
  const back = (isoWeekday(last) - weekday + 7) % 7;
  return isoDate({ year, month, day: lastDay - back });
}
