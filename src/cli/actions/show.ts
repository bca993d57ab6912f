import type { ShowFlags } from '../commands/show.js';
import { exitCodes } from '../errors.js';
import { safe, type Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { resolveTask } from '../resolve-task.js';
import { timeSuffix } from './list.js';
import { indexGraph } from '../../graph/query.js';
import { formatDuration } from '../../i18n/duration.js';
import { messages } from '../../i18n/messages.js';
import { checklist } from '../../render/checklist.js';
import { jsonText } from '../../render/json-text.js';

export async function showCommand(query: string, paths: string[], flags: ShowFlags, io: Io): Promise<number> {
  const { graph } = await loadInstructions(paths, io);
  const task = resolveTask(graph, query, flags.lang);
  const index = indexGraph(graph);
  const doc = index.documentOf(task);
  const lang = flags.lang ?? doc?.lang;
  const lines = checklist(index, task, lang);
  if (flags.json) {
    io.out(jsonText({ task: task.id, title: task.title, lines }));
    return exitCodes.ok;
  }
  const t = messages(lang);
  const c = io.color;
  io.out(`${c.bold(safe(task.title))} ${c.dim(`#${task.id} · ${safe(task.file)}:${task.position.line}`)}\n`);
  if (task.trigger) io.out(`${c.dim(`${t.trigger}:`)} ${safe(task.trigger.text)}${task.trigger.deadline ? ` ${c.dim(`(${t.deadline}: ${formatDuration(task.trigger.deadline, lang)} ${t.afterTrigger})`)}` : ''}\n`);
  for (const s of task.schedules) io.out(`${c.dim(`${t.schedule}:`)} ${safe(s.label)}${timeSuffix(s.label, s.time)}\n`);
  if (task.description) io.out(`\n${safe(task.description)}\n`);
  io.out('\n');
  for (const line of lines) {
    const indent = '   '.repeat(line.depth);
    const marker = line.kind === 'option' ? c.yellow(line.marker) : line.kind === 'detail' || line.kind === 'contact' ? '  ' : c.dim(line.marker);
    const text = line.kind === 'decision' ? c.bold(safe(line.text)) : line.kind === 'option' ? c.yellow(safe(line.text)) : line.kind === 'contact' ? c.dim(safe(line.text)) : safe(line.text);
    const hanging = `\n${indent}${' '.repeat(line.marker.length + 1)}`;
    io.out(`${indent}${marker} ${text.replace(/\n/g, hanging)}\n`);
  }
  return exitCodes.ok;
}
