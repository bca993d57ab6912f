import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseYearlyDate, type YearlyDate } from './date-rules.js';
import { calendarMessages, yamlPlace } from './calendar-messages.js';

/** A row of a dates table: a yearly date, what it is, and whom it concerns. */
interface DateRow {
  date: YearlyDate;
  /** The date as written, for messages. */
  when: string;
  title: string;
  who: string[];
}

export interface DateTable {
  file: string;
  rows: DateRow[];
  problems: string[];
}

/**
 * Reads a dates table (YAML) from the instructions folder, e.g. `client-holidays.yaml`:
 *
 *     - date: третье воскресенье июня
 *       title: День медицинского работника
 *       who: [Клиника «Здоровье», ООО «Медтехника»]
 *     - date: 21 ноября
 *       title: День бухгалтера
 *
 * A row that cannot be read is a problem, never dropped silently. The path must stay inside the
 * folder.
 */
export async function loadDateTable(root: string, file: string, lang?: string): Promise<DateTable> {
  const t = calendarMessages(lang);
  const full = path.resolve(root, file);
  const inside = path.relative(root, full);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return { file, rows: [], problems: [t.tableOutside(file)] };
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch {
    return { file, rows: [], problems: [t.tableUnreadable(file)] };
  }
  return parseDateTable(file, text, lang);
}

/** `lang`: the language problems are worded in (the instruction's). */
export function parseDateTable(file: string, text: string, lang?: string): DateTable {
  const t = calendarMessages(lang);
  const rows: DateRow[] = [];
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 10, uniqueKeys: true });
  } catch (error) {
    return { file, rows, problems: [t.notYaml(yamlPlace(file, error))] };
  }
  if (data === null || data === undefined) return { file, rows, problems };
  if (!Array.isArray(data)) return { file, rows, problems: [t.tableNotList(file)] };
  data.forEach((row: unknown, i) => {
    const at = t.row(file, i + 1);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return problems.push(t.rowNotMapping(at));
    const r = row as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!['date', 'title', 'who'].includes(key)) problems.push(t.rowUnknownKey(at, key));
    const when = typeof r['date'] === 'string' ? r['date'] : '';
    const date = parseYearlyDate(when);
    if (!date) return problems.push(t.rowDate(at, when));
    const title = typeof r['title'] === 'string' ? r['title'].trim() : '';
    if (!title) return problems.push(t.rowTitle(at));
    const who = Array.isArray(r['who']) ? r['who'].map(String) : typeof r['who'] === 'string' ? [r['who']] : [];
    rows.push({ date, when, title, who });
    return undefined;
  });
  return { file, rows, problems };
}
