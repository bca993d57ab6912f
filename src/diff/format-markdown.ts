import { indexGraph, type GraphIndex } from '../graph/query.js';
import type { Graph } from '../graph/types.js';
import type { Messages } from '../i18n/messages.js';
import { buildFlowchart } from '../render/flowchart.js';
import { terminalSafe } from '../text/terminal-safe.js';
import { mermaidNode, mermaidText, toMermaid } from '../render/mermaid.js';
import { fieldLabel, kindLabel, pathSentence } from './describe.js';
import type { FieldChange, GraphDiff, NodeChange, TaskChange, TextPart } from './types.js';

export interface MarkdownFormatOptions {
  /** The head graph, for the diagrams of changed tasks; no diagrams without it. */
  head?: Graph;
  lang?: string;
  /** Items (nodes, paths) shown before the rest is folded into `<details>`. */
  fold?: number;
  /** Diagrams drawn at most (the first changed tasks); default 10. */
  maxDiagrams?: number;
}

const diffClassDefs: Record<string, string> = {
  added: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px',
  removed: 'fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:4 3',
  changed: 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px',
  moved: 'fill:#ddf4ff,stroke:#0969da,stroke-width:2px',
};

/**
 * The diff as a pull-request comment: a summary table, then a section per changed task with its
 * changed steps, options and paths and a Mermaid flowchart where added, changed, moved and
 * removed boxes are coloured. Long lists are folded into `<details>`.
 */
export function formatMarkdown(diff: GraphDiff, t: Messages, options: MarkdownFormatOptions = {}): string {
  const fold = options.fold ?? 12;
  const out: string[] = [];
  out.push(`### ${md(t.diffTitle)}: \`${code(diff.base.label)}\` → \`${code(diff.head.label)}\``, '');
  if (!diff.changed) return `${out.join('\n')}${md(t.diffNone)}\n`;
  const s = diff.summary;
  out.push(`| | ${t.diffAdded} | ${t.diffRemoved} | ${t.diffChanged} |`, '|---|---:|---:|---:|');
  out.push(`| ${t.tasks} | ${s.tasksAdded} | ${s.tasksRemoved} | ${s.tasksChanged} |`);
  out.push(`| ${cap(t.diffNodes)} | ${s.nodesAdded} | ${s.nodesRemoved} | ${s.nodesChanged} |`);
  out.push(`| ${cap(t.diffPaths)} | | | ${s.pathsChanged} |`);
  if (s.documentsChanged) out.push(`| ${cap(t.diffDocuments)} | | | ${s.documentsChanged} |`);
  out.push('');
  for (const doc of diff.documents) {
    out.push(`#### ${mark(doc.status)} ${md(doc.title)} (\`${code(doc.file)}\`)`, '');
    out.push(
      ...folded(
        doc.fields.map((f) => `- ${fieldLine(f, t)}`),
        fold,
        t,
      ),
    );
    out.push('');
  }
  const head = options.head ? indexGraph(options.head) : undefined;
  let diagrams = options.maxDiagrams ?? 10;
  for (const task of diff.tasks) {
    const draw = head !== undefined && diagrams > 0 && (task.status === 'added' || task.nodes.length > 0);
    if (draw) diagrams--;
    out.push(...taskSection(task, t, fold, draw ? head : undefined, options.lang), '');
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function taskSection(task: TaskChange, t: Messages, fold: number, head: GraphIndex | undefined, lang: string | undefined): string[] {
  const kind = task.kind === 'situation' ? t.situation : t.task;
  const out = [`#### ${mark(task.status)} ${kind} ${md(task.title)} \`#${code(task.id)}\` (\`${code(task.file)}:${task.line}\`)`, ''];
  const items: string[] = [];
  if (task.beforeTitle !== undefined) items.push(`- ${t.diffRenamed}: «${md(task.beforeTitle)}» → «${md(task.title)}»`);
  if (task.beforeFile !== undefined) items.push(`- ${t.diffMovedFrom} \`${code(task.beforeFile)}\``);
  for (const field of task.fields) items.push(`- ${fieldLine(field, t)}`);
  for (const node of task.nodes) items.push(...nodeLines(node, t));
  out.push(...folded(items, fold, t));
  if (task.paths.length) {
    out.push('', `**${t.diffPathsTitle}**`, '');
    out.push(
      ...folded(
        task.paths.map((p) => `- ${mark(p.status)} ${md(pathSentence(p, t))}`),
        fold,
        t,
      ),
    );
  }
  if (task.pathsCapped) out.push('', `_${md(t.diffPathsCapped)}_`);
  const diagram = head ? taskDiagram(task, head, t, lang) : undefined;
  if (diagram)
    out.push(
      '',
      `<details${task.status === 'changed' && diagram.boxes <= 40 ? ' open' : ''}><summary>${t.diffDiagram}</summary>`,
      '',
      '```mermaid',
      diagram.text.trimEnd(),
      '```',
      '',
      '</details>',
    );
  return out;
}

function nodeLines(node: NodeChange, t: Messages): string[] {
  const kind = kindLabel(node.kind, t);
  const ref = (node.after ?? node.before)!;
  if (node.status !== 'changed') return [`- ${mark(node.status)} ${kind}: ${md(ref.text)} (${t.diffLine} ${ref.line})`];
  const tags = [node.text ? t.diffReworded : '', node.moved ? t.diffMoved : ''].filter(Boolean);
  const out = [`- ~ ${kind}${tags.length ? ` _(${tags.join(', ')})_` : ''}: ${node.text ? wordParts(node.text) : md(ref.text)} (${t.diffLine} ${ref.line})`];
  for (const field of node.fields) out.push(`  - ${fieldLine(field, t)}`);
  for (const option of node.options) {
    if (option.status === 'added') out.push(`  - + ${t.diffOptionAdded}: «${md(option.after!)}»`);
    else if (option.status === 'removed') out.push(`  - − ${t.diffOptionRemoved}: «${md(option.before!)}»`);
    else out.push(`  - ~ ${t.diffOptionRelabelled}: «${md(option.before!)}» → «${md(option.after!)}»`);
  }
  return out;
}

function taskDiagram(task: TaskChange, head: GraphIndex, t: Messages, lang: string | undefined): { text: string; boxes: number } | undefined {
  const headTask = head.tasks.get(task.id);
  if (!headTask) return undefined;
  const chart = buildFlowchart(head, [headTask], lang);
  const keyOf = new Map(chart.groups.flatMap((g) => g.nodes.filter((n) => n.graphId).map((n) => [n.graphId!, n.key] as const)));
  const classes = new Map<string, string>();
  if (task.status === 'added') for (const key of keyOf.values()) classes.set(key, 'added');
  const extra: string[] = [];
  const removed: string[] = [];
  task.nodes.forEach((node, i) => {
    if (node.status === 'removed') {
      const key = `r${i + 1}`;
      removed.push(...mermaidNode(key, node.kind, `${kindLabel(node.kind, t)}: ${node.before!.text}`, '    '));
      classes.set(key, 'removed');
      return;
    }
    const key = keyOf.get(node.after!.id);
    if (key) classes.set(key, node.status === 'added' ? 'added' : node.text || node.fields.length || node.options.length ? 'changed' : 'moved');
  });
  if (removed.length) extra.push(`  subgraph removedNodes["${mermaidText(t.diffRemovedNodes)}"]`, ...removed, '  end');
  const boxes = chart.groups.reduce((n, g) => n + g.nodes.length, 0);
  return { text: toMermaid(chart, { classes, classDefs: diffClassDefs, extra }), boxes };
}

function fieldLine(field: FieldChange, t: Messages): string {
  const label = fieldLabel(field.field, t);
  if (field.before === undefined) return `+ ${md(label)}: ${md(short(field.after!))}`;
  if (field.after === undefined) return `− ${md(label)}: <del>${md(short(field.before))}</del>`;
  return `~ ${md(label)}: <del>${md(short(field.before))}</del> → <ins>${md(short(field.after))}</ins>`;
}

function wordParts(parts: TextPart[]): string {
  return parts.map((p) => (p.op === 'same' ? md(p.text) : p.op === 'removed' ? `<del>${md(p.text)}</del>` : `<ins>${md(p.text)}</ins>`)).join('');
}

/** The first `fold` items, the rest inside `<details>`. */
function folded(items: string[], fold: number, t: Messages): string[] {
  if (items.length <= fold + 2) return items;
  return [...items.slice(0, fold), '', `<details><summary>${t.diffMore} ${items.length - fold}</summary>`, '', ...items.slice(fold), '', '</details>'];
}

/** Instruction text inside Markdown: one line, HTML and Markdown punctuation escaped, no @mentions. */
export function md(text: string): string {
  return plain(text)
    .replace(/\s+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/@/g, '@\u2060'); // no @mentions of whoever a contact handle names
}

/** Text inside an inline code span: backticks cannot be escaped there, so they become ʼ. */
function code(text: string): string {
  return plain(text).replace(/\s+/g, ' ').replace(/`/g, 'ʼ');
}

/** No escape sequence, BEL or C1 control reaches the comment (or a terminal it is printed on). */
function plain(text: string): string {
  return terminalSafe(text);
}

function short(text: string, max = 300): string {
  const flat = plain(text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function mark(status: 'added' | 'removed' | 'changed'): string {
  return status === 'added' ? '+' : status === 'removed' ? '−' : '~';
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
