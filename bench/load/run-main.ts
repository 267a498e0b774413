import { performance } from 'node:perf_hooks';
import autocannon, { type AutocannonResult } from 'autocannon';
import { classify, type Endpoint } from './http';
import { OP_KIND } from './mix';
import type { Recorder } from './stats';
import type { Call, VirtualUser } from './users';

/**
 * The main run through autocannon's programmatic API: one instance with one connection per
 * virtual user. `setupClient` binds each connection to its user (a connection is one person's
 * browser: one session, one call at a time); every request is built by `setupRequest` from that
 * user's next call, and `onResponse` hands the answer back to him. One instance rather than one
 * per role: the mix lives in the users, and a single event loop sends all of it.
 *
 * Latencies are measured here, not taken from autocannon's histogram, so that each call is filed
 * under its kind: from the moment autocannon builds the request (it writes it at once) to the
 * complete answer. A connection's first call also pays TCP and TLS: it is counted but not timed.
 */
export async function runMain(
  endpoint: Endpoint,
  users: readonly VirtualUser[],
  seconds: number,
  recorder: Recorder,
  refusable: ReadonlySet<string>,
): Promise<{ result: AutocannonResult; seconds: number }> {
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  let bound = 0;
  /** Per connection: the calls sent and not yet answered (one, except around a reconnect). */
  const inflights: {
    user: VirtualUser;
    inflight: { call: Call; startMs: number; timed: boolean }[];
  }[] = [];

  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    autocannon(
      {
        url: endpoint.origin,
        connections: users.length,
        duration: seconds,
        timeout: 10,
        pipelining: 1,
        // autocannon 8 connects with rejectUnauthorized: false whatever is given here; the
        // certificate was checked by the sign-in client (server.ts `trust`).
        tlsOptions: { ca: endpoint.ca },
        setupClient: (client) => {
          const user = users[bound++];
          if (!user) throw new Error('more connections than virtual users');
          const inflight: { call: Call; startMs: number; timed: boolean }[] = [];
          inflights.push({ user, inflight });
          let fresh = true;
          client.setRequests([
            {
              setupRequest: (request) => {
                const call = user.next();
                inflight.push({ call, startMs: now(), timed: !fresh });
                fresh = false;
                return {
                  ...request,
                  method: 'POST',
                  path: `/api/${call.op}`,
                  headers: {
                    'Content-Type': 'application/json',
                    Origin: endpoint.origin,
                    Cookie: user.cookie,
                    ...(call.key ? { 'Idempotency-Key': call.key } : {}),
                  },
                  body: call.body,
                };
              },
              onResponse: (status, body) => {
                const sent = inflight.shift();
                if (!sent) return;
                const outcome = classify(sent.call.op, status, body, refusable);
                recorder.add({
                  op: sent.call.op,
                  kind: OP_KIND[sent.call.op],
                  startMs: sent.startMs,
                  endMs: now(),
                  timed: sent.timed,
                  outcome,
                });
                user.settle(sent.call, outcome.type === 'ok', body);
              },
            },
          ]);
          /** The oldest call in flight failed without an answer: recorded, and its user told. */
          const failOldest = (
            outcome: { type: 'timeout' } | { type: 'connection'; code: string },
          ) => {
            const sent = inflight.shift();
            if (!sent) return;
            recorder.add({
              op: sent.call.op,
              kind: OP_KIND[sent.call.op],
              startMs: sent.startMs,
              endMs: now(),
              timed: false,
              outcome,
            });
            user.settle(sent.call, false, '');
          };
          // On a timeout autocannon has already built the next call when it tells us: the oldest
          // one is the call that timed out, and the next one's clock started late.
          client.on('timeout', () => {
            failOldest({ type: 'timeout' });
            const following = inflight[0];
            if (following) following.timed = false;
          });
          // On a connection error it tells us first.
          client.on('connError', (e: NodeJS.ErrnoException) => {
            fresh = true;
            failOldest({ type: 'connection', code: e.code ?? e.message });
          });
        },
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
  });
  // Sent when the clock ran out and never answered: neither errors nor acknowledged. The user
  // hears of it as a failure, so that he does not go on from a state the server may have moved
  // past (a draft saved once more without his knowing its new version).
  for (const { user, inflight } of inflights) {
    for (const sent of inflight.splice(0)) {
      recorder.abandoned++;
      user.settle(sent.call, false, '');
    }
  }
  return { result, seconds: result.duration };
}
