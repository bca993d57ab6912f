import { exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { messages } from '../../i18n/messages.js';
import { formatDuration } from '../../i18n/duration.js';
import { summarizeTasks } from '../../render/task-list.js';
import { jsonText } from '../../render/json-text.js';

export interface ListFlags {
  json?: boolean;
  lang?: string;
}

export async function listCommand(paths: string[], flags: ListFlags, io: Io): Promise<number> {
  const { graph } = await loadInstructions(paths, io);
  const summaries = summarizeTasks(graph);
  if (flags.json) {
    io.out(jsonText(summaries));
    return exitCodes.ok;
  }
  const c = io.color;
  if (summaries.length === 0) {
    io.out(`${messages(flags.lang).noTasks}\n`);
    return exitCodes.ok;
  }
  const width = Math.min(24, Math.max(...summaries.map((s) => s.id.length)));
  for (const doc of graph.documents) {
    const t = messages(flags.lang ?? doc.lang);
    io.out(`${c.bold(terminalSafe(doc.title))} ${c.dim(`(${terminalSafe(doc.file)})`)}\n`);
    let section = '';
    for (const s of summaries.filter((x) => x.file === doc.file)) {
      if (s.section !== section) {
        section = s.section;
        io.out(`\n  ${c.underline(terminalSafe(section))}\n`);
      }
      io.out(`  ${c.cyan(s.id.padEnd(width))}  ${terminalSafe(s.title)}\n`);
      const pad = ' '.repeat(width + 4);
      if (s.trigger)
        io.out(
          `${pad}${c.dim(`${t.trigger}:`)} ${terminalSafe(s.trigger)}${s.deadline ? c.dim(` (${t.deadline}: ${formatDuration(s.deadline, doc.lang)})`) : ''}\n`,
        );
      for (const sch of s.schedules) io.out(`${pad}${c.dim(`${t.schedule}:`)} ${terminalSafe(sch.label)}${timeSuffix(sch.label, sch.time)}\n`);
    }
    io.out('\n');
  }
  return exitCodes.ok;
}

/** `, 10:00` unless the label already says the time (`в 9:00` for 09:00). */
export function timeSuffix(label: string, time: string | null | undefined): string {
  if (!time) return '';
  return label.includes(time) || label.includes(time.replace(/^0/, '')) ? '' : `, ${time}`;
}
