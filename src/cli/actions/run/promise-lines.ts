/**
 * The promises a run made, under its summary: where each stands and, for one still owed, the
 * command that closes it — a scripted run prints no steps, so this is where the person learns
 * that the agenda will remind them.
 */
import type { ChalkInstance } from 'chalk';
import { promiseState } from '../../../journal/promise-state.js';
import type { RunSession } from '../../../run/session.js';
import { timeMessages } from '../../../i18n/time-messages.js';
import { localDateTime } from '../../../schedule/zone.js';
import { terminalSafe } from '../../../text/terminal-safe.js';
import { stepNumbers } from '../../../render/checklist.js';
import { indexGraph } from '../../../graph/query.js';
import { nodeLabel } from '../../../graph/node-text.js';

export interface PromiseSummary {
  node: string;
  text: string;
  /** ISO, or null when the instruction's due cannot be computed. */
  due: string | null;
  kept: string | null;
  /** The step or wait whose passing kept it, when one did. */
  keptBy?: string;
  state: ReturnType<typeof promiseState>;
}

export function runPromiseSummary(session: RunSession): PromiseSummary[] {
  const now = session.now().getTime();
  return session.promises().map((p) => {
    const keptAt = p.kept ? Date.parse(p.kept.at) : undefined;
    return {
      node: p.node,
      text: p.text,
      due: p.due === null ? null : new Date(p.due).toISOString(),
      kept: p.kept ? p.kept.at : null,
      ...(p.kept?.node !== undefined && { keptBy: p.kept.node }),
      state: promiseState({ due: p.due, ...(keptAt !== undefined && { keptAt }), ...(p.dropped && { dropped: true }) }, now),
    };
  });
}

export function promiseLines(session: RunSession, lang: string, c: ChalkInstance): string[] {
  const list = runPromiseSummary(session);
  if (list.length === 0) return [];
  const t = timeMessages(lang);
  const zone = (node: string) => session.times.forFile(session.graph.nodes[node]?.position.file ?? '').zone;
  const words = { kept: t.promiseKept, late: t.promiseKeptLate, broken: t.promiseBroken, open: t.promiseOpen, dropped: t.promiseDropped };
  const owed = (p: PromiseSummary) => p.state === 'open' || p.state === 'broken';
  // what the agenda does with a promise is said on the promise's own line: a heading saying it for
  // all read as if a kept one were still owed (friend test, round 7)
  const lines = [`${t.promisesTitle}:`];
  for (const p of list) {
    const due = p.due === null ? '' : ` · ${t.promiseDue} ${localDateTime(Date.parse(p.due), zone(p.node))}`;
    const state = `${words[p.state]}${owed(p) ? ` — ${t.promiseOwed}` : keptHow(session, p, t)}`;
    lines.push(`  🤝 ${terminalSafe(p.text)}${c.dim(`${due} · ${state}`)}`);
    // the command on a line of its own, so that it is not wrapped and can be copied whole
    if (owed(p) && session.runId !== null) lines.push(`     ${c.dim(`${t.promiseKeepHint}:`)} instr promise kept ${session.runId}`);
  }
  return lines;
}

/**
 * «: шагом 8.b.2 «Написать клиенту…»» or «: когда наступило «Директор написала…»»: what kept a
 * promise, so that one kept by the instruction's own `kept` is not a surprise.
 */
function keptHow(session: RunSession, p: PromiseSummary, t: ReturnType<typeof timeMessages>): string {
  if (p.state !== 'kept' && p.state !== 'late') return '';
  const promise = session.promises().find((x) => x.node === p.node && x.kept?.at === p.kept);
  const by = promise?.kept;
  if (!by) return '';
  if (by.by === 'end') return ` (${t.promiseKeptByEnd})`;
  if (by.by !== 'step' || by.node === undefined) return ` (${t.promiseKeptByAnswer})`;
  const node = session.graph.nodes[by.node];
  if (node?.kind === 'wait') return ` (${t.promiseKeptByWait(terminalSafe(node.event))})`;
  const number = stepNumbers(indexGraph(session.graph)).get(by.node);
  const text = node ? terminalSafe(nodeLabel(node)) : by.node;
  return ` (${t.promiseKeptByStep(`${number ? `${number} ` : ''}«${text}»`)})`;
}
