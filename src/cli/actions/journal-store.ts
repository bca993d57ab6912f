/**
 * Opening the journal for the commands that read it (report, agenda, inbox, journal push): a file,
 * or the team's server. A server that cannot be reached is said once, and this machine's journal
 * is read instead; one that can is first sent what this machine recorded while it was away.
 */
import { UnsafePathError } from '../../fs/safe-open.js';
import { readMessages } from '../../i18n/read-messages.js';
import { UsageError } from '../usage-error.js';
import { cliMessages } from '../../i18n/cli-messages.js';
import { graphForRole, rolesOf } from '../../graph/role-filter.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { relative } from 'node:path';
import type { Io } from '../io.js';
import { ExitError, exitCodes } from '../errors.js';
import { chooseJournal } from '../../journal/choose.js';
import { FileStore } from '../../journal/file-store.js';
import { filterRuns, type JournalStore, type LoadedRuns, type RunFilter } from '../../journal/store.js';
import type { Graph } from '../../graph/types.js';
import type { PostgresStore } from '../../journal/postgres/store.js';

export interface OpenedJournal {
  store: JournalStore;
  /** What to call it on screen. */
  shown: string;
  /** A journal someone named (flag, environment, config) must exist; the default may not yet. */
  explicit: boolean;
}

/**
 * `lang` may be a promise: a command that opens the journal while it compiles the instructions
 * knows their language only later, and this waits for it only to say something.
 */
export async function openJournal(
  io: Io,
  flag: string | undefined,
  lang: string | undefined | Promise<string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenedJournal> {
  const choice = await chooseJournal(io.cwd, flag, env);
  if (choice.kind === 'file')
    return { store: new FileStore(choice.path, choice.explicit ? {} : { base: io.cwd }), shown: shownPath(io.cwd, choice.path), explicit: choice.explicit };
  const [{ PostgresStore }, { serverMessages }] = await Promise.all([import('../../journal/postgres/store.js'), import('../../journal/postgres/messages.js')]);
  let store: PostgresStore;
  try {
    store = new PostgresStore(choice.url, {}, env);
  } catch (error) {
    const { journalAddressText } = await import('../../i18n/server-error-text.js');
    const { redactUrls } = await import('../../journal/postgres/connection.js');
    throw new ExitError(journalAddressText(error instanceof Error ? error.message : String(error), redactUrls(choice.url), await lang), exitCodes.usage);
  }
  const { serverErrorText } = await import('../../i18n/server-error-text.js');
  const outbox = shownPath(io.cwd, choice.outbox);
  try {
    await store.connection().catch(async (error: unknown) => {
      // Opened while the command compiles: a compile that holds the event loop for seconds lets the
      // connect timer fire before the server's answer is read. Once it is done, try once more.
      if (!(lang instanceof Promise) || !/timeout/i.test(String((error as { message?: unknown }).message))) throw error;
      await lang;
      await store.connection();
    });
  } catch (error) {
    const said = await lang;
    io.err(`${io.color.yellow('instr:')} ${serverMessages(said).offlineRead(store.label, serverErrorText(store.wrap(error), said), outbox)}\n`);
    return { store: new FileStore(choice.outbox, { base: io.cwd }), shown: outbox, explicit: false };
  }
  await pushPending(io, store, choice.outbox, lang);
  return { store, shown: store.label, explicit: false };
}

/** Sends what this machine recorded and the server has not acknowledged yet; says how much. */
async function pushPending(io: Io, store: PostgresStore, outbox: string, lang: string | undefined | Promise<string | undefined>): Promise<number> {
  const [{ pendingBytes, pushFile }, { serverMessages }, { serverErrorText }, { forkMessages }] = await Promise.all([
    import('../../journal/postgres/push.js'),
    import('../../journal/postgres/messages.js'),
    import('../../i18n/server-error-text.js'),
    import('../../i18n/fork-messages.js'),
  ]);
  if (pendingBytes(outbox, store.serverKey) === 0) return 0;
  try {
    const result = await pushFile(store, outbox, { useCursor: true });
    if (result.uploaded > 0) io.err(`${io.color.dim('instr:')} ${serverMessages(await lang).uploaded(result.uploaded, store.label)}\n`);
    for (const f of result.forks) io.err(`${io.color.yellow('instr:')} ${forkMessages(await lang).forked(f.run, f.from, f.fork, shownPath(io.cwd, outbox))}\n`);
    return result.uploaded;
  } catch (error) {
    io.err(`${io.color.yellow('instr:')} ${shownPath(io.cwd, outbox)}: ${serverErrorText(store.wrap(error), await lang)}\n`);
    return 0;
  }
}

/**
 * Runs of the journal, kept to one user, and with `--role` to the tasks of `graph`, which the
 * caller has already narrowed to that role's instructions (graphForRoleOrExit).
 */
async function loadRunsOrExit(
  journal: OpenedJournal,
  graph: Graph,
  filter: RunFilter & { role?: string; lang?: string },
  started?: Promise<LoadedRuns>,
): Promise<LoadedRuns> {
  const t = cliMessages(filter.lang);
  let loaded: LoadedRuns;
  try {
    loaded = await (started ?? journal.store.loadRuns(filter.user === undefined ? {} : { user: filter.user }));
  } catch (error) {
    // a journal refused for where it lies: what to do about it (remove the link), in the screen's language
    if (error instanceof UnsafePathError)
      throw new ExitError(
        readMessages(filter.lang).unsafeKept(journal.shown, error.reason, t.journalCannotRead(journal.shown, error.message)),
        exitCodes.usage,
      );
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExitError(t.journalCannotRead(journal.shown, detail), exitCodes.usage);
  }
  if (loaded.missing && journal.explicit && journal.store.kind === 'file') throw new ExitError(t.journalMissing(journal.shown), exitCodes.usage);
  if (filter.role === undefined) return loaded;
  const tasks = new Set(graph.tasks.map((t) => t.id));
  return { ...loaded, runs: filterRuns(loaded.runs, (r) => r.task !== null && tasks.has(r.task)) };
}

/** The runs being read while the command compiles; `finish` when the instructions are known, else `cancel`. */
export interface EarlyRuns {
  finish(graph: Graph, filter: { role?: string | undefined; lang: string }): Promise<{ journal: OpenedJournal; loaded: LoadedRuns }>;
  cancel(): Promise<void>;
}

/**
 * Opens the journal and reads its runs (by `--user`) at once, so that the server's work (connect,
 * upload what is pending, the queries) overlaps instr's compile. What it has to say (offline,
 * uploaded, cannot read) waits for `finish`, which knows the language; `--role` needs the graph and
 * is applied there too. The journal is closed by `finish` or `cancel`.
 */
export function readRunsEarly(io: Io, flag: string | undefined, user: string | undefined): EarlyRuns {
  let setLang: (lang: string | undefined) => void = () => undefined;
  const lang = new Promise<string | undefined>((resolve) => {
    setLang = resolve;
  });
  const opened = openJournal(io, flag, lang);
  const loaded = opened.then((journal) => journal.store.loadRuns(user === undefined ? {} : { user }));
  // both are awaited by finish or cancel; until then a rejection is not "unhandled"
  opened.catch(() => undefined);
  loaded.catch(() => undefined);
  return {
    async finish(graph, filter) {
      setLang(filter.lang);
      const journal = await opened;
      try {
        const runs = await loadRunsOrExit(
          journal,
          graph,
          { lang: filter.lang, ...(user !== undefined && { user }), ...(filter.role !== undefined && { role: filter.role }) },
          loaded,
        );
        return { journal, loaded: runs };
      } finally {
        await journal.store.close();
      }
    },
    async cancel() {
      setLang(undefined);
      const journal = await opened.catch(() => null);
      await journal?.store.close();
    },
  };
}

/** Opens the journal, reads its runs (by `--user`, and `--role` through the graph) and closes it again. */
export async function readRunsOrExit(
  io: Io,
  flag: string | undefined,
  graph: Graph,
  filter: { user?: string | undefined; role?: string | undefined; lang: string },
): Promise<{ journal: OpenedJournal; runs: LoadedRuns['runs'] }> {
  const journal = await openJournal(io, flag, filter.lang);
  try {
    const { runs } = await loadRunsOrExit(journal, graph, {
      lang: filter.lang,
      ...(filter.user !== undefined && { user: filter.user }),
      ...(filter.role !== undefined && { role: filter.role }),
    });
    return { journal, runs };
  } finally {
    await journal.store.close();
  }
}

/** The graph of one role's instructions (`--role`), or a usage error naming the roles there are (in `lang`, else the instructions'). */
export function graphForRoleOrExit(graph: Graph, role: string | undefined, lang?: string): Graph {
  if (role === undefined) return graph;
  const narrowed = graphForRole(graph, role);
  if (narrowed) return narrowed;
  const known = rolesOf(graph);
  throw new UsageError(
    (t) => (known.length ? t.roleUnknown(terminalSafe(role), known.map(terminalSafe)) : t.roleNone(terminalSafe(role))),
    lang ?? graph.documents[0]?.lang,
  );
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/**
 * `--user` without `--role`: schedules belong to roles, not to people, so the schedules judged are
 * those of the instructions the person has runs in (a client manager's report does not list the
 * office administrator's opening of the office as missed). Says on stderr whose schedules were
 * left out and how to see them. The runs themselves are already the person's.
 */
export function graphOfUserRuns(io: Io, graph: Graph, runs: LoadedRuns['runs'], flags: { user?: string; role?: string; lang?: string }): Graph {
  if (flags.user === undefined || flags.role !== undefined) return graph;
  const taskFile = new Map(graph.tasks.map((t) => [t.id, t.file]));
  const files = new Set<string>();
  for (const r of runs.values()) {
    const file = r.task !== null ? taskFile.get(r.task) : undefined;
    if (file !== undefined) files.add(file);
  }
  const scheduled = new Set(graph.tasks.filter((t) => t.schedules.length > 0).map((t) => t.file));
  const left = graph.documents.filter((d) => !files.has(d.file) && scheduled.has(d.file));
  if (left.length === 0) return graph;
  const names = left.map((d) => terminalSafe(d.role?.trim() || d.title || d.id));
  io.err(`${io.color.dim('instr:')} ${cliMessages(flags.lang).userSchedulesOnly(terminalSafe(flags.user), names)}\n`);
  const dropped = new Set(left.map((d) => d.file));
  return { ...graph, tasks: graph.tasks.map((t) => (dropped.has(t.file) && t.schedules.length > 0 ? { ...t, schedules: [] } : t)) };
}
