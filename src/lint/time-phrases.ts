/**
 * Phrases that set a time in an instruction's prose: «в течение 2 часов», «до 12:00»,
 * «через 2 рабочих дня», «к сроку», "within 2 hours", "by noon". A step or question that sets a
 * time but has no wait before it is a hidden wait (lint rule `hidden-wait`).
 */
export interface TimePhrase {
  /** Offset of the phrase in the text. */
  readonly offset: number;
  readonly text: string;
  /** A working-time span the phrase names, when it names one (`2wh`, `3wd`, `PT30M`). */
  readonly span: string | null;
}

/** A phrase found; its span is worked out when asked for (only a reported phrase's is). */
class FoundPhrase implements TimePhrase {
  private spanOnce: string | null | undefined;
  constructor(
    readonly offset: number,
    readonly text: string,
  ) {}
  get span(): string | null {
    if (this.spanOnce === undefined) this.spanOnce = spanOf(this.text);
    return this.spanOnce;
  }
}

const number = '(\\d+|одн(?:ого|у|ой|а)|дв(?:ух|а|е)|тр[её]х|три|четыр[её]х|пят[иь]|one|two|three|four|five|an?)';
const ruUnit = '(минут[уы]?|час(?:а|ов)?|д(?:ень|ня|ней)|недел[июь]|месяц(?:а|ев)?)';
const enUnit = '(minutes?|hours?|days?|weeks?)';

/**
 * Each pattern with the key it cannot match without (see `keys` below): the eight patterns are run
 * only when their key is in the text.
 */
const patterns: Array<{ key: number; re: RegExp }> = [
  { key: 0, re: new RegExp(`(?<![\\p{L}])в\\s+течение\\s+(?:${number}\\s+)?(рабоч\\p{L}*\\s+)?${ruUnit}`, 'giu') },
  { key: 0, re: new RegExp(`(?<![\\p{L}])в\\s+течение\\s+(рабочего\\s+дня|дня|недели|месяца|часа)`, 'giu') },
  { key: 1, re: new RegExp(`(?<![\\p{L}])через\\s+${number}\\s+(рабоч\\p{L}*\\s+)?${ruUnit}`, 'giu') },
  { key: 2, re: /(?<![\p{L}\d])(?:до|к)\s+([01]?\d|2[0-3]):[0-5]\d/giu },
  { key: 3, re: /(?<![\p{L}])(?:к\s+сроку|в\s+день\s+срока|до\s+конца\s+срока|до\s+конца\s+рабочего\s+дня)/giu },
  { key: 4, re: new RegExp(`\\bwithin\\s+(?:${number}\\s+)?(working\\s+|business\\s+)?${enUnit}`, 'gi') },
  { key: 5, re: new RegExp(`\\b(?:in|after)\\s+${number}\\s+(working\\s+|business\\s+)${enUnit}`, 'gi') },
  { key: 6, re: /\bby\s+(?:noon|midday|the\s+end\s+of\s+the\s+(?:day|week)|([01]?\d|2[0-3]):[0-5]\d|\d{1,2}\s?(?:am|pm))\b/gi },
];

const numbers: Record<string, number> = {
  одного: 1,
  одну: 1,
  одной: 1,
  одна: 1,
  двух: 2,
  два: 2,
  две: 2,
  трёх: 3,
  трех: 3,
  три: 3,
  четырёх: 4,
  четырех: 4,
  пяти: 5,
  пять: 5,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  a: 1,
  an: 1,
};

/**
 * The word or figure each pattern above needs, in the order of their `key`s, found by one pass
 * (case-insensitive and Unicode-aware, so it finds at least what each pattern's own flags do): most
 * steps have none, and a step with one runs only the patterns that need it.
 */
const keys = /(течение)|(через)|(\d:[0-5]\d)|(срок|конца)|(within)|(working|business)|(by)/giu;

/** Whether a text has any key: most have none, and this is cheaper than the search for which. */
const anyKey = new RegExp(keys.source, 'iu');

/** Which keys of `keys` occur in a text, as bits (key k: bit k). */
function keysIn(text: string): number {
  if (!anyKey.test(text)) return 0;
  let found = 0;
  keys.lastIndex = 0;
  for (let m = keys.exec(text); m; m = keys.exec(text)) {
    for (let k = 1; k < m.length; k++) if (m[k] !== undefined) found |= 1 << (k - 1);
    // keys never overlap one another, but a match must not hide one that starts inside it
    keys.lastIndex = m.index + 1;
  }
  return found;
}

/** Every time-setting phrase in a text, in order. */
export function timePhrases(text: string): TimePhrase[] {
  const present = keysIn(text);
  if (present === 0) return [];
  const found: TimePhrase[] = [];
  for (const { key, re } of patterns) {
    if ((present & (1 << key)) === 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (found.some((f) => m!.index < f.offset + f.text.length && f.offset < m!.index + m![0].length)) continue;
      found.push(new FoundPhrase(m.index, m[0]));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** `в течение 2 рабочих часов` → `2wh`; `в течение 30 минут` → `PT30M`; null when no amount is said. */
function spanOf(phrase: string): string | null {
  const lower = phrase.toLowerCase();
  if (/(^|\s)рабочего\s+дня$/u.test(lower)) return '1wd';
  const m = /(\d+|[\p{L}]+)\s+(рабоч\p{L}*\s+|working\s+|business\s+)?(минут|час|д[ен]|недел|месяц|minute|hour|day|week)/u.exec(
    lower.replace(/^(в\s+течение|через|within|in|after)\s+/u, ''),
  );
  if (!m) return /рабочего\s+дня/u.test(lower) ? '1wd' : null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : numbers[m[1]!];
  if (n === undefined) return null;
  const working = Boolean(m[2]);
  const unit = m[3]!;
  if (unit.startsWith('мин') || unit.startsWith('minute')) return working ? `${n}wm` : `PT${n}M`;
  if (unit.startsWith('час') || unit.startsWith('hour')) return working ? `${n}wh` : `PT${n}H`;
  if (unit.startsWith('д') || unit.startsWith('day')) return working ? `${n}wd` : `P${n}D`;
  if (unit.startsWith('недел') || unit.startsWith('week')) return `P${n}W`;
  return `P${n}M`;
}
