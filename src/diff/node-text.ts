import type { Node } from '../graph/types.js';

export { nodeText, nodeLabel as nodeSummary } from '../graph/node-text.js';

/** The fields of a node compared as plain values, besides its text and a decision's options. */
export function nodeFields(node: Node): Record<string, string | undefined> {
  switch (node.kind) {
    case 'step':
      return { details: node.details, links: node.links?.map((l) => l.url).join(', ') || undefined };
    case 'decision':
      return {};
    case 'jump':
      return { target: `${node.targetFile ?? ''}#${node.target}`, return: node.return ? 'yes' : undefined };
    case 'end':
      return { status: node.status };
    case 'escalation':
      return { role: node.role };
    case 'checkpoint':
      return { value: node.value };
    case 'wait':
      return { deadline: node.deadline, timeout: node.timeout };
  }
}
