import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { ExitError, exitCodes } from '../errors.js';
import type { Io } from '../io.js';
import { chooseJournal } from '../../journal/choose.js';
import { PostgresStore } from '../../journal/postgres/store.js';
import { pushFile, type PushResult } from '../../journal/postgres/push.js';
import { jsonText } from '../../render/json-text.js';
import { forkMessages } from '../../i18n/fork-messages.js';
import { journalPushMessages, type JournalPushMessages } from '../../i18n/journal-push-messages.js';
import { journalAddressText, serverErrorText } from '../../i18n/server-error-text.js';
import { redactUrls } from '../../journal/postgres/connection.js';
import { screenLanguage } from '../screen-language.js';

export interface JournalPushFlags {
  from?: string;
  journal?: string;
  json?: boolean;
  lang?: string;
}

export interface JournalMigrateFlags {
  journal?: string;
  lang?: string;
}

/**
 * The screen's language (docs/screen-language.md): --lang, else the instructions in ./instructions,
 * else the locale. These commands read no instruction, so the rule's third step decides.
 */
async function say(io: Io, lang: string | undefined): Promise<{ t: JournalPushMessages; lang: string }> {
  const language = await screenLanguage(lang !== undefined ? ['--lang', lang] : [], io.cwd);
  return { t: journalPushMessages(language), lang: language };
}

/** The server the command talks to; exit 2 when none is configured. */
async function server(io: Io, flag: string | undefined, t: JournalPushMessages, lang: string): Promise<{ store: PostgresStore; outbox: string }> {
  const choice = await chooseJournal(io.cwd, flag);
  if (choice.kind !== 'postgres') throw new ExitError(t.noServer, exitCodes.usage);
  let store: PostgresStore;
  try {
    store = new PostgresStore(choice.url);
  } catch (error) {
    throw new ExitError(journalAddressText(error instanceof Error ? error.message : String(error), redactUrls(choice.url), lang), exitCodes.usage);
  }
  return { store, outbox: choice.outbox };
}

async function connect(store: PostgresStore, t: JournalPushMessages, lang: string): Promise<void> {
  try {
    await store.connection();
  } catch (error) {
    await store.close();
    throw new ExitError(t.cannotReach(store.label, serverErrorText(store.wrap(error), lang)), exitCodes.usage);
  }
}

export async function journalPushCommand(flags: JournalPushFlags, io: Io): Promise<number> {
  const { t, lang } = await say(io, flags.lang);
  const { store, outbox } = await server(io, flags.journal, t, lang);
  const file = flags.from !== undefined ? resolve(io.cwd, flags.from) : outbox;
  const shown = relative(io.cwd, file) || file;
  if (flags.from !== undefined && !existsSync(file)) throw new ExitError(t.noFile(flags.from), exitCodes.usage);
  await connect(store, t, lang);
  let result: PushResult = { read: 0, uploaded: 0, alreadyThere: 0, unreadable: 0, forks: [] };
  let failure: string | null = null;
  let failureText = '';
  try {
    if (existsSync(file)) result = await pushFile(store, file, { useCursor: flags.from === undefined, onBatch: (r) => (result = { ...r }) });
  } catch (error) {
    const wrapped = store.wrap(error);
    failure = wrapped.message;
    failureText = serverErrorText(wrapped, lang);
  } finally {
    await store.close();
  }
  // a run this machine continued while another did too: both kept, and the person told (fork.ts)
  const f9 = forkMessages(lang);
  for (const f of result.forks) io.err(`${io.color.yellow('instr:')} ${f9.forked(f.run, f.from, f.fork, shown)}\n`);
  if (flags.json) io.out(jsonText({ server: store.label, file: shown, ...result, complete: failure === null, ...(failure !== null && { error: failure }) }));
  else {
    // after an automatic upload (every command does one first) the cursor leaves nothing to read
    const nothingRead = result.read === 0 && result.unreadable === 0;
    const counts = nothingRead && failure === null ? t.nothingNew : t.counts(result.uploaded, result.alreadyThere, result.unreadable);
    if (failure === null) io.out(`${shown} → ${store.label}: ${counts}\n`);
    else io.err(`${io.color.red('instr:')} ${shown} → ${store.label}: ${t.stopped(counts, failureText)}\n`);
  }
  return failure === null ? exitCodes.ok : exitCodes.findings;
}

export async function journalMigrateCommand(flags: JournalMigrateFlags, io: Io): Promise<number> {
  const { t, lang } = await say(io, flags.lang);
  const { store } = await server(io, flags.journal, t, lang);
  await connect(store, t, lang);
  const { schemaVersion } = await import('../../journal/postgres/migrate.js');
  try {
    const version = await schemaVersion(await store.connection());
    io.out(`${t.schema(store.label, version)}\n`);
  } finally {
    await store.close();
  }
  return exitCodes.ok;
}
