/**
 * An incremental reader of the server-sent-events format (the WHATWG "event stream
 * interpretation"), for the Electron main process, which has no EventSource. Chunks arrive split
 * anywhere — inside a line, between CR and LF — and are fed as they come.
 *
 * What the server sends (main/server/http.ts): `: connected\nid: <id>\n\n` first (a block with an
 * id and no data, which still moves the last event id), then `id:`/`event:`/`data:` frames,
 * `: ping` comments, and `event: resync` when it cannot replay what the client missed.
 */
export interface SseMessage {
  /** `message` when the block named none. */
  event: string;
  /** The `data:` lines joined with LF. */
  data: string;
  /** The last event id as of this message (what to send as `Last-Event-ID` after it). */
  lastEventId: string;
}

export class SseParser {
  /** The last event id, committed at the end of each block, with or without data. */
  lastEventId: string;
  private idBuffer: string;
  private pending = '';
  /** The previous chunk ended with CR: a LF at the start of the next one ends no second line. */
  private skipLf = false;
  private started = false;
  private event = '';
  private data: string[] = [];

  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
    this.idBuffer = lastEventId;
  }

  /** Feeds decoded text (decode with a streaming decoder: a chunk may split a UTF-8 sequence). */
  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (this.skipLf && text.length > 0) {
      if (text.startsWith('\n')) text = text.slice(1);
      this.skipLf = false;
    }
    let buffer = this.pending + text;
    if (!this.started && buffer.length > 0) {
      this.started = true;
      // One byte-order mark at the very start of the stream is not part of the first line.
      if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
    }
    const out: SseMessage[] = [];
    let pos = 0;
    for (;;) {
      const cr = buffer.indexOf('\r', pos);
      const lf = buffer.indexOf('\n', pos);
      if (cr < 0 && lf < 0) break;
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      const line = buffer.slice(pos, end);
      if (buffer[end] === '\r') {
        if (end + 1 < buffer.length) pos = buffer[end + 1] === '\n' ? end + 2 : end + 1;
        else {
          pos = end + 1;
          this.skipLf = true;
        }
      } else pos = end + 1;
      this.line(line, out);
    }
    this.pending = buffer.slice(pos);
    return out;
  }

  private line(line: string, out: SseMessage[]) {
    if (line === '') {
      this.dispatch(out);
      return;
    }
    if (line.startsWith(':')) return; // a comment (the server's pings)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.event = value;
        break;
      case 'data':
        this.data.push(value);
        break;
      case 'id':
        // An id with NUL is ignored, as the standard says.
        if (!value.includes('\0')) this.idBuffer = value;
        break;
      default:
        // `retry` and unknown fields: the client keeps its own reconnect policy.
        break;
    }
  }

  private dispatch(out: SseMessage[]) {
    this.lastEventId = this.idBuffer;
    if (this.data.length > 0) {
      out.push({
        event: this.event === '' ? 'message' : this.event,
        data: this.data.join('\n'),
        lastEventId: this.lastEventId,
      });
    }
    this.event = '';
    this.data = [];
  }
}

/** The messages of a whole stream given as chunks, and the last event id after it (pure). */
export function parseSse(
  chunks: readonly string[],
  lastEventId = '',
): { messages: SseMessage[]; lastEventId: string } {
  const parser = new SseParser(lastEventId);
  const messages = chunks.flatMap((c) => parser.push(c));
  return { messages, lastEventId: parser.lastEventId };
}
