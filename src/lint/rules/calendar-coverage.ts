import { firmDaysFile, loadFirmDays } from '../../calendar/firm-days.js';
import { calendarData, ProductionCalendar } from '../../calendar/production-calendar.js';
import { addDays } from '../../schedule/zone.js';
import { defineRule, docsUrl } from '../rule.js';

interface Options {
  requireDecree: boolean;
}

/** How far ahead the calendar must know the working days. */
const horizonDays = 60;

/**
 * An instruction that names a production calendar (`calendar: ru`) whose data does not cover the
 * next 60 days: working-day schedules and working-time deadlines there would count weekends only.
 * With `requireDecree`, a year known only from the Labour Code (no decree yet) is not covered.
 * Problems in the firm's days-off.yaml are reported here too, never dropped silently.
 */
export const rule = defineRule<Options>({
  meta: {
    id: 'calendar-coverage',
    type: 'problem',
    description: 'the production calendar does not cover the next 60 days, or the firm’s days-off.yaml has problems',
    defaultSeverity: 'warn',
    docs: docsUrl('calendar-coverage'),
    schema: {
      requireDecree: { type: 'boolean', description: 'Count a year known only from the Labour Code (no decree checked yet) as not covered.' },
    },
    defaultOptions: { requireDecree: false },
    messages: {
      notCovered: {
        ru: 'Производственный календарь «{{calendar}}» не знает рабочих дней {{year}} года (с {{from}}, в ближайшие {{days}} дней): рабочие дни и сроки будут считаться без праздников. Обновите instr или добавьте дни в {{file}}',
        en: 'The production calendar "{{calendar}}" does not know the working days of {{year}} (from {{from}}, within the next {{days}} days): working days and deadlines will ignore holidays. Update instr or add the days to {{file}}',
      },
      firmDays: {
        ru: 'Файл выходных фирмы: {{problem}}',
        en: 'The firm’s days-off file: {{problem}}',
      },
    },
  },
  async check(context) {
    const firm = await loadFirmDays(context.root, context.graph.documents[0]?.lang);
    // A year the firm lists its own days off (or working days) for in days-off.yaml is the
    // firm's to keep: working time there counts those days, so the year is covered.
    const firmYears = new Set([...firm.firm.daysOff.keys(), ...firm.firm.workingDays.keys()].map((date) => date.slice(0, 4)));
    for (const doc of context.graph.documents) {
      if (!doc.calendar) continue;
      const data = calendarData(doc.calendar);
      if (!data) continue;
      const calendar = new ProductionCalendar(data);
      const at = calendarLine(context.source(doc.file)?.text ?? '') ?? doc.position ?? { line: 1, column: 1 };
      for (let i = 0; i < horizonDays; i++) {
        const date = addDays(context.today, i);
        const coverage = calendar.coverage(date);
        if (firmYears.has(date.slice(0, 4))) continue;
        if (coverage === 'none' || (context.options.requireDecree && coverage === 'statutory')) {
          context.report({
            file: doc.file,
            at,
            messageId: 'notCovered',
            data: { calendar: doc.calendar, year: date.slice(0, 4), from: date, days: horizonDays, file: firmDaysFile },
          });
          break;
        }
      }
      const problems = doc.lang === context.graph.documents[0]?.lang ? firm.problems : (await loadFirmDays(context.root, doc.lang)).problems;
      for (const problem of problems) context.report({ file: doc.file, at, messageId: 'firmDays', data: { problem } });
    }
  },
});

function calendarLine(text: string): { line: number; column: number } | null {
  if (!text.startsWith('---')) return null;
  const end = text.indexOf('\n---', 3);
  const lines = (end === -1 ? text : text.slice(0, end)).split('\n');
  const i = lines.findIndex((l) => l.startsWith('calendar:'));
  return i === -1 ? null : { line: i + 1, column: 1 };
}
