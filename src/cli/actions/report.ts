import { terminalSafe } from '../../text/terminal-safe.js';
import { UsageError } from '../usage-error.js';
import { cliMessages } from '../../i18n/cli-messages.js';
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { buildReport } from '../../report/build.js';
import { reportMarkdown, reportText } from '../../report/render.js';
import { documentZone } from '../../schedule/task-zone.js';
import { addDays, localDate, parseIsoDate, startOfLocalDay, systemTimeZone } from '../../schedule/zone.js';
import { resolveNow } from '../now.js';
import { choice } from './journal-flags.js';
import { graphForRoleOrExit, graphOfUserRuns, readRunsEarly } from './journal-store.js';
import type { Graph } from '../../graph/types.js';
import { jsonText } from '../../render/json-text.js';

export interface ReportFlags {
  since?: string;
  until?: string;
  today?: string;
  format: string;
  journal?: string;
  lang?: string;
  user?: string;
  role?: string;
  now?: string;
}

function dateFlag(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && parseIsoDate(value) === null) throw new UsageError((t) => t.isoDate(flag, terminalSafe(value)));
  return value;
}

export async function reportCommand(paths: string[], flags: ReportFlags, io: Io): Promise<number> {
  const format = choice(flags.format, ['text', 'markdown', 'json'], '--format');
  const todayFlag = dateFlag(flags.today, '--today');
  const untilFlag = dateFlag(flags.until, '--until');
  const sinceFlag = dateFlag(flags.since, '--since');
  // the journal is read while the instructions compile (connect, upload, queries overlap the compile)
  const early = readRunsEarly(io, flags.journal, flags.user);
  let period: Period;
  try {
    period = await reportPeriod(paths, flags, io, { todayFlag, untilFlag, sinceFlag });
  } catch (error) {
    await early.cancel();
    throw error;
  }
  const { graph, zone, fixedNow, today, until, since, lang } = period;
  const { journal, loaded } = await early.finish(graph, { role: flags.role, lang });
  const { runs, stats, missing } = loaded;
  if (stats?.unreadable)
    io.err(`${io.color.yellow('instr:')} ${cliMessages(lang).journalUnreadableLines(journal.shown, stats.unreadable, stats.unreadableLines.join(', '))}\n`);
  const now = fixedNow ?? (todayFlag ? startOfLocalDay(addDays(todayFlag, 1), zone) : Date.now());
  const report = buildReport(graphOfUserRuns(io, graph, runs, { ...flags, lang }), runs.values(), {
    since,
    until,
    today,
    now,
    journal: { path: journal.shown, missing, stats },
  });
  if (format === 'json') io.out(jsonText(report));
  else if (format === 'markdown') io.out(reportMarkdown(report, lang));
  else io.out(reportText(report, lang, io.color));
  return exitCodes.ok;
}

interface Period {
  graph: Graph;
  zone: string;
  fixedNow: number | null;
  today: string;
  until: string;
  since: string;
  lang: string;
}

/** The instructions (of `--role`) compiled, and the days and moment the report is for. */
async function reportPeriod(
  paths: string[],
  flags: ReportFlags,
  io: Io,
  dates: { todayFlag: string | undefined; untilFlag: string | undefined; sinceFlag: string | undefined },
): Promise<Period> {
  // --role: that role's instructions only, their tasks as well as their runs
  const graph = graphForRoleOrExit((await loadInstructions(paths, io)).graph, flags.role, flags.lang);
  const zone = graph.documents.length > 0 ? documentZone(graph.documents[0]) : systemTimeZone();
  // --now (or INSTR_NOW) is the moment the report judges at; --today alone judges at the end of that day
  const fixedNow = flags.now !== undefined || process.env['INSTR_NOW'] ? resolveNow(flags.now, zone) : null;
  const today = dates.todayFlag ?? localDate(fixedNow ?? Date.now(), zone);
  const until = dates.untilFlag ?? today;
  const since = dates.sinceFlag ?? addDays(until, -29);
  if (since > until) throw new UsageError((t) => t.sinceAfterUntil(since, until));
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  return { graph, zone, fixedNow, today, until, since, lang };
}
