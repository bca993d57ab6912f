import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { chooseJournal } from '../../journal/choose.js';
import { PostgresStore } from '../../journal/postgres/store.js';
import { pushFile, type PushResult } from '../../journal/postgres/push.js';
import { jsonText } from '../../render/json-text.js';

export interface JournalPushFlags {
  from?: string;
  journal?: string;
  json?: boolean;
}

export interface JournalMigrateFlags {
  journal?: string;
}

/** The server the command talks to; exit 2 when none is configured. */
async function server(io: Io, flag: string | undefined): Promise<{ store: PostgresStore; outbox: string }> {
  const choice = await chooseJournal(io.cwd, flag);
  if (choice.kind !== 'postgres')
    throw new ExitError(
      'no team journal is configured: set INSTR_JOURNAL=postgres://… or journal: in instr.config.yaml (see docs/team-journal.md)',
      exitCodes.usage,
    );
  let store: PostgresStore;
  try {
    store = new PostgresStore(choice.url);
  } catch (error) {
    throw new ExitError(error instanceof Error ? error.message : String(error), exitCodes.usage);
  }
  return { store, outbox: choice.outbox };
}

async function connect(store: PostgresStore): Promise<void> {
  try {
    await store.connection();
  } catch (error) {
    await store.close();
    throw new ExitError(`cannot reach the team journal ${store.label}: ${store.wrap(error).message}`, exitCodes.usage);
  }
}

export async function journalPushCommand(flags: JournalPushFlags, io: Io): Promise<number> {
  const { store, outbox } = await server(io, flags.journal);
  const file = flags.from !== undefined ? resolve(io.cwd, flags.from) : outbox;
  const shown = relative(io.cwd, file) || file;
  if (flags.from !== undefined && !existsSync(file)) throw new ExitError(`no journal file ${flags.from}`, exitCodes.usage);
  await connect(store);
  let result: PushResult = { read: 0, uploaded: 0, alreadyThere: 0, unreadable: 0 };
  let failure: string | null = null;
  try {
    if (existsSync(file)) result = await pushFile(store, file, { useCursor: flags.from === undefined, onBatch: (r) => (result = { ...r }) });
  } catch (error) {
    failure = store.wrap(error).message;
  } finally {
    await store.close();
  }
  if (flags.json) io.out(jsonText({ server: store.label, file: shown, ...result, complete: failure === null, ...(failure !== null && { error: failure }) }));
  else {
    const counts = `${result.uploaded} uploaded, ${result.alreadyThere} already there${result.unreadable ? `, ${result.unreadable} unreadable line(s) skipped` : ''}`;
    if (failure === null) io.out(`${shown} → ${store.label}: ${counts}\n`);
    else
      io.err(
        `${io.color.red('instr:')} ${shown} → ${store.label}: stopped after ${counts}: ${failure}. Run \`instr journal push\` again: nothing is sent twice.\n`,
      );
  }
  return failure === null ? exitCodes.ok : exitCodes.findings;
}

export async function journalMigrateCommand(flags: JournalMigrateFlags, io: Io): Promise<number> {
  const { store } = await server(io, flags.journal);
  await connect(store);
  const { schemaVersion } = await import('../../journal/postgres/migrate.js');
  try {
    const version = await schemaVersion(await store.connection());
    io.out(`${store.label}: journal schema version ${version}\n`);
  } finally {
    await store.close();
  }
  return exitCodes.ok;
}
