import type { Node } from './types.js';

/** What a node says: a step's text, a decision's question, a wait's event… A jump says nothing (its target is a field). */
export function nodeText(node: Node): string {
  switch (node.kind) {
    case 'step':
    case 'checkpoint':
      return node.text;
    case 'decision':
      return node.question;
    case 'end':
      return node.outcome;
    case 'escalation':
      return node.reason;
    case 'wait':
      return node.event;
    case 'jump':
      return '';
  }
}

/** The short text a node is known by in lists and references; a jump as its `#target`. */
export function nodeLabel(node: Node): string {
  return node.kind === 'jump' ? `#${node.target}` : nodeText(node);
}
