import type http from 'node:http';
import { SseParser, type SseMessage } from './sse-parser';

/**
 * One `/api/events` stream that keeps itself open: when it breaks (the server restarted, Wi-Fi
 * dropped, a laptop slept) it reconnects after a growing pause and sends `Last-Event-ID`, so the
 * server replays what was missed — or says `resync` when it cannot.
 *
 * The HTTP request itself is made by the caller (`open`), which knows the origin, the TLS trust
 * and the current session cookie; this class only knows when to open one and how to read it.
 */
export interface EventStreamOptions {
  /** Starts `GET /api/events`, with `Last-Event-ID` when there is one. */
  open: (lastEventId: string | null) => http.ClientRequest;
  /** Pauses before the 1st, 2nd, … reconnect; the last one repeats. */
  reconnectDelaysMs: readonly number[];
  /** No answer to the request within this: the attempt failed. */
  connectTimeoutMs: number;
  /**
   * Nothing at all (not even the server's 25-second ping) for this long: the connection is dead
   * without having been closed (a half-open TCP connection after a network change).
   */
  idleTimeoutMs: number;
  /** The server answered with a stream. */
  onOpen: () => void;
  /** An attempt failed before the server answered with a stream. */
  onFailure: (error: Error) => void;
  onMessage: (message: SseMessage) => void;
}

export class EventStream {
  private running = false;
  /** Bumped for each attempt: handlers of an older request do nothing. */
  private generation = 0;
  private request: http.ClientRequest | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private attempt = 0;
  private lastEventId: string | null = null;

  constructor(private readonly o: EventStreamOptions) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connect();
  }

  /** Drops the connection and every timer; the last event id is kept for a later start. */
  stop(): void {
    this.running = false;
    this.drop();
  }

  /** A new connection now (the session changed: the server reads the cookie when a stream opens). */
  restart(): void {
    if (!this.running) return;
    this.drop();
    this.attempt = 0;
    this.connect();
  }

  /** The server answered a call: if the stream is waiting to reconnect, it need not wait longer. */
  nudge(): void {
    if (!this.running || this.reconnectTimer === null) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.connect();
  }

  private drop() {
    this.generation += 1;
    this.clearTimers();
    const request = this.request;
    this.request = null;
    request?.destroy();
  }

  private clearTimers() {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.reconnectTimer = null;
    this.watchdog = null;
  }

  /** (Re)arms the watchdog: `ms` from now without news, the request is destroyed. */
  private watch(request: http.ClientRequest, ms: number, why: string) {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      const error = new Error(why) as NodeJS.ErrnoException;
      error.code = 'ETIMEDOUT';
      request.destroy(error);
    }, ms);
  }

  private connect() {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const parser = new SseParser(this.lastEventId ?? '');
    let opened = false;
    let ended = false;
    const end = (error: Error | null) => {
      if (ended || !current()) return;
      ended = true;
      this.request = null;
      this.clearTimers();
      if (!opened) this.o.onFailure(error ?? new Error('the event stream closed before it opened'));
      if (this.running) this.scheduleReconnect();
    };

    let request: http.ClientRequest;
    try {
      request = this.o.open(this.lastEventId);
    } catch (e) {
      // A request that cannot even be made (a bad option) is retried like a failed one.
      end(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.request = request;
    this.watch(request, this.o.connectTimeoutMs, 'the event stream did not open in time');
    request.on('error', (e) => end(e));
    request.on('response', (res) => {
      if (!current()) {
        res.resume();
        return;
      }
      const type = res.headers['content-type'] ?? '';
      if (res.statusCode !== 200 || !type.startsWith('text/event-stream')) {
        res.resume();
        end(new Error(`the event stream answered HTTP ${res.statusCode ?? 0} ${type}`));
        request.destroy();
        return;
      }
      opened = true;
      this.attempt = 0;
      this.o.onOpen();
      this.watch(request, this.o.idleTimeoutMs, 'the event stream went silent');
      // A streaming decoder: a chunk may end inside a UTF-8 sequence.
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!current()) return;
        this.watch(request, this.o.idleTimeoutMs, 'the event stream went silent');
        const messages = parser.push(chunk);
        // Kept before delivering, so a reconnect caused by a listener still resumes after it.
        this.lastEventId = parser.lastEventId === '' ? this.lastEventId : parser.lastEventId;
        for (const m of messages) if (current()) this.o.onMessage(m);
      });
      res.on('close', () => end(null));
      res.on('error', () => end(null));
    });
    request.end();
  }

  private scheduleReconnect() {
    const delays = this.o.reconnectDelaysMs;
    const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 1000;
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running) this.connect();
    }, delay);
  }
}
