/**
 * `instr promise kept RUN`: a promise to a client was kept, often after its run ended («перезвоню
 * сегодня до 18:00», called back at 17:40). A `promise` record (`state: kept`, `by: hand`) is
 * appended after the run's last record, in the file journal or on the server; nothing is
 * rewritten. The agenda stops listing the promise, the report judges it by the moment kept.
 */
import { osUser } from '../os-user.js';
import { ExitError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { resolveNow } from '../now.js';
import { openJournal } from './journal-store.js';
import { RunFolder, type JournalPromise } from '../../journal/runs.js';
import { promiseState } from '../../journal/promise-state.js';
import { RunLockedError } from '../../journal/run-lock.js';
import { promiseMessages, type PromiseMessages } from '../../i18n/promise-messages.js';
import { parseHappened } from '../../run/happened.js';
import { normalizeKey } from '../../run/answers.js';
import { documentZone } from '../../schedule/task-zone.js';
import { localDateTime, systemTimeZone } from '../../schedule/zone.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { jsonText } from '../../render/json-text.js';
import type { Graph } from '../../graph/types.js';

export interface PromiseKeptFlags {
  promise?: string;
  note?: string;
  at?: string;
  user?: string;
  journal?: string;
  lang?: string;
  now?: string;
  json?: boolean;
}

/** A note is a line or two («позвонила, клиент согласен»); the journal is not a document store. */
const maxNote = 2000;

export async function promiseKeptCommand(run: string | undefined, paths: string[], flags: PromiseKeptFlags, io: Io): Promise<number> {
  const { graph } = await loadInstructions(paths.length ? paths : ['instructions'], io, { requireClean: false });
  let lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  let t = promiseMessages(lang);
  const id = (run ?? '').trim();
  if (!id) throw new ExitError(t.usage, exitCodes.usage);
  const note = (flags.note ?? '').trim();
  if (note.length > maxNote) throw new ExitError(t.noteTooLong(maxNote), exitCodes.usage);
  const journal = await openJournal(io, flags.journal, lang);
  try {
    const events = await journal.store.runEvents(id);
    if (events.length === 0) throw new ExitError(t.noRun(terminalSafe(id), terminalSafe(journal.shown)), exitCodes.usage);
    const folder = new RunFolder();
    for (const e of events) folder.add(e);
    const record = folder.runs.get(id)!;
    // the run's own language and zone: it was recorded in them
    if (flags.lang === undefined && record.lang) t = promiseMessages((lang = record.lang));
    const zone = zoneOf(graph, record.file);
    const now = resolveNow(flags.now, zone);
    const when = (ms: number) => localDateTime(ms, zone);
    let at = now;
    if (flags.at !== undefined) {
      const said = parseHappened(flags.at, now, zone);
      if (!said.ok) throw new ExitError(said.error === 'future' ? t.atFuture(terminalSafe(flags.at)) : t.atFormat(terminalSafe(flags.at)), exitCodes.usage);
      at = said.at;
    }
    const promises = record.promises ?? [];
    if (promises.length === 0) throw new ExitError(t.noPromise(terminalSafe(id)), exitCodes.usage);
    const promise = choose(promises, id, flags.promise, now, t, when);
    if (promise.keptAt !== undefined) throw new ExitError(t.alreadyKept(terminalSafe(promise.text), when(promise.keptAt)), exitCodes.usage);
    if (promise.dropped) throw new ExitError(t.dropped(terminalSafe(promise.text)), exitCodes.usage);
    if (at < promise.madeAt) throw new ExitError(t.beforeMade(when(at), when(promise.madeAt)), exitCodes.usage);
    const user = flags.user ?? osUser();
    let written;
    try {
      written = await journal.store.appendToRun(
        id,
        { type: 'promise', node: promise.node, state: 'kept', by: 'hand', user, ...(note && { note }) },
        new Date(at).toISOString(),
      );
    } catch (error) {
      if (error instanceof RunLockedError) throw new ExitError(t.locked(terminalSafe(id), error.pid), exitCodes.usage);
      throw error;
    }
    if (written === null) throw new ExitError(t.raced(terminalSafe(id)), exitCodes.usage);
    const state = promiseState({ due: promise.due, keptAt: at }, now);
    if (flags.json) {
      io.out(
        jsonText({
          run: id,
          promise: promise.node,
          text: promise.text,
          due: promise.due === null ? null : new Date(promise.due).toISOString(),
          kept: new Date(at).toISOString(),
          state,
          by: 'hand',
          user,
          ...(note && { note }),
          journal: journal.shown,
        }),
      );
    } else {
      const how = promise.due === null ? t.noDue : state === 'late' ? t.late(when(promise.due)) : t.onTime(when(promise.due));
      const mark = state === 'late' ? io.color.yellow('✔') : io.color.green('✔');
      io.out(`${mark} ${t.kept(terminalSafe(promise.text))}: ${when(at)}, ${how}. ${io.color.dim(`(${t.journal}: ${terminalSafe(journal.shown)})`)}\n`);
    }
    return exitCodes.ok;
  } finally {
    await journal.store.close();
  }
}

/** The promise meant: the one named (`--promise`: its step id or text), else the only one still owed. */
function choose(
  promises: JournalPromise[],
  run: string,
  named: string | undefined,
  now: number,
  t: PromiseMessages,
  when: (ms: number) => string,
): JournalPromise {
  const list = (items: JournalPromise[]) => items.map((p) => `  ${p.node}  «${terminalSafe(p.text)}» — ${describe(p, now, t, when)}`).join('\n');
  if (named !== undefined) {
    const key = normalizeKey(named);
    const matching = promises.filter((p) => p.node === named.trim() || normalizeKey(p.text) === key);
    // the same promise made again (a loop): the latest one is meant
    const found = matching.findLast((p) => p.keptAt === undefined && !p.dropped) ?? matching.at(-1);
    if (!found) throw new ExitError(t.unknown(terminalSafe(named), terminalSafe(run), list(promises)), exitCodes.usage);
    return found;
  }
  const owed = promises.filter((p) => p.keptAt === undefined && !p.dropped);
  if (owed.length === 1) return owed[0]!;
  if (owed.length === 0) throw new ExitError(t.noneOpen(terminalSafe(run), `\n${list(promises)}`), exitCodes.usage);
  throw new ExitError(t.several(terminalSafe(run), list(owed)), exitCodes.usage);
}

function describe(p: JournalPromise, now: number, t: PromiseMessages, when: (ms: number) => string): string {
  const state = promiseState(p, now);
  const word = { kept: t.stateKept, late: t.stateLate, broken: t.stateBroken, open: t.stateOpen, dropped: t.stateDropped }[state];
  return p.due === null ? word : `${word}, ${t.due} ${when(p.due)}`;
}

function zoneOf(graph: Graph, file: string): string {
  const doc = graph.documents.find((d) => d.file === file) ?? graph.documents[0];
  return doc ? documentZone(doc) : systemTimeZone();
}
