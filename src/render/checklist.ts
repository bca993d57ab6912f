import { promiseDueText } from '../i18n/promise-due-text.js';
import { timeMessages } from '../i18n/time-messages.js';
import { nodeRoleMentions } from '../analyze/role-mentions.js';
import { nodeLabel } from '../graph/node-text.js';
import type { GraphIndex } from '../graph/query.js';
import type { Node, Task } from '../graph/types.js';
import { waitDeadlineText, waitTimeoutText } from '../i18n/wait-text.js';
import { messages, type Messages } from '../i18n/messages.js';
import { roleContactsLine } from './role-contacts.js';

/** One line of a checklist: how deep it is indented, its marker, and its text. */
export interface ChecklistLine {
  depth: number;
  marker: string;
  text: string;
  kind: Node['kind'] | 'option' | 'detail' | 'header' | 'contact';
  nodeId?: string;
}

/**
 * A task as a numbered checklist with its branches nested under their options. Follows `next`
 * pointers only (jumps are shown, not followed), stopping each branch where it joins.
 */
export function checklist(index: GraphIndex, task: Task, lang?: string): ChecklistLine[] {
  return checklistLines(index, task, lang, true);
}

/** The checklist, with or without the contact lines of the roles its steps name (unnumbered lines: stepNumbers needs none). */
function checklistLines(index: GraphIndex, task: Task, lang: string | undefined, contacts: boolean): ChecklistLine[] {
  const doc = index.documentOf(task);
  const language = lang ?? doc?.lang;
  const t = messages(language);
  const lines: ChecklistLine[] = [];
  const seen = new Set<string>();

  const walk = (start: string | null, stop: string | null, depth: number, prefix: string) => {
    let n = 0;
    let id = start;
    while (id !== null && id !== stop && !seen.has(id)) {
      const node = index.node(id);
      if (!node) return;
      seen.add(id);
      const marker = `${prefix}${++n}.`;
      if (node.before) pushNote(lines, node.before, depth);
      lines.push({ depth, marker, text: describe(node, t, index, language), kind: node.kind, nodeId: node.id });
      // the contacts of a role the step names («написать главному бухгалтеру»)
      for (const m of node.kind === 'decision' || !contacts ? [] : nodeRoleMentions(index.graph, node)) {
        const role = doc?.roles[m.role];
        if (role) lines.push({ depth: depth + 1, marker: '', text: `☎ ${roleContactsLine(role, language)}`, kind: 'contact' });
      }
      if (node.kind === 'step' && node.details) pushNote(lines, node.details, depth + 1);
      if (node.kind === 'decision') {
        const join = node.join ?? null;
        node.options.forEach((option, i) => {
          const letter = String.fromCharCode(97 + (i % 26));
          lines.push({ depth: depth + 1, marker: `${letter})`, text: option.label, kind: 'option' });
          if (option.note) pushNote(lines, option.note, depth + 2);
          walk(option.next, join, depth + 2, `${marker}${letter}.`);
        });
        id = join;
        continue;
      }
      if (node.kind === 'wait' && node.onTimeout) {
        lines.push({ depth: depth + 1, marker: '⌛', text: node.onTimeout.label, kind: 'option' });
        walk(node.onTimeout.next, node.id, depth + 2, `${marker}t.`);
      }
      id = 'next' in node && !(node.kind === 'jump' && !node.return) ? node.next : null;
    }
  };
  walk(task.entry, null, 0, '');
  return lines;
}

/**
 * Prose the author wrote (a step's detail, a note between nodes, a sub-heading), where it stands:
 * a heading as a header line, the rest a detail per paragraph, its lines kept together (a link may
 * run from one line onto the next).
 */
function pushNote(lines: ChecklistLine[], markdown: string, depth: number): void {
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) lines.push({ depth, marker: '', text: paragraph.join('\n'), kind: 'detail' });
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    if (!line.trim()) flush();
    else if (/^#{1,6}\s/.test(line)) {
      flush();
      lines.push({ depth, marker: '', text: line.replace(/^#{1,6}\s+/, ''), kind: 'header' });
    } else paragraph.push(line);
  }
  flush();
}

function describe(node: Node, t: Messages, index: GraphIndex, lang: string | undefined): string {
  switch (node.kind) {
    case 'step':
      // a promise to a client says when it is due, in words (the run shows the moment)
      return node.promise ? `🤝 ${node.markdown} (${timeMessages(lang ?? 'en').promiseDue}: ${promiseDueText(node.promise, lang)})` : node.markdown;
    case 'decision':
      return `${node.question}`;
    case 'jump': {
      const task = index.tasks.get(node.target);
      const step = task ? undefined : index.node(node.targetNode);
      const name = task ? `«${task.title}» (#${task.id})` : step ? `«${nodeLabel(step)}» (#${node.target})` : `#${node.target}`;
      return `→ ${node.return ? t.gotoReturn : t.goto}: ${name}`;
    }
    case 'end':
      return `■ ${t.end}: ${node.outcome || t.endDone}`;
    case 'escalation': {
      const doc = index.documents.get(node.position.file);
      const role = doc?.roles[node.role] ?? index.graph.documents.map((d) => d.roles[node.role]).find(Boolean);
      const who = role ? [role.title, role.name, ...Object.values(role.contacts)].filter(Boolean).join(', ') : node.role;
      return `⚑ ${t.escalate}: ${who} — ${node.reason}`;
    }
    case 'checkpoint':
      return `☑ ${t.checkpoint}: ${node.text}${node.value ? ` (${t.checkpointValue}: ${node.value})` : ''}`;
    case 'wait': {
      const extra = [
        node.timeout ? waitTimeoutText(node.timeout, lang, node.onTimeout ? true : undefined) : '',
        node.deadline ? waitDeadlineText(node.deadline, lang) : '',
      ]
        .filter(Boolean)
        .join('; ');
      return `⏸ ${t.wait}: ${node.event}${extra ? ` (${extra})` : ''}`;
    }
  }
}

/**
 * The number `show` gives every node of every task ("7", "7.a.1"): `run`, its resume screen,
 * its summary and `report` use the same, so a step is called the same everywhere.
 */
export function stepNumbers(index: GraphIndex): Map<string, string> {
  const numbers = new Map<string, string>();
  for (const task of index.graph.tasks) {
    for (const line of checklistLines(index, task, undefined, false)) if (line.nodeId && line.marker) numbers.set(line.nodeId, line.marker.replace(/\.$/, ''));
  }
  return numbers;
}
