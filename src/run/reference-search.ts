/**
 * "Search the instruction" from inside a run: what a result opens (a section, a template, a task
 * shown as a checklist). The search itself is the one `instr search` uses, passed in by the CLI,
 * so the run does not depend on the search's insides.
 */
import type { ChalkInstance } from 'chalk';
import type { Document, Graph, Section, Task } from '../graph/types.js';
import { indexGraph } from '../graph/query.js';
import { checklist } from '../render/checklist.js';
import { terminalSafe } from '../text/terminal-safe.js';

/** One result: where the words were found, and the piece of text that matched. */
export type Found =
  | { kind: 'task'; task: Task; context: string }
  | { kind: 'section'; section: Section; document: Document; context: string }
  | { kind: 'file'; path: string; title: string; context: string };

/** The best results for the words, each thing once. */
export type FindInInstruction = (query: string) => Promise<Found[]>;

/** How to run a task later, then the task as `instr show` lists it; the current run is not left. */
export function taskSheet(graph: Graph, task: Task, lang: string, c: ChalkInstance, runLater: string): string[] {
  const lines = [`${c.bold(terminalSafe(task.title))} ${c.dim(`#${task.id} · ${terminalSafe(task.file)}:${task.position.line}`)}`];
  if (task.trigger) lines.push(c.dim(terminalSafe(task.trigger.text)));
  // first, so it is on the pager's first screen
  lines.push(`${c.dim(runLater)} ${c.bold(`instr run ${task.id}`)}`, '');
  for (const line of checklist(indexGraph(graph), task, lang)) {
    const indent = '   '.repeat(line.depth);
    const text = terminalSafe(line.kind === 'header' ? `── ${line.text} ──` : line.text).replace(/\n/g, `\n${indent}${' '.repeat(line.marker.length + 1)}`);
    const marker = line.kind === 'detail' || line.kind === 'contact' || line.kind === 'header' ? '  ' : c.dim(line.marker);
    lines.push(`${indent}${marker} ${line.kind === 'decision' || line.kind === 'header' ? c.bold(text) : text}`);
  }
  return lines;
}

/** The menu line of a result. */
export function foundLabel(found: Found, kinds: { task: string; section: string; file: string }): string {
  const what =
    found.kind === 'task'
      ? `${terminalSafe(found.task.title)} (${kinds.task} #${found.task.id})`
      : found.kind === 'section'
        ? `${terminalSafe(found.section.title)} (${kinds.section})`
        : `${terminalSafe(found.title)} (${kinds.file})`;
  return what;
}
