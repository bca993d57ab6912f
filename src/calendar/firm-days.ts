import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseIsoDate } from '../schedule/zone.js';
import { expand, type FirmDays } from './production-calendar.js';
import { calendarMessages, yamlPlace } from './calendar-messages.js';

/** The file in the instructions folder where a firm lists its own days off, working days and shortened days. */
export const firmDaysFile = 'days-off.yaml';

export interface FirmDaysResult {
  firm: FirmDays;
  problems: string[];
}

/**
 * Reads `days-off.yaml` from the instructions folder, if there is one:
 *
 *     days-off:
 *       2026-12-30: Корпоратив
 *       2026-08-10..2026-08-14: Офис закрыт на ремонт
 *     working-days:
 *       2026-12-26: Отрабатываем 30 декабря
 *     shortened-days:
 *       2026-12-30: Последний рабочий день года, офис до 17:00
 *
 * A missing file is no days; a malformed entry is a problem and is left out, never silently.
 */
export async function loadFirmDays(root: string, lang?: string): Promise<FirmDaysResult> {
  const file = path.join(root, firmDaysFile);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { firm: { daysOff: new Map(), workingDays: new Map(), shortened: new Map() }, problems: [] };
  }
  return parseFirmDays(text, lang);
}

/** `lang`: the language problems are worded in (the instruction's). */
export function parseFirmDays(text: string, lang?: string): FirmDaysResult {
  const t = calendarMessages(lang);
  const firm = {
    daysOff: new Map<string, string>(),
    workingDays: new Map<string, string>(),
    shortened: new Map<string, string>(),
    file: firmDaysFile,
  } satisfies FirmDays;
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 10, uniqueKeys: true });
  } catch (error) {
    return { firm, problems: [t.notYaml(yamlPlace(firmDaysFile, error))] };
  }
  if (data === null || data === undefined) return { firm, problems };
  if (typeof data !== 'object' || Array.isArray(data)) return { firm, problems: [t.firmKeys(firmDaysFile)] };
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const target = key === 'days-off' ? firm.daysOff : key === 'working-days' ? firm.workingDays : key === 'shortened-days' ? firm.shortened : null;
    if (!target) {
      problems.push(t.firmUnknownKey(firmDaysFile, key));
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(t.firmNotMapping(firmDaysFile, key));
      continue;
    }
    for (const [when, reason] of Object.entries(value as Record<string, unknown>)) {
      const [a, b = a] = when.split('..');
      if (parseIsoDate(a!) === null || parseIsoDate(b!) === null || b! < a!) {
        problems.push(t.firmNotDate(firmDaysFile, when, key));
        continue;
      }
      let dates: string[];
      try {
        dates = expand(when);
      } catch {
        problems.push(t.firmTooLong(firmDaysFile, when, key));
        continue;
      }
      for (const d of dates) target.set(d, typeof reason === 'string' ? reason : '');
    }
  }
  return { firm, problems };
}
