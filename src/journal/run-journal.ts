/**
 * The journal as `instr run` uses it: a local file every record is appended to (fsynced before the
 * next prompt) and, when a server is configured, the background upload of that file. Opening it
 * does no network work: the server is first contacted after the first answer (or when the run
 * ends), never while the first prompt is being drawn.
 */
import { relative } from 'node:path';
import { chooseJournal } from './choose.js';
import { NotifyingWriter } from './notifying-writer.js';
import type { BackgroundUpload } from './postgres/background.js';
import { RunElsewhereError } from './postgres/run-claim.js';
import type { PostgresStore } from './postgres/store.js';
import type { CatchUpFilter } from './postgres/catch-up.js';
import { JournalWriter } from './writer.js';
import type { SafeOpenOptions } from '../fs/safe-open.js';
import { InputError } from '../diagnostics/input-error.js';

const firstUploadDelayMs = 300;

export interface RunJournal {
  /** The local file records are appended to. */
  file: string;
  /** How it may be opened: the default file (and the outbox) never through a symlink below cwd. */
  options: SafeOpenOptions;
  /** The server, password masked, when there is one. */
  label: string | null;
  writer(run: string, nextSeq: number): JournalWriter;
  /** After the run: the last upload (bounded in time). */
  finish(): Promise<void>;
  /**
   * With a server, before `--resume` reads the local file: copies into it what it lacks of the
   * server's open runs (one run, or the user's), so a run begun on another machine continues here.
   * Bounded in time; when the server cannot be reached it says so and the local file is all there is.
   */
  catchUp?(filter: CatchUpFilter): Promise<void>;
  /**
   * With a server, before a resumed run goes on: takes the run's lock on the server for as long as
   * this process uploads (postgres/run-claim.ts). Throws RunElsewhereError when another machine
   * holds it; out of reach, the run goes on with this machine's lock only (the upload says so).
   */
  claim?(run: string): Promise<void>;
}

/** What the journal needs of the terminal (the CLI's Io has it): where it runs, and where to warn. */
export interface JournalIo {
  cwd: string;
  err(text: string): void;
  color: { yellow(text: string): string };
}

export async function openRunJournal(io: JournalIo, flag: string | undefined, lang: () => string, env: NodeJS.ProcessEnv = process.env): Promise<RunJournal> {
  const choice = await chooseJournal(io.cwd, flag, env);
  if (choice.kind === 'file') {
    const options: SafeOpenOptions = choice.explicit ? {} : { base: io.cwd };
    return { file: choice.path, options, label: null, writer: (run, next) => new JournalWriter(choice.path, run, next, options), finish: async () => {} };
  }
  const { postgresTarget, redactUrls } = await import('./postgres/connection.js');
  // a URL that cannot be used is an error before the run starts, not a surprise in the middle
  let label: string;
  try {
    label = postgresTarget(choice.url, env).label;
  } catch (error) {
    const { journalAddressText } = await import('../i18n/server-error-text.js');
    throw new InputError(journalAddressText(error instanceof Error ? error.message : String(error), redactUrls(choice.url), lang()));
  }
  const file = choice.outbox;
  const shownFile = relative(io.cwd, file) || file;
  // One connection for the catch-up, the run's lock and the upload: the lock lives as long as it.
  // Every run this process appends to is locked on each (re)connection.
  const runs = new Set<string>();
  let store: PostgresStore | null = null;
  let offline = false;
  const storeNow = async (): Promise<PostgresStore> => {
    if (store) return store;
    const [{ PostgresStore }, { claimRun }] = await Promise.all([import('./postgres/store.js'), import('./postgres/run-claim.js')]);
    store ??= new PostgresStore(
      choice.url,
      {
        connectTimeoutMs: 3000,
        queryTimeoutMs: 10_000,
        onConnect: async (client) => {
          for (const run of runs) await claimRun(client, run);
        },
      },
      env,
    );
    return store;
  };
  let upload: BackgroundUpload | null = null;
  let started: Promise<BackgroundUpload> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const start = () =>
    (started ??= (async () => {
      const [{ BackgroundUpload }, { serverMessages }, { serverErrorText }, { forkMessages }] = await Promise.all([
        import('./postgres/background.js'),
        import('./postgres/messages.js'),
        import('../i18n/server-error-text.js'),
        import('../i18n/fork-messages.js'),
      ]);
      upload = new BackgroundUpload(
        async () => {
          const s = await storeNow();
          await s.connection();
          return s;
        },
        file,
        (detail, error) =>
          io.err(
            `${io.color.yellow('instr:')} ${
              error instanceof RunElsewhereError
                ? serverMessages(lang()).runTaken(error.run, label, shownFile)
                : serverMessages(lang()).unreachable(label, serverErrorText({ message: detail }, lang()), shownFile)
            }\n`,
          ),
        { firstDelayMs: 0, onFork: (f) => io.err(`${io.color.yellow('instr:')} ${forkMessages(lang()).forked(f.run, f.from, f.fork, shownFile)}\n`) },
      );
      return upload;
    })());
  let pokes = 0;
  // The records written before the first prompt (start, and what the engine does on its own to
  // reach it) come in one synchronous burst; the upload waits for the first record after it, an
  // answer, so no network work or driver loading competes with drawing the first prompt.
  let armed = false;
  const options: SafeOpenOptions = { base: io.cwd };
  return {
    file,
    options,
    label: `${label} (${shownFile})`,
    writer: (run, next) => {
      runs.add(run);
      return new NotifyingWriter(file, run, next, options, () => {
        pokes++;
        if (!armed) {
          if (pokes === 1) setImmediate(() => (armed = true));
          return;
        }
        if (upload) upload.poke();
        else if (!timer) {
          timer = setTimeout(() => void start().then((u) => u.poke()), firstUploadDelayMs);
          timer.unref();
        }
      });
    },
    finish: async () => {
      try {
        if (pokes === 0) return;
        if (timer) clearTimeout(timer);
        await (await start()).finish();
      } finally {
        // the catch-up's or the claim's connection when nothing was uploaded; closing waits for the server's goodbye, not long
        if (store) await Promise.race([store.close(), new Promise((done) => setTimeout(done, 500).unref())]);
      }
    },
    catchUp: async (filter) => {
      const [{ catchUpRuns }, { serverMessages }, { serverErrorText }] = await Promise.all([
        import('./postgres/catch-up.js'),
        import('./postgres/messages.js'),
        import('../i18n/server-error-text.js'),
      ]);
      const s = await storeNow();
      try {
        await catchUpRuns(s, file, options, filter);
      } catch (error) {
        offline = true;
        io.err(`${io.color.yellow('instr:')} ${serverMessages(lang()).offlineRead(label, serverErrorText(s.wrap(error), lang()), shownFile)}\n`);
      }
    },
    claim: async (run) => {
      runs.add(run);
      if (offline) return; // said by the catch-up; this machine's lock only
      try {
        const client = await (await storeNow()).connection();
        // a connection opened just now took the lock already; one opened by the catch-up takes it here
        const { claimRun } = await import('./postgres/run-claim.js');
        await claimRun(client, run);
      } catch (error) {
        if (error instanceof RunElsewhereError) throw error;
        offline = true; // out of reach: the upload will say so when it tries
      }
    },
  };
}
