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

/** `P1W` → «1 неделя» / "1 week"; the ISO text itself when it does not parse. */
export function formatDuration(iso: string, lang: string | undefined): string {
  const parts = parseDuration(iso);
  if (!parts) return iso;
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
