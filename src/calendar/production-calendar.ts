import ru from './data/ru.json' with { type: 'json' };
import { addDays, parseIsoDate } from '../schedule/zone.js';

/** What a local date is for work. */
export type DayKind = 'working' | 'shortened' | 'weekend' | 'holiday' | 'firm-day-off';

/** A year of a production calendar as the data file writes it. */
export interface CalendarYear {
  /** `decree`: checked against the published decree; `statutory`: only what the law fixes. */
  status: 'decree' | 'statutory';
  decree: string | null;
  note?: string;
  transfers?: string[];
  /** Dates (`YYYY-MM-DD`) or inclusive ranges (`YYYY-MM-DD..YYYY-MM-DD`). */
  nonWorking: string[];
  /** Saturdays or Sundays that are working days by a transfer. */
  working: string[];
  /** Working days one hour shorter (pre-holiday). */
  shortened: string[];
  /** The decree's count of working days in a five-day week, when it gives one. */
  workingDays?: number;
}

export interface CalendarData {
  id: string;
  title: string;
  zone: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are days off. */
  weekend: number[];
  note?: string;
  years: Record<string, CalendarYear>;
}

/** A firm's own changes, from the instructions folder (see firm-days.ts). */
export interface FirmDays {
  daysOff: Map<string, string>;
  workingDays: Map<string, string>;
  /** Working days the firm closes early on (`hours.shortened`), as on a pre-holiday day; a day off stays off. */
  shortened?: Map<string, string>;
  /** The file they came from, relative to the instructions folder. */
  file?: string;
}

const builtIn: Record<string, CalendarData> = { ru: ru as CalendarData };

/** Ids of the calendars `instr` ships. */
export const calendarIds: readonly string[] = Object.keys(builtIn);

export function calendarData(id: string): CalendarData | undefined {
  return Object.hasOwn(builtIn, id) ? builtIn[id] : undefined;
}

/**
 * A production calendar with a firm's own days merged in. Dates are local calendar dates
 * (`YYYY-MM-DD`); outside the covered years only the weekend rule applies.
 */
export class ProductionCalendar {
  readonly id: string;
  private readonly weekend: Set<number>;
  private readonly nonWorking = new Set<string>();
  private readonly working = new Set<string>();
  private readonly shortened = new Set<string>();
  private readonly years: Map<number, CalendarYear['status']>;

  constructor(
    readonly data: CalendarData,
    readonly firm: FirmDays = { daysOff: new Map(), workingDays: new Map() },
  ) {
    this.id = data.id;
    this.weekend = new Set(data.weekend);
    this.years = new Map(Object.entries(data.years).map(([y, v]) => [Number(y), v.status]));
    for (const year of Object.values(data.years)) {
      for (const entry of year.nonWorking) for (const d of expand(entry)) this.nonWorking.add(d);
      for (const entry of year.working) for (const d of expand(entry)) this.working.add(d);
      for (const entry of year.shortened) for (const d of expand(entry)) this.shortened.add(d);
    }
  }

  kind(date: string): DayKind {
    if (this.firm.daysOff.has(date)) return 'firm-day-off';
    const shortened = this.shortened.has(date) || this.firm.shortened?.has(date) === true;
    if (this.firm.workingDays.has(date) || this.working.has(date)) return shortened ? 'shortened' : 'working';
    if (this.nonWorking.has(date)) return 'holiday';
    if (this.weekend.has(isoWeekday(date))) return 'weekend';
    return shortened ? 'shortened' : 'working';
  }

  isWorkingDay(date: string): boolean {
    const k = this.kind(date);
    return k === 'working' || k === 'shortened';
  }

  /** How the year of a date is known: from a decree, from the law only, or not at all. */
  coverage(date: string): CalendarYear['status'] | 'none' {
    return this.years.get(Number(date.slice(0, 4))) ?? 'none';
  }

  /** The nearest working day on or before (`before`) or on or after (`after`) a date. */
  shift(date: string, direction: 'before' | 'after'): string {
    let d = date;
    for (let i = 0; i < maxSearchDays && !this.isWorkingDay(d); i++) d = addDays(d, direction === 'before' ? -1 : 1);
    return d;
  }

  /** The n-th working day after a date (n ≥ 1), or the date itself for n = 0. */
  addWorkingDays(date: string, n: number): string {
    let d = date;
    for (let left = n, i = 0; left > 0 && i < maxSearchDays; i++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }
}

/** No real calendar has a year without a working day; a search stops after ten years. */
export const maxSearchDays = 3660;

/** `2026-01-01..2026-01-11` → each date; a single date → itself. */
export function expand(entry: string): string[] {
  const [from, to = from] = entry.split('..') as [string, string?];
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a === null || b === null || b < a || b - a > 366 * 86_400_000) throw new RangeError(`not a date or range: ${entry}`);
  const out: string[] = [];
  for (let d = from; ; d = addDays(d, 1)) {
    out.push(d);
    if (d === to) break;
  }
  return out;
}

/** ISO weekday of a `YYYY-MM-DD`: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const t = parseIsoDate(date);
  if (t === null) throw new RangeError(`not a date: ${date}`);
  const d = new Date(t).getUTCDay();
  return d === 0 ? 7 : d;
}
