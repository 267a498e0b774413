import crypto from 'node:crypto';
import type { AppEvent } from '../api/events';

/**
 * The events this server process sent lately, so a client whose stream broke (Wi-Fi, a laptop
 * lid, a proxy's timeout) gets what it missed when it reconnects with `Last-Event-ID` (issue 14),
 * instead of a page that silently stays stale.
 *
 * An id is `<boot>.<sequence>`: the boot part is new for every process, so an id from before a
 * restart, or one that fell out of the window, is recognisably not replayable — the client is
 * then told to refetch everything (`gap`), never handed a partial replay as if it were complete.
 */
export interface JournalEntry {
  id: string;
  seq: number;
  event: AppEvent;
}

export type Replay = { kind: 'events'; entries: JournalEntry[] } | { kind: 'gap' };

export class EventJournal {
  readonly boot: string;
  private entries: JournalEntry[] = [];
  private next = 1;

  constructor(
    /** How many events are kept (a few minutes of a busy office's traffic). */
    private readonly capacity = 2000,
    boot = crypto.randomBytes(6).toString('hex'),
  ) {
    this.boot = boot;
  }

  append(event: AppEvent): JournalEntry {
    const seq = this.next++;
    const entry = { id: `${this.boot}.${seq}`, seq, event };
    this.entries.push(entry);
    // Dropped in blocks, so appending stays O(1) amortised.
    if (this.entries.length > this.capacity * 1.25) {
      this.entries = this.entries.slice(-this.capacity);
    }
    return entry;
  }

  /** The id of the newest event, for a stream that starts now (nothing to replay). */
  get lastId(): string {
    return `${this.boot}.${this.next - 1}`;
  }

  /** What a client that last saw `lastEventId` missed. */
  since(lastEventId: string): Replay {
    const m = /^([0-9a-f]+)\.(\d{1,15})$/.exec(lastEventId.trim());
    if (!m || m[1] !== this.boot) return { kind: 'gap' };
    const seen = Number(m[2]);
    if (seen >= this.next) return { kind: 'gap' }; // from the future: not ours
    const oldest = this.entries[0]?.seq ?? this.next;
    // Events seen+1 … oldest-1 were dropped: replay cannot bring the client up to date.
    if (seen + 1 < oldest) return { kind: 'gap' };
    return { kind: 'events', entries: this.entries.filter((e) => e.seq > seen) };
  }
}
