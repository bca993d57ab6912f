import { nodeLabel } from '../graph/node-text.js';
/** What a run did, as data (for --json) and as lines for the terminal (the end-of-run summary). */
import type { ChalkInstance } from 'chalk';
import type { Graph, Node } from '../graph/types.js';
import { formatDuration } from '../i18n/duration.js';
import { terminalSafe } from '../text/terminal-safe.js';
import type { PathEntry, RunState } from './engine.js';
import type { RunMessages } from './messages.js';

export interface SummaryEntry extends PathEntry {
  /** The node's text: step, question, checkpoint, escalation reason, awaited event, jump target, outcome. */
  text: string;
  /** A `::promise` step: done means the promise was given, not kept. */
  promise?: true;
}

export interface RunSummary {
  run: string | null;
  task: string;
  /** `paused`: the run stopped at a prompt to go on later (`--resume`); the engine's state is still active there. */
  status: RunState['status'] | 'paused';
  /** The run ended at a situation the instruction does not cover. */
  notCovered?: true;
  outcome: string | null;
  node: string | null;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number;
  path: SummaryEntry[];
  skipped: Array<{ node: string; text: string; reason: string }>;
  notes: Array<{ node: string; text: string; note: string }>;
  checkpoints: Array<{ node: string; text: string; confirmed: boolean; value?: string }>;
  /** A scripted run: the steps taken as done because the answers file does not mention them (only when there are any). */
  assumed?: Array<{ node: string; text: string; kind: 'step' | 'promise' }>;
}

/** `assumed`: the steps a scripted run took as done because its answers file does not mention them. */
export function summarize(graph: Graph, state: RunState, run: string | null, assumed?: ReadonlySet<string>): RunSummary {
  const text = (id: string) => nodeText(Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined);
  const isPromise = (id: string) => {
    const node = Object.hasOwn(graph.nodes, id) ? graph.nodes[id] : undefined;
    return node?.kind === 'step' && node.promise !== undefined;
  };
  const path = state.path.map((p) => ({ ...p, text: text(p.node), ...(p.kind === 'step' && isPromise(p.node) && { promise: true as const }) }));
  const end = state.finishedAt ?? state.updatedAt;
  const taken = assumed?.size ? path.filter((p) => p.kind === 'step' && p.answer === 'done' && assumed.has(p.node)) : [];
  return {
    run,
    task: state.task,
    status: state.status,
    ...(state.notCovered ? { notCovered: true as const } : {}),
    outcome: state.outcome,
    node: state.node,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    durationMs: Math.max(0, Date.parse(end) - Date.parse(state.startedAt)),
    path,
    skipped: path.filter((p) => p.answer === 'skip').map((p) => ({ node: p.node, text: p.text, reason: p.reason ?? '' })),
    notes: state.notes.map((n) => ({ node: n.node, text: text(n.node), note: n.note })),
    checkpoints: path
      .filter((p) => p.kind === 'checkpoint')
      .map((p) =>
        p.value === undefined
          ? { node: p.node, text: p.text, confirmed: p.confirmed ?? false }
          : { node: p.node, text: p.text, confirmed: p.confirmed ?? false, value: p.value },
      ),
    ...(taken.length > 0 && {
      assumed: taken
        .filter((p, i) => taken.findIndex((q) => q.node === p.node) === i)
        .map((p) => ({ node: p.node, text: p.text, kind: p.promise ? ('promise' as const) : ('step' as const) })),
    }),
  };
}

/** "5 minutes 3 seconds" in the UI language. */
export function formatElapsed(ms: number, lang: string): string {
  const total = Math.max(1, Math.round(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const iso = `P${d ? `${d}D` : ''}${h || m || s ? 'T' : ''}${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s && !d && !h ? `${s}S` : ''}`;
  return formatDuration(iso === 'PT' || iso === 'P' ? 'PT1S' : iso, lang);
}

export function statusLabel(status: RunSummary['status'], t: RunMessages): string {
  return { done: t.statusDone, cancelled: t.statusCancelled, failed: t.statusFailed, waiting: t.statusWaiting, active: t.statusActive, paused: t.statusPaused }[
    status
  ];
}

/**
 * One line per path entry, marked by what happened. `home`: the run's own task; a node of another
 * task (reached by a jump) is numbered as `show` numbers it in that task, after the task's id
 * («#urgent-issue 1»), so its «1» does not read as the run's step 1 again (friend test 12b).
 */
export function pathLine(p: SummaryEntry, t: RunMessages, c: ChalkInstance, numbers?: Map<string, string>, home?: string): string {
  const own = numbers?.get(p.node);
  const number = own && home !== undefined && p.task !== home ? `#${p.task} ${own}` : own;
  return number ? `${c.dim(number)} ${entryLine(p, t, c)}` : entryLine(p, t, c);
}

function entryLine(p: SummaryEntry, t: RunMessages, c: ChalkInstance): string {
  const s = terminalSafe(p.text);
  switch (p.kind) {
    case 'step':
      if (p.answer === 'skip') return `${c.yellow('↷')} ${c.dim(s)} ${c.yellow(`— ${terminalSafe(p.reason ?? '')}`)}`;
      // a promise step done was given, not kept (friend test: «2 ✓» read as kept while still owed)
      return p.promise ? `🤝 ${s} ${c.dim(`— ${t.promiseGiven}`)}` : `${c.green('✓')} ${s}`;
    case 'decision':
      return `${c.cyan('◆')} ${s} ${c.cyan(`→ ${terminalSafe(p.answer ?? '')}`)}`;
    case 'checkpoint':
      return p.confirmed
        ? `${c.green('☑')} ${s}${p.value ? `: ${c.bold(terminalSafe(p.value))}` : ''}`
        : `${c.red('☐')} ${s} ${c.red(`— ${t.notDone.toLowerCase()}`)}`;
    case 'escalation':
      return `${c.magenta('!')} ${t.escalateTo}: ${s}`;
    case 'wait':
      // the path holds only waits that are over: ⌛, not the ⏳ of a run still waiting (friend test 12b)
      return `${c.blue('⌛')} ${s} ${c.dim(`— ${p.answer === 'timeout' ? t.pathWaitTimedOut : t.pathWaitArrived}`)}`;
    case 'jump':
      return c.dim(`→ ${t.goto} #${terminalSafe(p.target ?? '')}${p.return ? ` (${t.gotoReturn})` : ''}`);
    case 'end':
      return `${c.bold('■')} ${s}`;
    case 'not-covered':
      return `${c.yellow('?')} ${s} ${c.yellow(`— ${t.notCoveredHere}`)}`;
    default:
      return s;
  }
}

/**
 * One line saying what the path's bare marks mean, only those that appear (friend test 12b: «5 !»
 * and «6 ⏳» went unexplained); marks followed by words of their own (🤝, →, ?) are left out.
 */
function legendLine(path: readonly SummaryEntry[], t: RunMessages): string {
  const marks = new Map<string, string>();
  for (const p of path) {
    const mark = legendMark(p, t);
    if (mark) marks.set(mark[0], mark[1]);
  }
  const order = ['✓', '↷', '◆', '☑', '☐', '!', '⌛', '■'];
  const shown = order.filter((m) => marks.has(m)).map((m) => `${m} ${marks.get(m)}`);
  return shown.length > 0 ? `${t.legend}: ${shown.join(' · ')}` : '';
}

function legendMark(p: SummaryEntry, t: RunMessages): [string, string] | undefined {
  switch (p.kind) {
    case 'step':
      if (p.promise) return undefined;
      return p.answer === 'skip' ? ['↷', t.legendSkipped] : ['✓', t.legendDone];
    case 'decision':
      return ['◆', t.legendDecision];
    case 'checkpoint':
      return p.confirmed ? ['☑', t.legendConfirmed] : ['☐', t.legendNotConfirmed];
    case 'escalation':
      return ['!', t.legendEscalation];
    case 'wait':
      return ['⌛', t.legendWait];
    case 'end':
      return ['■', t.legendEnd];
    default:
      return undefined;
  }
}

export function summaryLines(summary: RunSummary, lang: string, t: RunMessages, c: ChalkInstance, numbers?: Map<string, string>): string[] {
  const lines: string[] = [];
  lines.push(c.bold(`── ${t.summary} ──`));
  lines.push(
    `${t.status}: ${c.bold(summary.notCovered ? t.statusNotCovered : statusLabel(summary.status, t))}${summary.outcome ? ` · ${t.outcome}: ${terminalSafe(summary.outcome)}` : ''}`,
  );
  lines.push(`${t.timeTaken}: ${formatElapsed(summary.durationMs, lang)}`);
  lines.push(`${t.path}:`);
  for (const p of summary.path) lines.push(`  ${pathLine(p, t, c, numbers, summary.task)}`);
  const legend = legendLine(summary.path, t);
  if (legend) lines.push(c.dim(`  ${legend}`));
  if (summary.skipped.length) {
    lines.push(`${t.skipped}:`);
    for (const s of summary.skipped) lines.push(`  ${c.yellow('↷')} ${terminalSafe(s.text)} — ${terminalSafe(s.reason)}`);
  }
  if (summary.assumed?.length) {
    lines.push(`${t.assumedDone}:`);
    // a promise taken as done is given, not kept (friend test 12b: «✓» here read against «открыто» below)
    for (const a of summary.assumed)
      lines.push(a.kind === 'promise' ? `  🤝 ${terminalSafe(a.text)} ${c.dim(`— ${t.assumedPromise}`)}` : `  ${c.green('✓')} ${terminalSafe(a.text)}`);
    const first = summary.assumed[0]!.text;
    lines.push(c.dim(`  ${t.assumedHint} ${terminalSafe(JSON.stringify(first))}: { skip: ${t.assumedReason} }`));
  }
  if (summary.notes.length) {
    lines.push(`${t.questions}:`);
    for (const n of summary.notes) lines.push(`  ? ${c.italic(terminalSafe(n.note))} ${c.dim(`(${terminalSafe(n.text)})`)}`);
  }
  if (summary.checkpoints.length) {
    lines.push(`${t.checkpoints}:`);
    for (const k of summary.checkpoints)
      lines.push(
        `  ${k.confirmed ? c.green('☑') : c.red('☐')} ${terminalSafe(k.text)}${k.value ? `: ${terminalSafe(k.value)}` : k.confirmed ? '' : ` — ${t.notDone.toLowerCase()}`}`,
      );
  }
  return lines;
}

/** A node's label, or nothing for a node that no longer exists. */
function nodeText(node: Node | undefined): string {
  return node ? nodeLabel(node) : '';
}
