import type { ChalkInstance } from 'chalk';
import type { Messages } from '../i18n/messages.js';
import { terminalSafeLine } from '../text/terminal-safe.js';
import { fieldLabel, kindLabel, pathSentence } from './describe.js';
import type { FieldChange, GraphDiff, NodeChange, TaskChange, TextPart } from './types.js';

export interface TextFormatOptions {
  /** Changed paths shown per task before "N more". */
  maxPaths?: number;
}

/**
 * The diff for a terminal: a summary line, then each changed document and task with its changed
 * nodes and paths. `+` added, `-` removed, `~` changed; colour only through `c` (plain when
 * colour is off), every instruction text through terminalSafe.
 */
export function formatText(diff: GraphDiff, t: Messages, c: ChalkInstance, options: TextFormatOptions = {}): string {
  const maxPaths = options.maxPaths ?? 20;
  const out: string[] = [];
  out.push(c.bold(`${t.diffTitle}: ${terminalSafeLine(diff.base.label)} → ${terminalSafeLine(diff.head.label)}`));
  if (!diff.changed) return `${out[0]}\n${t.diffNone}\n`;
  const s = diff.summary;
  out.push(
    c.dim(
      [
        `${t.tasks}: +${s.tasksAdded} -${s.tasksRemoved} ~${s.tasksChanged}`,
        `${t.diffNodes}: +${s.nodesAdded} -${s.nodesRemoved} ~${s.nodesChanged}`,
        `${t.diffPaths}: ${s.pathsChanged}`,
        ...(s.documentsChanged ? [`${t.diffDocuments}: ${s.documentsChanged}`] : []),
      ].join(' · '),
    ),
  );
  for (const doc of diff.documents) {
    out.push('');
    out.push(statusColor(c, doc.status)(`${mark(doc.status)} ${terminalSafeLine(doc.title)} ${c.dim(`${terminalSafeLine(doc.file)} (${doc.id})`)}`));
    for (const field of doc.fields) out.push(`    ${fieldLine(field, t, c)}`);
  }
  let previousShort = false;
  for (const task of diff.tasks) {
    const lines = taskLines(task, t, c, maxPaths);
    // Added and removed tasks are one line each and stay together; changed ones get space around.
    if (!(previousShort && lines.length === 1)) out.push('');
    out.push(...lines);
    previousShort = lines.length === 1;
  }
  return `${out.join('\n')}\n`;
}

function taskLines(task: TaskChange, t: Messages, c: ChalkInstance, maxPaths: number): string[] {
  const out: string[] = [];
  const kind = task.kind === 'situation' ? t.situation : t.task;
  out.push(
    `${statusColor(c, task.status)(`${mark(task.status)} ${kind} ${c.bold(terminalSafeLine(task.title))}`)} ${c.dim(`#${task.id} · ${terminalSafeLine(task.file)}:${task.line}`)}`,
  );
  if (task.beforeTitle !== undefined) out.push(`    ${t.diffRenamed}: «${terminalSafeLine(task.beforeTitle)}» → «${terminalSafeLine(task.title)}»`);
  if (task.beforeFile !== undefined) out.push(`    ${t.diffMovedFrom} ${terminalSafeLine(task.beforeFile)}`);
  for (const field of task.fields) out.push(`    ${fieldLine(field, t, c)}`);
  for (const node of task.nodes) out.push(...nodeLines(node, t, c));
  if (task.paths.length) {
    out.push(`    ${c.bold(t.diffPathsTitle)}:`);
    for (const path of task.paths.slice(0, maxPaths))
      out.push(`      ${statusColor(c, path.status)(mark(path.status))} ${terminalSafeLine(pathSentence(path, t))}`);
    if (task.paths.length > maxPaths) out.push(c.dim(`      … ${t.diffMore} ${task.paths.length - maxPaths}`));
  }
  if (task.pathsCapped) out.push(c.dim(`    (${t.diffPathsCapped})`));
  return out;
}

function nodeLines(node: NodeChange, t: Messages, c: ChalkInstance): string[] {
  const color = statusColor(c, node.status);
  const where = c.dim(` (${t.diffLine} ${(node.after ?? node.before)!.line})`);
  const kind = kindLabel(node.kind, t);
  if (node.status !== 'changed') return [`  ${color(`${mark(node.status)} ${kind}: ${terminalSafeLine((node.after ?? node.before)!.text)}`)}${where}`];
  const out: string[] = [];
  const tags = [node.text ? t.diffReworded : '', node.moved ? t.diffMoved : ''].filter(Boolean);
  const text = node.text ? wordParts(node.text, c) : terminalSafeLine(node.after!.text);
  out.push(`  ${color('~')} ${kind}${tags.length ? ` ${c.dim(`[${tags.join(', ')}]`)}` : ''}: ${text}${where}`);
  for (const field of node.fields) out.push(`      ${fieldLine(field, t, c)}`);
  for (const option of node.options) {
    if (option.status === 'added') out.push(`      ${c.green(`+ ${t.diffOptionAdded}: «${terminalSafeLine(option.after!)}»`)}`);
    else if (option.status === 'removed') out.push(`      ${c.red(`- ${t.diffOptionRemoved}: «${terminalSafeLine(option.before!)}»`)}`);
    else out.push(`      ${c.yellow('~')} ${t.diffOptionRelabelled}: «${terminalSafeLine(option.before!)}» → «${terminalSafeLine(option.after!)}»`);
  }
  return out;
}

function fieldLine(field: FieldChange, t: Messages, c: ChalkInstance): string {
  const label = fieldLabel(field.field, t);
  if (field.before === undefined) return c.green(`+ ${label}: ${terminalSafeLine(short(field.after!))}`);
  if (field.after === undefined) return c.red(`- ${label}: ${terminalSafeLine(short(field.before))}`);
  return `${c.yellow('~')} ${label}: ${c.red(terminalSafeLine(short(field.before)))} → ${c.green(terminalSafeLine(short(field.after)))}`;
}

/** A word diff: removed words red and struck through, added ones green; `[-…-]` and `{+…+}` without colour. */
function wordParts(parts: TextPart[], c: ChalkInstance): string {
  const plain = c.level === 0;
  return parts
    .map((p) => {
      const text = terminalSafeLine(p.text);
      if (p.op === 'same') return text;
      if (p.op === 'removed') return plain ? `[-${text}-]` : c.red.strikethrough(text);
      return plain ? `{+${text}+}` : c.green(text);
    })
    .join('');
}

function short(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function mark(status: 'added' | 'removed' | 'changed'): string {
  return status === 'added' ? '+' : status === 'removed' ? '-' : '~';
}

function statusColor(c: ChalkInstance, status: 'added' | 'removed' | 'changed'): ChalkInstance {
  return status === 'added' ? c.green : status === 'removed' ? c.red : c.yellow;
}
