import { parseSpan } from '../calendar/working-duration.js';
import { parseDuration, type DurationParts } from '../schedule/durations.js';
import { resolveLanguage } from './language.js';

const units: Record<string, Record<keyof DurationParts, [string, string, string]>> = {
  ru: {
    years: ['год', 'года', 'лет'],
    months: ['месяц', 'месяца', 'месяцев'],
    weeks: ['неделя', 'недели', 'недель'],
    days: ['день', 'дня', 'дней'],
    hours: ['час', 'часа', 'часов'],
    minutes: ['минута', 'минуты', 'минут'],
    seconds: ['секунда', 'секунды', 'секунд'],
  },
  en: {
    years: ['year', 'years', 'years'],
    months: ['month', 'months', 'months'],
    weeks: ['week', 'weeks', 'weeks'],
    days: ['day', 'days', 'days'],
    hours: ['hour', 'hours', 'hours'],
    minutes: ['minute', 'minutes', 'minutes'],
    seconds: ['second', 'seconds', 'seconds'],
  },
};

const workingUnits: Record<string, Record<'days' | 'hours' | 'minutes', [string, string, string]>> = {
  ru: {
    days: ['рабочий день', 'рабочих дня', 'рабочих дней'],
    hours: ['рабочий час', 'рабочих часа', 'рабочих часов'],
    minutes: ['рабочая минута', 'рабочих минуты', 'рабочих минут'],
  },
  en: {
    days: ['working day', 'working days', 'working days'],
    hours: ['working hour', 'working hours', 'working hours'],
    minutes: ['working minute', 'working minutes', 'working minutes'],
  },
};

/** Russian feminine units change in the accusative singular: «за 1 неделю», «через 21 минуту». */
const accusativeRu: Record<string, string> = { неделя: 'неделю', минута: 'минуту', секунда: 'секунду', 'рабочая минута': 'рабочую минуту' };

/**
 * `P1W` → «1 неделя» / "1 week"; working time too: `2wh` → «2 рабочих часа», `1wd4wh` →
 * «1 рабочий день 4 рабочих часа». The text itself when it is neither. `accusative`: the form
 * after «за» / «через» («за 1 неделю»).
 */
export function formatDuration(iso: string, lang: string | undefined, grammaticalCase?: 'accusative'): string {
  const text = formatNominative(iso, lang);
  if (grammaticalCase !== 'accusative' || resolveLanguage(lang) !== 'ru') return text;
  return text.replace(/(\d+) (рабочая минута|неделя|минута|секунда)(?=$| )/g, (_, n: string, unit: string) => `${n} ${accusativeRu[unit] ?? unit}`);
}

function formatNominative(iso: string, lang: string | undefined): string {
  const parts = parseDuration(iso);
  if (!parts) return formatWorking(iso, lang);
  const code = resolveLanguage(lang);
  const rules = new Intl.PluralRules(code);
  const names = units[code]!;
  const out: string[] = [];
  for (const key of Object.keys(names) as Array<keyof DurationParts>) {
    const n = parts[key];
    if (!n) continue;
    const [one, few, many] = names[key];
    const form = rules.select(n);
    out.push(`${n} ${form === 'one' ? one : form === 'few' ? few : code === 'en' ? few : many}`);
  }
  return out.join(' ') || iso;
}

function formatWorking(text: string, lang: string | undefined): string {
  const span = parseSpan(text);
  if (!span || span.kind !== 'working') return text;
  const code = resolveLanguage(lang);
  const rules = new Intl.PluralRules(code);
  const names = workingUnits[code]!;
  const amounts = { days: span.days, hours: Math.floor(span.minutes / 60), minutes: span.minutes % 60 };
  const out: string[] = [];
  for (const key of ['days', 'hours', 'minutes'] as const) {
    const n = amounts[key];
    if (!n) continue;
    const [one, few, many] = names[key];
    const form = rules.select(n);
    out.push(`${n} ${form === 'one' ? one : form === 'few' ? few : code === 'en' ? few : many}`);
  }
  return out.join(' ') || text;
}
