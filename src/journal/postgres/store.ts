/**
 * The journal store on PostgreSQL. One connection, opened on first use (never before a prompt is
 * drawn); the schema is migrated then. Every statement is parameterised: run subjects, notes and
 * step texts travel as values, never as SQL text.
 */
import pg from 'pg';
import type { JournalEvent } from '../events.js';
import type { EventBody } from '../writer.js';
import { attachAnswers, type JournalStore, type LoadedRuns, type Question, type RunFilter, type ServerDraft } from '../store.js';
import { postgresTarget, scrub, type PostgresTarget } from './connection.js';
import { eventId } from './event-id.js';
import { migrate } from './migrate.js';
import { loadServerRuns } from './runs-query.js';
import { RunElsewhereError } from './run-claim.js';
import { lockSummaries, updateSummaries, type Query } from './run-summaries.js';
import { findClashes, withForks } from './fork-write.js';
import type { RunFork } from './fork.js';

/** The server cannot be reached or answered with an error; the message holds no password. */
export class JournalServerError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export interface ConnectOptions {
  /** How long to wait for the server before giving up, ms. */
  connectTimeoutMs?: number;
  /** How long any one statement may take, ms. */
  queryTimeoutMs?: number;
  /** Run on every new connection, after the migration (a reconnect too): the runner takes its runs' locks here. */
  onConnect?: (client: pg.Client) => Promise<void>;
}

export class PostgresStore implements JournalStore {
  readonly kind = 'postgres' as const;
  readonly target: PostgresTarget;
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private broken: Error | null = null;

  constructor(
    url: string,
    private readonly options: ConnectOptions = {},
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.target = postgresTarget(url, env);
  }

  get label(): string {
    return this.target.label;
  }

  /** Which server and database, without the user or password: the key of the outbox's cursor. */
  get serverKey(): string {
    const c = this.target.config;
    const env = this.env;
    const host = c.host ?? env['PGHOST'] ?? 'localhost';
    const port = c.port ?? env['PGPORT'] ?? 5432;
    const database = c.database ?? env['PGDATABASE'] ?? c.user ?? env['PGUSER'] ?? '';
    return `${host}:${port}/${database}`;
  }

  /** Connects and migrates once; a lost connection is reopened on the next call. */
  async connection(): Promise<pg.Client> {
    if (this.client && !this.broken) return this.client;
    if (this.broken) await this.drop();
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({
      ...this.target.config,
      application_name: 'instr',
      connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5000,
      query_timeout: this.options.queryTimeoutMs ?? 30_000,
      keepAlive: true,
    });
    // A dropped connection is reported here, not thrown: the next query fails and says why.
    client.on('error', (error) => {
      this.broken = error;
    });
    try {
      await client.connect();
      await migrate(client);
      await this.options.onConnect?.(client);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error instanceof RunElsewhereError ? error : this.wrap(error);
    }
    this.client = client;
    this.broken = null;
    return client;
  }

  private async drop(): Promise<void> {
    const c = this.client;
    this.client = null;
    this.broken = null;
    if (c) await c.end().catch(() => undefined);
  }

  /** Runs a statement; errors come back as JournalServerError without secrets. */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const client = await this.connection();
    try {
      return await client.query<R>(text, values);
    } catch (error) {
      if (isConnectionError(error)) this.broken ??= error as Error;
      throw this.wrap(error);
    }
  }

  /** Runs `work` in a transaction on the store's connection. */
  async transaction<T>(work: (q: <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>) => Promise<T>): Promise<T> {
    await this.query('BEGIN');
    try {
      const result = await work((text, values) => this.query(text, values));
      await this.query('COMMIT');
      return result;
    } catch (error) {
      if (this.client && !this.broken) await this.client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Stores events (any runs, in the order given) in one transaction; an event already there is
   * left as it is. Returns how many were new.
   */
  async insertEvents(events: readonly JournalEvent[]): Promise<number> {
    return (await this.write(events, false)).fresh;
  }

  /**
   * The upload of a machine's journal: as insertEvents, but a record whose place in its run the
   * server holds with other content is another machine's work on the same run (both offline):
   * this machine's records of that run from there on are stored as a fork of it (fork.ts), and
   * the forks made are returned.
   */
  async uploadEvents(events: readonly JournalEvent[]): Promise<{ fresh: number; forks: RunFork[] }> {
    return this.write(events, true);
  }

  private async write(batch: readonly JournalEvent[], forkClashes: boolean): Promise<{ fresh: number; forks: RunFork[] }> {
    if (batch.length === 0) return { fresh: 0, forks: [] };
    return this.transaction(async (q) => {
      // the runs' summaries are locked first: the writers of one run take turns (run-summaries.ts)
      const summaries = await lockSummaries(
        q,
        batch.map((e) => e.run),
      );
      const forks = forkClashes ? await findClashes(q, batch) : [];
      let events = batch;
      let copies = new Set<JournalEvent>();
      if (forks.length > 0) {
        for (const [run, row] of await lockSummaries(
          q,
          forks.map((f) => f.fork),
        ))
          summaries.set(run, row);
        ({ events, copies } = await withForks(q, batch, forks));
      }
      const stored = await insertLocked(q, events, summaries);
      // the forks' copies of their runs' beginnings are not records of this batch
      return { fresh: events.filter((e) => !copies.has(e) && stored.has(storedKey(e))).length, forks };
    });
  }

  async loadRuns(filter: RunFilter = {}): Promise<LoadedRuns> {
    return loadServerRuns((text, values) => this.query(text, values), filter);
  }

  async runEvents(run: string): Promise<JournalEvent[]> {
    const r = await this.query<{ record: string }>('SELECT record FROM instr_events WHERE run = $1 ORDER BY seq', [run]);
    return r.rows.map((x) => JSON.parse(x.record) as JournalEvent);
  }

  async questions(filter: RunFilter = {}): Promise<Question[]> {
    const r = await this.query<{
      run: string;
      seq: number;
      at: string;
      type: string;
      task: string | null;
      node: string;
      record: string;
      user_name: string | null;
      start: string | null;
    }>(
      `SELECT e.run, e.seq, e.at, e.type, r.task, e.node, e.record, r.user_name,
              (SELECT s.record FROM instr_events s WHERE s.run = e.run AND s.seq = 0) AS start
         FROM instr_events e LEFT JOIN instr_runs r ON r.run = e.run
        WHERE e.type IN ('unclear', 'answered') AND ($1::text IS NULL OR r.user_name = $1)
        ORDER BY e.at, e.run, e.seq`,
      [filter.user ?? null],
    );
    const questions: Question[] = [];
    const answers: Array<{ run: string; question: number; answer: string; at: string; user: string | null }> = [];
    for (const x of r.rows) {
      const record = JSON.parse(x.record) as { note?: unknown; question?: unknown; answer?: unknown; user?: unknown };
      if (x.type === 'answered') {
        if (typeof record.question === 'number')
          answers.push({
            run: x.run,
            question: record.question,
            answer: String(record.answer ?? ''),
            at: x.at,
            user: typeof record.user === 'string' ? record.user : null,
          });
        continue;
      }
      questions.push({ run: x.run, seq: x.seq, at: x.at, task: x.task, node: x.node, note: String(record.note ?? ''), user: x.user_name, ...aboutOf(x.start) });
    }
    return attachAnswers(questions, answers);
  }

  /** Straight to the server, after the run's last record there: the question may have been asked on another machine. */
  async answerQuestion(question: Question, answer: string, user: string, at: string): Promise<void> {
    const r = await this.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM instr_events WHERE run = $1', [question.run]);
    const seq = (r.rows[0]?.seq ?? -1) + 1;
    await this.insertEvents([{ v: 1, run: question.run, seq, at, type: 'answered', question: question.seq, node: question.node, answer, user }]);
  }

  async appendToRun(run: string, body: EventBody, at: string): Promise<JournalEvent | null> {
    const r = await this.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM instr_events WHERE run = $1', [run]);
    const record = { v: 1, run, seq: (r.rows[0]?.seq ?? -1) + 1, at, ...body } as JournalEvent;
    return (await this.insertEvents([record])) === 1 ? record : null;
  }

  /** "Not covered" captures of every run (the draft files stay on the runners' machines), oldest first. */
  async drafts(filter: RunFilter = {}): Promise<ServerDraft[]> {
    const r = await this.query<{
      run: string;
      at: string;
      node: string | null;
      record: string;
      task: string | null;
      user_name: string | null;
      lang: string | null;
    }>(
      `SELECT e.run, e.at, e.node, e.record, r.task, r.user_name, r.lang
         FROM instr_events e LEFT JOIN instr_runs r ON r.run = e.run
        WHERE e.type = 'not-covered' AND ($1::text IS NULL OR r.user_name = $1)
        ORDER BY e.at, e.run, e.seq`,
      [filter.user ?? null],
    );
    return r.rows.map((x) => {
      const e = JSON.parse(x.record) as { description?: unknown; action?: unknown; draft?: unknown };
      return {
        run: x.run,
        at: x.at,
        task: x.task,
        node: x.node,
        user: x.user_name,
        lang: x.lang,
        description: String(e.description ?? ''),
        action: String(e.action ?? ''),
        draft: String(e.draft ?? ''),
      };
    });
  }

  async close(): Promise<void> {
    await this.drop();
  }

  /** An error as people may see it: what failed, with the URL's password masked. */
  wrap(error: unknown): JournalServerError {
    if (error instanceof JournalServerError) return error;
    const e = error as { message?: string; code?: string; errors?: Array<{ message?: string }> };
    // an AggregateError (every address refused) has an empty message of its own
    const detail = e.message || e.errors?.map((x) => x.message).join('; ') || e.code || String(error);
    return new JournalServerError(scrub(detail, this.target.secrets), e.code);
  }
}

/** The subject of a run from its start record (the subject is not a column of its own). */
function aboutOf(start: string | null): { about?: string } {
  if (start === null) return {};
  const about = (JSON.parse(start) as { about?: unknown }).about;
  return typeof about === 'string' && about ? { about } : {};
}

/** A value for a text column: PostgreSQL text cannot hold U+0000 (the record column keeps it, escaped). */
function text(v: unknown): string | null {
  const s = typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);
  // eslint-disable-next-line no-control-regex -- PostgreSQL text cannot hold NUL
  return s === null ? null : s.replace(/\u0000/g, '\uFFFD');
}

/** Events the fold of a run's state needs; the others only mark progress (see runs-query.ts). */
function isSignificant(e: JournalEvent): boolean {
  if (e.type === 'step') return e.action !== 'done';
  return !touchOnly.has(e.type);
}

/** Event types that only say "the run moved on": their latest seq and node are all the report needs. */
const touchOnly = new Set(['decision', 'jump', 'escalation', 'back']);

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as { message?: string }).message ?? '';
  return /^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|57P0)/.test(code) || /terminated|Connection ended|not queryable|timeout/i.test(message);
}

/** A record's place as the events table holds it. */
function storedKey(e: JournalEvent): string {
  return `${text(e.run)}\u0000${e.seq}`;
}

/** Stores events whose runs' summaries are locked, in the caller's transaction; brings the summaries up to date. Returns the places of those that were new. */
async function insertLocked(q: Query, events: readonly JournalEvent[], summaries: Awaited<ReturnType<typeof lockSummaries>>): Promise<Set<string>> {
  // one row per run of the batch: from its start event when the batch has it
  const runs = new Map<string, JournalEvent>();
  for (const e of events) if (!runs.has(e.run) || e.type === 'start') runs.set(e.run, e);
  const starts = [...runs.values()].map((e) =>
    e.type === 'start' ? e : { run: e.run, at: null, task: null, title: null, file: null, lang: null, user: null, scripted: false },
  );
  await q(
    `INSERT INTO instr_runs (run, task, title, file, lang, user_name, scripted, started_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[])
         ON CONFLICT (run) DO NOTHING`,
    [
      starts.map((e) => text(e.run)),
      starts.map((e) => text(e.task)),
      starts.map((e) => text(e.title) ?? ''),
      starts.map((e) => text(e.file) ?? ''),
      starts.map((e) => text(e.lang) ?? 'en'),
      starts.map((e) => text(e.user) ?? ''),
      starts.map((e) => e.scripted === true),
      starts.map((e) => text(e.at)),
    ],
  );
  const r = await q<{ run: string; seq: number }>(
    `INSERT INTO instr_events (id, run, seq, type, at, node, record, significant)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[])
         ON CONFLICT DO NOTHING
         RETURNING run, seq`,
    [
      events.map((e) => eventId(e)),
      events.map((e) => text(e.run)),
      events.map((e) => e.seq),
      events.map((e) => text(e.type)),
      events.map((e) => text(e.at)),
      events.map((e) => ('node' in e && typeof e.node === 'string' ? text(e.node) : null)),
      events.map((e) => JSON.stringify(e)),
      events.map(isSignificant),
    ],
  );
  const stored = new Set(r.rows.map((x) => `${x.run}\u0000${x.seq}`));
  await updateSummaries(
    q,
    summaries,
    events.filter((e) => stored.has(storedKey(e))),
  );
  return stored;
}
