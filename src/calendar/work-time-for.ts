import type { Document } from '../graph/types.js';
import { documentZone } from '../schedule/task-zone.js';
import { readOfficeHours } from './office-hours.js';
import { calendarData, ProductionCalendar, type CalendarData, type FirmDays } from './production-calendar.js';
import type { WorkTime } from './working-time.js';

/** A document with no `calendar:` still has weekends: Saturday and Sunday off, no holidays known. */
const weekendsOnly: CalendarData = { id: 'weekends', title: 'Saturday and Sunday off', zone: 'UTC', weekend: [6, 7], years: {} };

// A calendar expands its date sets once per firm file and calendar.
const built = new WeakMap<FirmDays, Map<CalendarData, ProductionCalendar>>();

const noFirmDays: FirmDays = { daysOff: new Map(), workingDays: new Map() };

/** The working time of a document: its calendar (plus the firm's days), office hours and zone. */
export function workTimeFor(doc: Pick<Document, 'calendar' | 'hours' | 'timezone'> | undefined, firm: FirmDays = noFirmDays): WorkTime {
  const data = (doc?.calendar ? calendarData(doc.calendar) : undefined) ?? weekendsOnly;
  let byData = built.get(firm);
  if (!byData) built.set(firm, (byData = new Map()));
  let calendar = byData.get(data);
  if (!calendar) byData.set(data, (calendar = new ProductionCalendar(data, firm)));
  return { calendar, hours: readOfficeHours(doc?.hours).hours, zone: documentZone(doc) };
}
