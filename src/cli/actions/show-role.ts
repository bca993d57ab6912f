import { mentionsIn, roleMentions } from '../../analyze/role-mentions.js';
import type { RoleTarget } from '../../graph/find-target.js';
import { nodeLabel } from '../../graph/node-text.js';
import { indexGraph } from '../../graph/query.js';
import type { Graph, Task } from '../../graph/types.js';
import { messages } from '../../i18n/messages.js';
import { showMessages } from '../../i18n/show-messages.js';
import { stepNumbers } from '../../render/checklist.js';
import { jsonText } from '../../render/json-text.js';
import { contactLabel } from '../../render/role-contacts.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { exitCodes } from '../errors.js';
import type { ShowContext } from './show-parts.js';

interface Mention {
  task: Task;
  node: string;
  /** The node's number as `instr show` prints it ("3.b.1"), when it has one. */
  number: string | undefined;
  text: string;
  /** An `::escalate` to this role rather than a mention in the text. */
  escalation: boolean;
}

/** A role of the front matter: who it is, how to reach them, and where the instructions name them. */
export function showRole(target: RoleTarget, ctx: ShowContext): number {
  const { io, graph } = ctx;
  const lang = ctx.lang ?? target.document.lang;
  const mentions = mentionsOf(graph, target);
  const owns = target.documents.filter((d) => d.owner === target.id);
  if (ctx.json) {
    io.out(
      jsonText({
        kind: 'role',
        role: target.id,
        title: target.role.title,
        ...(target.role.name !== undefined ? { name: target.role.name } : {}),
        contacts: target.role.contacts,
        documents: target.documents.map((d) => d.id),
        owner: owns.map((d) => d.id),
        mentions: mentions.map((m) => ({ task: m.task.id, node: m.node, ...(m.number ? { number: m.number } : {}), text: m.text, escalation: m.escalation })),
      }),
    );
    return exitCodes.ok;
  }
  const t = showMessages(lang);
  const words = messages(lang);
  const c = io.color;
  const { role } = target;
  io.out(`${c.bold(terminalSafe(role.title))}${role.name ? ` — ${terminalSafe(role.name)}` : ''} ${c.dim(`#${target.id} · ${t.kindRole}`)}\n`);
  for (const [kind, value] of Object.entries(role.contacts)) io.out(`  ${c.dim(`${terminalSafe(contactLabel(kind, lang))}:`)} ${terminalSafe(value)}\n`);
  io.out(`${c.dim(`${t.roleIn}:`)} ${target.documents.map((d) => `${terminalSafe(d.title)} (${terminalSafe(d.file)})`).join(', ')}\n`);
  if (owns.length > 0) io.out(`${c.dim(`${t.roleOwns}:`)} ${owns.map((d) => terminalSafe(d.id)).join(', ')}\n`);
  if (mentions.length === 0) {
    io.out(`\n${t.roleNoMentions}\n`);
    return exitCodes.ok;
  }
  io.out(`\n${c.underline(t.roleMentions)}\n`);
  let task: Task | undefined;
  for (const m of mentions) {
    if (m.task !== task) {
      task = m.task;
      io.out(`  ${c.cyan(task.id)}  ${c.bold(terminalSafe(task.title))} ${c.dim(`· ${terminalSafe(task.file)}`)}\n`);
    }
    const where = m.number ? `${words.step} ${m.number}` : words.trigger;
    io.out(`    ${c.dim(`${where}:`)} ${m.escalation ? `⚑ ${words.escalate}: ` : ''}${terminalSafe(oneLine(m.text))}\n`);
  }
  return exitCodes.ok;
}

/** Escalations to the role and nodes whose text names it, in task order and then step order; triggers that name it too. */
function mentionsOf(graph: Graph, target: RoleTarget): Mention[] {
  const files = new Set(target.documents.map((d) => d.file));
  const numbers = stepNumbers(indexGraph(graph));
  const named = roleMentions(graph);
  const out: Mention[] = [];
  const order = new Map([...numbers.keys()].map((id, i) => [id, i]));
  for (const task of graph.tasks) {
    if (!files.has(task.file)) continue;
    const document = target.documents.find((d) => d.file === task.file)!;
    if (task.trigger && mentionsIn(task.trigger.text, document.roles).some((m) => m.role === target.id)) {
      out.push({ task, node: task.id, number: undefined, text: task.trigger.text, escalation: false });
    }
    const nodes = Object.values(graph.nodes)
      .filter((n) => n.task === task.id && n.position.file === task.file)
      .filter((n) => (n.kind === 'escalation' && n.role === target.id) || (named.get(n.id) ?? []).some((m) => m.role === target.id))
      .sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity) || a.position.line - b.position.line);
    for (const n of nodes) {
      out.push({ task, node: n.id, number: numbers.get(n.id), text: nodeLabel(n), escalation: n.kind === 'escalation' && n.role === target.id });
    }
  }
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
