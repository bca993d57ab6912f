import type { Node } from '../graph/types.js';

/** What a node says, compared word by word when it is reworded. A jump says nothing (its target is a field). */
export function nodeText(node: Node): string {
  switch (node.kind) {
    case 'step':
      return node.text;
    case 'decision':
      return node.question;
    case 'end':
      return node.outcome;
    case 'escalation':
      return node.reason;
    case 'checkpoint':
      return node.text;
    case 'wait':
      return node.event;
    case 'jump':
      return '';
  }
}

/** A node's short description for references (a jump as its `#target`). */
export function nodeSummary(node: Node): string {
  return node.kind === 'jump' ? `#${node.target}` : nodeText(node);
}

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
