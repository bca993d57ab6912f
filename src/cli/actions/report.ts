import { isAbsolute, relative } from 'node:path';
import type { ReportFlags } from '../commands/report.js';
import { ExitError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { buildReport } from '../../report/build.js';
import { journalPath } from '../../report/journal-path.js';
import { loadRuns } from '../../report/load-runs.js';
import { reportMarkdown, reportText } from '../../report/render.js';
import { documentZone } from '../../schedule/task-zone.js';
import { addDays, localDate, parseIsoDate, startOfLocalDay, systemTimeZone } from '../../schedule/zone.js';
import { choice, readJournalOrExit } from './journal-flags.js';
import { jsonText } from '../../render/json-text.js';

function dateFlag(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && parseIsoDate(value) === null) throw new ExitError(`${flag} must be a date YYYY-MM-DD, not "${value}"`, exitCodes.usage);
  return value;
}

export async function reportCommand(paths: string[], flags: ReportFlags, io: Io): Promise<number> {
  const format = choice(flags.format, ['text', 'markdown', 'json'], '--format');
  const todayFlag = dateFlag(flags.today, '--today');
  const untilFlag = dateFlag(flags.until, '--until');
  const sinceFlag = dateFlag(flags.since, '--since');
  const { graph } = await loadInstructions(paths, io);
  const zone = graph.documents.length > 0 ? documentZone(graph.documents[0]) : systemTimeZone();
  const today = todayFlag ?? localDate(Date.now(), zone);
  const until = untilFlag ?? today;
  const since = sinceFlag ?? addDays(until, -29);
  if (since > until) throw new ExitError(`--since ${since} is after --until ${until}`, exitCodes.usage);
  const journal = journalPath(flags.journal, io.cwd);
  const { runs, stats, missing } = await readJournalOrExit(journal, loadRuns);
  if (stats?.unreadable) io.err(`${io.color.yellow('instr:')} ${journal.path}: ${stats.unreadable} unreadable line(s) skipped (line ${stats.unreadableLines.join(', ')})\n`);
  const now = todayFlag ? startOfLocalDay(addDays(todayFlag, 1), zone) : Date.now();
  const report = buildReport(graph, runs.values(), { since, until, today, now, journal: { path: shownPath(io.cwd, journal.path), missing, stats } });
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  if (format === 'json') io.out(jsonText(report));
  else if (format === 'markdown') io.out(reportMarkdown(report, lang));
  else io.out(reportText(report, lang, io.color));
  return exitCodes.ok;
}

/** Relative to the working folder when inside it, else absolute. */
function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
