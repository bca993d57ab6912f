import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import { type Io } from '../io.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { loadInstructions } from '../load.js';
import { findTargetsFor, resolveTarget } from '../resolve-target.js';
import { timeSuffix } from './list.js';
import { showDocument, showFile, showSection } from './show-parts.js';
import { indexGraph } from '../../graph/query.js';
import { linkedFiles, type LinkedFileRef } from '../../graph/linked-files.js';
import { linkCommand } from '../../render/link-command.js';
import { plainLinks } from '../../render/plain-links.js';
import type { Task } from '../../graph/types.js';
import { formatDuration } from '../../i18n/duration.js';
import { messages } from '../../i18n/messages.js';
import { checklist } from '../../render/checklist.js';
import { jsonText } from '../../render/json-text.js';

export interface ShowFlags {
  lang?: string;
  json?: boolean;
}

export async function showCommand(query: string, paths: string[], flags: ShowFlags, io: Io): Promise<number> {
  // `instr show нормы общения`: words after the first that name no file or folder belong to the query.
  const words = paths.filter((p) => !/[/\\.]/.test(p) && !existsSync(join(io.cwd, p)));
  if (words.length > 0) {
    query = [query, ...words].join(' ');
    paths = paths.filter((p) => !words.includes(p));
    if (paths.length === 0) paths = ['instructions'];
  }
  const { graph, root } = await loadInstructions(paths, io);
  const files = linkedFiles(graph).filter((f) => existsSync(join(root, f.path)));
  if (findTargetsFor(graph, query, files).length === 0) {
    // nothing by that name: the nearest things by synonyms and search, with their commands (friend test round 5)
    const nearest = await (await import('./show-suggest.js')).nearestText(graph, root, io, query, flags.lang, 'show');
    if (nearest) throw new ExitError(nearest, exitCodes.usage);
  }
  const target = resolveTarget(graph, query, files, flags.lang);
  const ctx = { io, graph, root, lang: flags.lang ?? target.document?.lang, json: Boolean(flags.json), files };
  switch (target.kind) {
    case 'task':
      return showTask(target.task, ctx);
    case 'section':
      return showSection(target.section, target.document, ctx);
    case 'document':
      return showDocument(target.document, ctx);
    case 'role':
      return (await import('./show-role.js')).showRole(target, ctx);
    case 'file':
      return showFile(target.path, ctx);
  }
}

function showTask(
  task: Task,
  {
    io,
    graph,
    lang: flagLang,
    json,
    files,
  }: { io: Io; graph: import('../../graph/types.js').Graph; lang: string | undefined; json: boolean; files: LinkedFileRef[] },
): number {
  const index = indexGraph(graph);
  const doc = index.documentOf(task);
  const lang = flagLang ?? doc?.lang;
  const lines = checklist(index, task, lang);
  if (json) {
    io.out(jsonText({ task: task.id, title: task.title, lines }));
    return exitCodes.ok;
  }
  const t = messages(lang);
  const c = io.color;
  io.out(`${c.bold(terminalSafe(task.title))} ${c.dim(`#${task.id} · ${terminalSafe(task.file)}:${task.position.line}`)}\n`);
  if (task.trigger)
    io.out(
      `${c.dim(`${t.trigger}:`)} ${terminalSafe(task.trigger.text)}${task.trigger.deadline ? ` ${c.dim(`(${t.deadline}: ${formatDuration(task.trigger.deadline, lang)} ${t.afterTrigger})`)}` : ''}\n`,
    );
  for (const s of task.schedules) io.out(`${c.dim(`${t.schedule}:`)} ${terminalSafe(s.label)}${timeSuffix(s.label, s.time)}\n`);
  if (task.description) io.out(`\n${terminalSafe(task.description)}\n`);
  io.out('\n');
  // a link as its words and the command that opens it, never `[words](path)`
  const readable = (text: string) => plainLinks(text, (url) => linkCommand(url, task.file, graph, files));
  for (const line of lines) {
    const indent = '   '.repeat(line.depth);
    const marker =
      line.kind === 'option' ? c.yellow(line.marker) : line.kind === 'detail' || line.kind === 'contact' || line.kind === 'header' ? '  ' : c.dim(line.marker);
    const text =
      line.kind === 'decision' || line.kind === 'header'
        ? c.bold(terminalSafe(line.kind === 'header' ? `── ${readable(line.text)} ──` : line.text))
        : line.kind === 'option'
          ? c.yellow(terminalSafe(line.text))
          : line.kind === 'contact'
            ? c.dim(terminalSafe(line.text))
            : terminalSafe(readable(line.text));
    // a paragraph's further lines under its first (a detail's marker is two spaces wide on screen)
    const hanging = `\n${indent}${' '.repeat((line.marker || '  ').length + 1)}`;
    io.out(`${indent}${marker} ${text.replace(/\n/g, hanging)}\n`);
  }
  return exitCodes.ok;
}
