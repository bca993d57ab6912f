/**
 * `instr promise list`: the promises to clients still owed, from the journal — which run made
 * each, its text, when it is due and whether that has passed. The same promises the agenda
 * lists (journal/owed-promises.ts), judged by the same rule (journal/promise-state.ts).
 */
import { exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { resolveNow } from '../now.js';
import { graphForRoleOrExit, readRunsOrExit } from './journal-store.js';
import { keepCommand, owedPromises } from '../../journal/owed-promises.js';
import { promiseState } from '../../journal/promise-state.js';
import { timeMessages } from '../../i18n/time-messages.js';
import { promiseMessages } from '../../i18n/promise-messages.js';
import { documentZone } from '../../schedule/task-zone.js';
import { localDateTime, systemTimeZone } from '../../schedule/zone.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { jsonText } from '../../render/json-text.js';
import { wrapLines } from '../../render/wrap.js';
import type { Graph } from '../../graph/types.js';

export interface PromiseListFlags {
  user?: string;
  role?: string;
  journal?: string;
  lang?: string;
  now?: string;
  json?: boolean;
}

interface Owed {
  run: string;
  task: string;
  user: string;
  about?: string;
  promise: string;
  text: string;
  made: string;
  /** ISO, or null when the journal has no due time for it. */
  due: string | null;
  late: boolean;
  /** The run has ended: only `instr promise kept` closes it now. */
  ended: boolean;
  keep: string;
  zone: string;
}

export async function promiseListCommand(paths: string[], flags: PromiseListFlags, io: Io): Promise<number> {
  const loaded = await loadInstructions(paths.length ? paths : ['instructions'], io, { requireClean: false });
  const graph = graphForRoleOrExit(loaded.graph, flags.role, flags.lang);
  const lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const now = resolveNow(flags.now, graph.documents.length > 0 ? documentZone(graph.documents[0]) : systemTimeZone());
  const { journal, runs } = await readRunsOrExit(io, flags.journal, graph, { user: flags.user, role: flags.role, lang });
  const list: Owed[] = [];
  for (const r of runs.values()) {
    if (r.task === null) continue;
    const owed = owedPromises(r);
    for (const p of owed)
      list.push({
        run: r.run,
        task: r.task,
        user: r.user,
        ...(r.about !== undefined && { about: r.about }),
        promise: p.node,
        text: p.text,
        made: new Date(p.madeAt).toISOString(),
        due: p.due === null ? null : new Date(p.due).toISOString(),
        late: promiseState(p, now) === 'broken',
        ended: !['active', 'waiting', 'paused'].includes(r.state),
        keep: keepCommand(r.run, p.node, owed.length),
        zone: zoneOf(graph, r.file),
      });
  }
  // soonest due first (the late ones lead); those without a due time last
  list.sort((a, b) => (a.due ?? '\uffff').localeCompare(b.due ?? '\uffff') || a.made.localeCompare(b.made));
  if (flags.json) {
    io.out(jsonText({ now: new Date(now).toISOString(), journal: journal.shown, promises: list.map(({ zone: _zone, ...rest }) => rest) }));
    return exitCodes.ok;
  }
  const t = timeMessages(lang);
  const p = promiseMessages(lang);
  const c = io.color;
  if (list.length === 0) {
    io.out(`${p.listNone} ${c.dim(`(${p.journal}: ${terminalSafe(journal.shown)})`)}\n`);
    return exitCodes.ok;
  }
  const lines = [`${p.listTitle} ${c.dim(`(${p.journal}: ${terminalSafe(journal.shown)})`)}`];
  for (const o of list) {
    const due = o.due === null ? p.noDue : `${p.due} ${localDateTime(Date.parse(o.due), o.zone)}`;
    const state = o.late ? c.red(p.stateBroken) : p.stateOpen;
    const about = o.about !== undefined ? ` — ${terminalSafe(o.about)}` : '';
    lines.push(`  🤝 ${terminalSafe(o.text)} · ${due} · ${state}`);
    lines.push(c.dim(`     ${o.task}${about} · ${p.listRun} ${o.run}, ${terminalSafe(o.user)}`));
    lines.push(`     ${c.dim(`${t.promiseKeepHint}:`)} ${o.keep}`);
  }
  io.out(`${wrapLines(lines, io.columns).join('\n')}\n`);
  return exitCodes.ok;
}

function zoneOf(graph: Graph, file: string): string {
  const doc = graph.documents.find((d) => d.file === file) ?? graph.documents[0];
  return doc ? documentZone(doc) : systemTimeZone();
}
