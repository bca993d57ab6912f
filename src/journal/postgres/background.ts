/**
 * The runner's upload: after each record is on the local disk, the new part of the local journal
 * is sent to the server in the background. Nothing waits for it before a prompt; the driver is
 * loaded and the connection opened only after the first prompt has had time to be drawn. When the
 * server cannot be reached, or the connection drops, the run goes on and this says so once.
 */
import type { RunFork } from './fork.js';
import type { PostgresStore } from './store.js';

export interface BackgroundOptions {
  /** Delay before the first upload, ms: lets the first prompt be drawn before any network work. */
  firstDelayMs?: number;
  /** After a failure, the next attempt waits at least this long, ms. */
  retryAfterMs?: number;
  /** An upload stored this machine's records of a run as a fork of it (fork.ts): say so. */
  onFork?: (fork: RunFork) => void;
}

export class BackgroundUpload {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private failedAt = -Infinity;
  private warned = false;
  private store: PostgresStore | null = null;
  /** Events the server acknowledged during this run. */
  uploaded = 0;

  constructor(
    private readonly open: () => Promise<PostgresStore>,
    private readonly file: string,
    private readonly notice: (detail: string, error: unknown) => void,
    private readonly options: BackgroundOptions = {},
  ) {}

  /** A record was appended: upload soon (coalesced with any upload under way). */
  poke(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer || Date.now() - this.failedAt < (this.options.retryAfterMs ?? 10_000)) return;
    const delay = this.store ? 0 : (this.options.firstDelayMs ?? 250);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.start();
    }, delay);
    this.timer.unref();
  }

  /** The run is over: one last upload, bounded in time; true when the server has everything. */
  async finish(timeoutMs = 5000): Promise<boolean> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const last = (async () => {
      if (this.running) await this.running;
      this.failedAt = -Infinity;
      await this.start();
      return this.failedAt === -Infinity;
    })();
    let stop: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((done) => {
      stop = setTimeout(() => done(false), timeoutMs);
    });
    const ok = await Promise.race([last, timeout]);
    clearTimeout(stop);
    if (!ok && !this.warned) this.fail(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    // closing waits for the server's goodbye; not for long
    if (this.store) await Promise.race([this.store.close(), new Promise((done) => setTimeout(done, 500).unref())]);
    return ok;
  }

  private start(): Promise<void> {
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    const { pushFile } = await import('./push.js');
    do {
      this.again = false;
      try {
        this.store ??= await this.open();
        const result = await pushFile(this.store, this.file, { useCursor: true });
        this.uploaded += result.uploaded;
        for (const f of result.forks) this.options.onFork?.(f);
      } catch (error) {
        this.fail(error);
        return;
      }
    } while (this.again);
  }

  private fail(error: unknown): void {
    this.failedAt = Date.now();
    if (this.warned) return;
    this.warned = true;
    const detail = this.store ? this.store.wrap(error).message : error instanceof Error ? error.message : String(error);
    this.notice(detail, error);
  }
}
