import { wrapLabel, type Flowchart, type FlowShape } from './flowchart.js';

/** Styles a diff gives to boxes; any name works as long as `classDefs` defines it. */
export interface MermaidOptions {
  /** Flow key → class name. */
  classes?: Map<string, string>;
  /** Class name → Mermaid style, e.g. `fill:#e6ffec,stroke:#1a7f37`. */
  classDefs?: Record<string, string>;
  /** Extra lines appended inside the chart (e.g. a subgraph of removed boxes). */
  extra?: string[];
  /** Draw groups as subgraphs even when there is only one. */
  subgraphs?: boolean;
}

const shapes: Record<FlowShape, [string, string]> = {
  start: ['(["', '"])'],
  done: ['(["', '"])'],
  end: ['(["', '"])'],
  step: ['["', '"]'],
  decision: ['{"', '"}'],
  jump: ['[["', '"]]'],
  escalation: ['{{"', '"}}'],
  checkpoint: ['[/"', '"/]'],
  wait: ['>"', '"]'],
};

const baseClassDefs: Record<string, string> = {
  terminal: 'fill:#f6f8fa,stroke:#57606a',
};

/**
 * A Mermaid flowchart. Every label is a quoted string with the characters Mermaid reserves
 * written as entity codes; long labels are wrapped and cut, with the full text in a `%%` comment.
 */
export function toMermaid(chart: Flowchart, options: MermaidOptions = {}): string {
  const lines = ['flowchart TD'];
  const useSubgraphs = options.subgraphs ?? chart.groups.length > 1;
  const terminals: string[] = [];
  for (const group of chart.groups) {
    const indent = useSubgraphs ? '    ' : '  ';
    if (useSubgraphs) lines.push(`  subgraph ${group.key}["${mermaidText(`${group.task.title} #${group.task.id}`)}"]`);
    for (const node of group.nodes) lines.push(...mermaidNode(node.key, node.shape, node.text, indent));
    if (useSubgraphs) lines.push('  end');
    for (const node of group.nodes) if (node.shape === 'start' || node.shape === 'done') terminals.push(node.key);
  }
  for (const edge of chart.edges) {
    const arrow = edge.dashed ? '-.->' : '-->';
    const label = edge.label !== undefined ? `|"${mermaidText(cut(edge.label, 40))}"|` : '';
    lines.push(`  ${edge.from} ${arrow}${label} ${edge.to}`);
  }
  if (options.extra) lines.push(...options.extra);
  const classDefs = { ...baseClassDefs, ...options.classDefs };
  for (const [name, style] of Object.entries(classDefs)) lines.push(`  classDef ${name} ${style}`);
  if (terminals.length) lines.push(`  class ${terminals.join(',')} terminal`);
  const byClass = new Map<string, string[]>();
  for (const [key, name] of options.classes ?? []) byClass.set(name, [...(byClass.get(name) ?? []), key]);
  for (const [name, keys] of byClass) lines.push(`  class ${keys.join(',')} ${name}`);
  return `${lines.join('\n')}\n`;
}

/** One box's lines: a comment with the full text when the label had to be cut, then the box. */
export function mermaidNode(key: string, shape: FlowShape, text: string, indent = '  '): string[] {
  const { lines, truncated } = wrapLabel(text);
  const [open, close] = shapes[shape];
  const out: string[] = [];
  // Escaped like a label: Mermaid reads a `%%{init: …}%%` directive anywhere, also in a comment.
  if (truncated) out.push(`${indent}%% ${key}: ${mermaidText(text)}`);
  out.push(`${indent}${key}${open}${lines.map(mermaidText).join('<br/>')}${close}`);
  return out;
}

/**
 * Text for inside a quoted Mermaid label: `"`, `#`, `&`, `<`, `>`, `%`, `;` and backticks become
 * entity codes (`#quot;` …), control characters and newlines become spaces.
 */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/[#"&<>%;`]/g, (c) => `#${c.charCodeAt(0)};`);
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

function cut(text: string, max: number): string {
  const flat = oneLine(text).trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
