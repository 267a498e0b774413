import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../api/events';
import { EventJournal } from './event-journal';

const event = (n: number): AppEvent =>
  ({ name: 'notifications.created', payload: { n }, userIds: [1] }) as unknown as AppEvent;

function journalWith(count: number, capacity = 10) {
  const j = new EventJournal(capacity, 'ab12');
  for (let i = 1; i <= count; i++) j.append(event(i));
  return j;
}

const seqs = (r: ReturnType<EventJournal['since']>) =>
  r.kind === 'events' ? r.entries.map((e) => e.seq) : r.kind;

describe('EventJournal.since (what a reconnecting client missed)', () => {
  it.each([
    ['nothing sent yet, client saw nothing', 0, 'ab12.0', []],
    ['up to date', 3, 'ab12.3', []],
    ['missed the last two', 3, 'ab12.1', [2, 3]],
    ['missed everything kept', 3, 'ab12.0', [1, 2, 3]],
    ['an id from another process (a restart)', 3, 'ff00.2', 'gap'],
    ['an id from the future', 3, 'ab12.9', 'gap'],
    ['not an id', 3, 'hello', 'gap'],
    ['an empty id', 3, '', 'gap'],
    ['a huge number', 3, 'ab12.99999999999999999999', 'gap'],
    ['fell out of the window', 30, 'ab12.2', 'gap'],
  ])('%s', (_name, count, lastId, expected) => {
    expect(seqs(journalWith(count).since(lastId))).toEqual(expected);
  });

  it('replays from the oldest kept event when the client saw the one just before it', () => {
    const j = journalWith(30); // keeps at least the last 10
    const r = j.since('ab12.20');
    expect(seqs(r)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it('names the newest event for a new stream', () => {
    expect(journalWith(0).lastId).toBe('ab12.0');
    expect(journalWith(4).lastId).toBe('ab12.4');
  });
});
