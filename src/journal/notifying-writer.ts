import { JournalWriter, type EventBody } from './writer.js';
import type { JournalEvent } from './events.js';
import type { SafeOpenOptions } from '../fs/safe-open.js';

/** A journal writer that, after each record is on disk, tells someone (the background upload). */
export class NotifyingWriter extends JournalWriter {
  constructor(
    path: string,
    run: string,
    nextSeq: number,
    options: SafeOpenOptions,
    private readonly appended: () => void,
  ) {
    super(path, run, nextSeq, options);
  }

  override append(body: EventBody, at: string): JournalEvent {
    const record = super.append(body, at);
    this.appended();
    return record;
  }
}
