import { describe, expect, it } from 'vitest';
import { parseSse, type SseMessage } from './sse-parser';

/** The reader of `/api/events` against the standard's rules, each fed whole and split anywhere. */

const m = (event: string, data: string, lastEventId: string): SseMessage => ({
  event,
  data,
  lastEventId,
});

const CASES: {
  name: string;
  stream: string;
  messages: SseMessage[];
  lastEventId: string;
  startId?: string;
}[] = [
  {
    name: 'the server’s first block: a comment and an id, no data — moves the id only',
    stream: ': connected\nid: ab12.0\n\n',
    messages: [],
    lastEventId: 'ab12.0',
  },
  {
    name: 'a frame as the server writes it',
    stream: 'id: ab12.3\nevent: notifications.created\ndata: {"n":1}\n\n',
    messages: [m('notifications.created', '{"n":1}', 'ab12.3')],
    lastEventId: 'ab12.3',
  },
  {
    name: 'pings between frames are ignored',
    stream: ': ping\n\nid: 1\nevent: a\ndata: x\n\n: ping\n\n',
    messages: [m('a', 'x', '1')],
    lastEventId: '1',
  },
  {
    name: 'CRLF and lone CR end lines too',
    stream: 'id: 7\r\nevent: a\r\ndata: x\r\n\r\nevent: b\rdata: y\r\r',
    messages: [m('a', 'x', '7'), m('b', 'y', '7')],
    lastEventId: '7',
  },
  {
    name: 'multi-line data is joined with LF',
    stream: 'data: one\ndata: two\ndata:\ndata: four\n\n',
    messages: [m('message', 'one\ntwo\n\nfour', '')],
    lastEventId: '',
  },
  {
    name: 'no space after the colon; only one space is removed',
    stream: 'event:a\ndata:x\n\nevent: b\ndata:  y\n\n',
    messages: [m('a', 'x', ''), m('b', ' y', '')],
    lastEventId: '',
  },
  {
    name: 'the id carries over to later blocks that have none',
    stream: 'id: 5\ndata: a\n\ndata: b\n\n',
    messages: [m('message', 'a', '5'), m('message', 'b', '5')],
    lastEventId: '5',
  },
  {
    name: 'resync',
    stream: ': connected\nid: cd34.0\n\nid: cd34.0\nevent: resync\ndata: {}\n\n',
    messages: [m('resync', '{}', 'cd34.0')],
    lastEventId: 'cd34.0',
  },
  {
    name: 'an unfinished block at the end is not delivered',
    stream: 'id: 9\nevent: a\ndata: x\n',
    messages: [],
    lastEventId: 'e.1',
    startId: 'e.1',
  },
  {
    name: 'an id with NUL is ignored; unknown fields and retry are ignored',
    stream: 'id: bad\0id\nretry: 10\nfoo: bar\nlonely\ndata: x\n\n',
    messages: [m('message', 'x', 'e.1')],
    lastEventId: 'e.1',
    startId: 'e.1',
  },
  {
    name: 'a byte-order mark at the start is dropped',
    stream: '\uFEFFdata: x\n\n',
    messages: [m('message', 'x', '')],
    lastEventId: '',
  },
  {
    name: 'the event name resets after each block',
    stream: 'event: a\ndata: 1\n\ndata: 2\n\nevent: c\n\ndata: 3\n\n',
    messages: [m('a', '1', ''), m('message', '2', ''), m('message', '3', '')],
    lastEventId: '',
  },
  {
    name: 'Chinese text in data',
    stream: 'event: n\ndata: {"name":"王管理"}\n\n',
    messages: [m('n', '{"name":"王管理"}', '')],
    lastEventId: '',
  },
];

describe('parseSse', () => {
  it.each(CASES)('$name', ({ stream, messages, lastEventId, startId }) => {
    const expected = { messages, lastEventId };
    expect(parseSse([stream], startId)).toEqual(expected);
    // Split at every position (inside a line, between CR and LF, before and after a blank line).
    for (let i = 0; i <= stream.length; i += 1) {
      expect(parseSse([stream.slice(0, i), stream.slice(i)], startId), `split at ${i}`).toEqual(
        expected,
      );
    }
    // One character at a time, with empty chunks in between.
    expect(
      parseSse(
        [...stream].flatMap((c) => [c, '']),
        startId,
      ),
    ).toEqual(expected);
  });

  it('does not take a LF after a CR that ended the previous chunk for a blank line', () => {
    expect(parseSse(['data: x\r', '\ndata: y\r', '\n\r', '\n']).messages).toEqual([
      m('message', 'x\ny', ''),
    ]);
  });
});
