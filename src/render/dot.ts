import { wrapLabel, type Flowchart, type FlowShape } from './flowchart.js';

const shapes: Record<FlowShape, string> = {
  start: 'shape=box, style="rounded,filled", fillcolor="#f6f8fa"',
  done: 'shape=box, style="rounded,filled", fillcolor="#f6f8fa"',
  end: 'shape=box, style="rounded,bold"',
  step: 'shape=box',
  decision: 'shape=diamond',
  jump: 'shape=box, style=dashed',
  escalation: 'shape=hexagon',
  checkpoint: 'shape=parallelogram',
  wait: 'shape=cds',
};

/**
 * A Graphviz DOT digraph; several tasks become one cluster each. Labels are wrapped and cut; the
 * full text is always in the node's `tooltip`.
 */
export function toDot(chart: Flowchart): string {
  const lines = ['digraph instr {', '  rankdir=TB;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=10];'];
  const clusters = chart.groups.length > 1;
  for (const group of chart.groups) {
    const indent = clusters ? '    ' : '  ';
    if (clusters) lines.push(`  subgraph cluster_${group.key} {`, `    label=${dotString(`${group.task.title} #${group.task.id}`)};`);
    for (const node of group.nodes) {
      const { lines: wrapped } = wrapLabel(node.text);
      lines.push(`${indent}${node.key} [${shapes[node.shape]}, label=${dotString(wrapped.join('\n'))}, tooltip=${dotString(node.text)}];`);
    }
    if (clusters) lines.push('  }');
  }
  for (const edge of chart.edges) {
    const attributes = [
      edge.label !== undefined ? `label=${dotString(edge.label.length > 40 ? `${edge.label.slice(0, 39)}…` : edge.label)}` : '',
      edge.dashed ? 'style=dashed' : '',
    ].filter(Boolean);
    lines.push(`  ${edge.from} -> ${edge.to}${attributes.length ? ` [${attributes.join(', ')}]` : ''};`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * A DOT double-quoted string: backslashes and quotes escaped, a newline as `\n` (a centred line
 * break), other control characters as spaces. Graphviz reads `<`, `>`, `#`, `;`, brackets and
 * Cyrillic literally inside quotes.
 */
export function dotString(text: string): string {
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r?\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  return `"${body}"`;
}
