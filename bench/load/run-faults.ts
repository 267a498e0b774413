import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { agentFor, outcomeOf, post, type Endpoint } from './http';
import { OP_KIND } from './mix';
import type { Recorder, Sample } from './stats';
import type { ServerProcess } from './server';
import type { VirtualUser } from './users';

/**
 * The fault run: the same virtual users keep working while the server is SIGKILLed at a random
 * moment and restarted on the same database and port.
 *
 * Not autocannon here: its client reconnects in a tight loop without pause (thousands of attempts
 * a second per connection while the port is closed) and keeps the lost request queued, so each
 * answer after a reconnect would be timed from the request before. These clients behave like the
 * app's: a call whose connection failed is retried after a short pause, a write with the same
 * Idempotency-Key (a retry of a write that did commit gets the stored answer and writes nothing),
 * a read by going on with the next call.
 */

export interface FaultFigures {
  seconds: number;
  /** Milliseconds since the fault run started. */
  killAtMs: number;
  /** When this process saw the exit (its event loop is busy with the clients: not the kernel's). */
  exitedAtMs: number;
  readyAtMs: number;
  /** Spawn → /api/ready 200 of the restarted server. */
  restartMs: number;
  /** The first 2xx answer to a call sent after the kill, since the kill. */
  firstOkAfterKillMs: number | null;
  /** Virtual users that got a 2xx to a call sent after the kill, of all. */
  usersBack: number;
  users: number;
  /** Write attempts sent again with the same key after a failed connection. */
  retries: number;
  /** Whether a failed call belongs to the outage: started before the server was back, ended after the kill. */
  inGap: (s: Sample) => boolean;
}

const BACKOFF_MS = 100;
const AFTER_READY_MS = 5_000;
const GIVE_UP_MS = 30_000;

export async function runFaults(
  server: ServerProcess,
  endpoint: Endpoint,
  users: readonly VirtualUser[],
  seconds: number,
  recorder: Recorder,
  refusable: ReadonlySet<string>,
  /** The clients' pauses; the kill's moment is Math.random's, different on every run. */
  random: () => number,
): Promise<FaultFigures> {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  // The run lasts `seconds`, and at least AFTER_READY_MS past the restart however slow it is:
  // the clients must be seen working again, not just the server answering its probe.
  let endMs = seconds * 1000;
  let killAtMs = Number.POSITIVE_INFINITY;
  let retries = 0;
  const back = new Set<number>();
  let firstOkMs: number | null = null;
  let readyAt = Number.POSITIVE_INFINITY;

  const drive = async (user: VirtualUser) => {
    let agent = agentFor(endpoint);
    // A new socket's first call pays the TLS handshake: counted, not timed (as in the main run).
    let fresh = true;
    // Past the end, a user who has not had a 2xx since the kill keeps trying (up to
    // GIVE_UP_MS after the restart): the run shows every client reconnecting, or says who did not.
    const more = () =>
      now() < endMs ||
      (killAtMs < now() && !back.has(user.seat.index) && now() < readyAt + GIVE_UP_MS);
    while (more()) {
      const call = user.next();
      for (;;) {
        const startMs = now();
        const a = await post(endpoint, call.op, call.body, {
          agent,
          cookie: user.cookie,
          idempotencyKey: call.key,
        });
        const outcome = outcomeOf(call.op, a, refusable);
        const ended = now();
        recorder.add({
          op: call.op,
          kind: OP_KIND[call.op],
          startMs,
          endMs: ended,
          timed: !fresh,
          outcome,
        });
        fresh = a.kind !== 'answer';
        // Started after the kill: only the restarted server can have answered it.
        if (outcome.type === 'ok' && startMs > killAtMs) {
          back.add(user.seat.index);
          firstOkMs = Math.min(firstOkMs ?? ended, ended);
        }
        const failed = a.kind !== 'answer' || a.status === 503;
        if (a.kind !== 'answer') {
          // The server is gone: a new socket for the next attempt, after a pause.
          agent.destroy();
          agent = agentFor(endpoint);
        }
        if (failed) await sleep(BACKOFF_MS + random() * BACKOFF_MS);
        // A write is retried for as long as its user goes on (and 10 s more): however long the
        // outage, it ends acknowledged or plainly given up, never silently dropped.
        if (failed && call.key && (more() || now() < endMs + 10_000)) {
          retries++;
          continue;
        }
        if (failed && call.key) recorder.abandoned++;
        user.settle(call, outcome.type === 'ok', a.kind === 'answer' ? a.body : '');
        break;
      }
    }
    agent.destroy();
  };

  const kill = async () => {
    // Somewhere in the first half, so that there is load before and after.
    await sleep(seconds * 1000 * (0.2 + Math.random() * 0.3));
    killAtMs = now();
    await server.kill();
    const exitedAtMs = now();
    const restartMs = await server.start();
    const readyAtMs = now();
    readyAt = readyAtMs;
    endMs = Math.max(endMs, readyAtMs + AFTER_READY_MS);
    return { exitedAtMs, readyAtMs, restartMs };
  };

  const [restart] = await Promise.all([kill(), ...users.map(drive)]);
  const readyAtMs = restart.readyAtMs;
  return {
    seconds: now() / 1000,
    killAtMs,
    exitedAtMs: restart.exitedAtMs,
    readyAtMs,
    restartMs: restart.restartMs,
    firstOkAfterKillMs: firstOkMs === null ? null : firstOkMs - killAtMs,
    usersBack: back.size,
    users: users.length,
    retries,
    inGap: (s) => s.startMs < readyAtMs && s.endMs >= killAtMs,
  };
}
