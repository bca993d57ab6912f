import { exitCodes } from '../errors.js';
import { UsageError } from '../usage-error.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { buildAgenda } from '../../agenda/build.js';
import { loadDateTable, type DateTable } from '../../calendar/date-table.js';
import { loadFirmDays } from '../../calendar/firm-days.js';
import { WorkTimes } from '../../calendar/work-times.js';
import { resolveNow } from '../now.js';
import { agendaMarkdown, agendaText } from '../../agenda/render.js';
import { localDate, parseIsoDate, systemTimeZone } from '../../schedule/zone.js';
import { documentZone } from '../../schedule/task-zone.js';
import { choice } from './journal-flags.js';
import { graphForRoleOrExit, graphOfUserRuns, readRunsOrExit } from './journal-store.js';
import { jsonText } from '../../render/json-text.js';

export interface AgendaFlags {
  date?: string;
  days: string;
  format: string;
  journal?: string;
  lang?: string;
  user?: string;
  role?: string;
  now?: string;
}

export async function agendaCommand(paths: string[], flags: AgendaFlags, io: Io): Promise<number> {
  const format = choice(flags.format, ['text', 'markdown', 'json'], '--format');
  const days = Number(flags.days);
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new UsageError((t) => t.wholeNumber('--days', 1, 366, terminalSafe(flags.days)));
  if (flags.date !== undefined && parseIsoDate(flags.date) === null) throw new UsageError((t) => t.isoDate('--date', terminalSafe(flags.date ?? '')));
  const loaded = await loadInstructions(paths, io);
  const { root } = loaded;
  // --role: that role's instructions only, their scheduled tasks as well as their runs
  const graph = graphForRoleOrExit(loaded.graph, flags.role, flags.lang);
  const zone = graph.documents.length > 0 ? documentZone(graph.documents[0]) : systemTimeZone();
  const now = resolveNow(flags.now, zone);
  const from = flags.date ?? localDate(now, zone);
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const firm = await loadFirmDays(root, lang);
  for (const problem of firm.problems) io.err(`instr: ${problem}\n`);
  const tables = new Map<string, DateTable>();
  for (const schedule of graph.tasks.flatMap((t) => t.schedules)) {
    if (schedule.table === undefined || tables.has(schedule.table)) continue;
    const table = await loadDateTable(root, schedule.table, lang);
    for (const problem of table.problems) io.err(`instr: ${problem}\n`);
    tables.set(schedule.table, table);
  }
  const { runs } = await readRunsOrExit(io, flags.journal, graph, { user: flags.user, role: flags.role, lang });
  const agenda = buildAgenda(graphOfUserRuns(io, graph, runs, { ...flags, lang }), runs.values(), from, days, now, new WorkTimes(graph, firm.firm), tables);
  if (format === 'json') io.out(jsonText(agenda));
  else if (format === 'markdown') io.out(agendaMarkdown(agenda, lang));
  else io.out(agendaText(agenda, lang, io.color));
  return exitCodes.ok;
}
