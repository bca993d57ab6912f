/**
 * `instr run --cancel RUN [--reason TEXT]`: the person closes a run they will not go on with (one
 * started by mistake, or left paused by a refused answer in a file). An `end` record with
 * `status: "cancelled"` and `by: "hand"` is appended after the run's last record, in the file
 * journal or on the server; nothing is rewritten. The run is cancelled on every screen — the
 * agenda no longer lists it, the report counts it «отменено» — and its open promises are dropped,
 * neither kept nor broken. An older `instr` reads the record as any cancelled end.
 */
import { osUser } from '../os-user.js';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { loadInstructions } from '../load.js';
import { nowFlagAtOrAfter, resolveNow } from '../now.js';
import { openJournal } from './journal-store.js';
import { RunFolder } from '../../journal/runs.js';
import { RunLockedError } from '../../journal/run-lock.js';
import { isOpenStatus, statusWord } from '../../journal/run-status.js';
import { fillRun, runMessages } from '../../run/messages.js';
import { documentZone } from '../../schedule/task-zone.js';
import { localDateTime, systemTimeZone } from '../../schedule/zone.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { jsonText } from '../../render/json-text.js';

export interface RunCancelFlags {
  reason?: string;
  user?: string;
  journal?: string;
  lang?: string;
  now?: string;
  json?: boolean;
}

/** A reason is a line or two («запустил по ошибке»); the journal is not a document store. */
const maxReason = 2000;

/** `first`: commander's task argument; with --cancel it can only be a folder or file of instructions. */
export async function runCancelCommand(run: string, first: string | undefined, paths: string[], flags: RunCancelFlags, io: Io): Promise<number> {
  if (first !== undefined) {
    if (!existsSync(resolve(io.cwd, first))) throw new ExitError(runMessages(flags.lang).cancelTask, exitCodes.usage);
    paths = paths.length === 1 && paths[0] === 'instructions' ? [first] : [first, ...paths];
  }
  const { graph } = await loadInstructions(paths, io, { requireClean: false });
  let lang = flags.lang ?? graph.documents[0]?.lang ?? 'en';
  const id = run.trim();
  // one line, no control characters: it is shown in the report and the summary
  const reason = (flags.reason ?? '')
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (reason.length > maxReason) throw new ExitError(fillRun(runMessages(lang).cancelReasonTooLong, { max: maxReason }), exitCodes.usage);
  const journal = await openJournal(io, flags.journal, lang);
  try {
    const events = await journal.store.runEvents(id);
    if (events.length === 0)
      throw new ExitError(fillRun(runMessages(lang).noRun, { run: terminalSafe(id), journal: terminalSafe(journal.shown) }), exitCodes.usage);
    const folder = new RunFolder();
    for (const e of events) folder.add(e);
    const record = folder.runs.get(id)!;
    // said in the run's own language and zone: it was recorded in them
    if (flags.lang === undefined && record.lang) lang = record.lang;
    const t = runMessages(lang);
    if (!isOpenStatus(record.state))
      throw new ExitError(fillRun(t.cancelClosed, { run: terminalSafe(id), state: statusWord(record.state, lang) }), exitCodes.usage);
    const doc = graph.documents.find((d) => d.file === record.file) ?? graph.documents[0];
    const zone = doc ? documentZone(doc) : systemTimeZone();
    const now = resolveNow(flags.now, zone);
    const lastAt = Date.parse(events.at(-1)!.at);
    if (Number.isFinite(lastAt) && now < lastAt)
      throw new ExitError(
        fillRun(t.nowBeforeLast, {
          run: terminalSafe(id),
          last: localDateTime(lastAt, zone),
          now: localDateTime(now, zone),
          at: nowFlagAtOrAfter(lastAt, zone),
        }),
        exitCodes.usage,
      );
    const user = flags.user ?? osUser();
    const owed = (record.promises ?? []).filter((p) => p.keptAt === undefined && !p.dropped);
    let written;
    try {
      written = await journal.store.appendToRun(
        id,
        {
          type: 'end',
          node: record.node,
          status: 'cancelled',
          outcome: reason,
          durationMs: record.startedAt !== null ? Math.max(0, now - record.startedAt) : 0,
          by: 'hand',
          user,
          ...(reason && { reason }),
        },
        new Date(now).toISOString(),
      );
    } catch (error) {
      if (error instanceof RunLockedError)
        throw new ExitError(fillRun(t.runLocked, { run: terminalSafe(id), pid: error.pid, journal: terminalSafe(journal.shown) }), exitCodes.usage);
      throw error;
    }
    if (written === null) throw new ExitError(fillRun(t.runMoved, { run: terminalSafe(id) }), exitCodes.usage);
    if (flags.json) {
      io.out(
        jsonText({
          run: id,
          task: record.task,
          status: 'cancelled',
          by: 'hand',
          user,
          at: new Date(now).toISOString(),
          ...(reason && { reason }),
          droppedPromises: owed.map((p) => ({ promise: p.node, text: p.text })),
          journal: journal.shown,
        }),
      );
      return exitCodes.ok;
    }
    const title = record.about ? `${record.title} — ${record.about}` : record.title;
    io.out(
      `${io.color.green('✔')} ${fillRun(t.cancelDone, { run: terminalSafe(id) })}: ${terminalSafe(title)}${reason ? ` · ${terminalSafe(reason)}` : ''} ${io.color.dim(`(${terminalSafe(journal.shown)})`)}\n`,
    );
    if (owed.length > 0) io.out(`  ${fillRun(t.cancelPromisesDropped, { list: owed.map((p) => `«${terminalSafe(p.text)}»`).join(', ') })}\n`);
    return exitCodes.ok;
  } finally {
    await journal.store.close();
  }
}
