import { GENERATED_PASSWORD } from '../../scripts/gen/cli';
import type { Seat } from './data';
import { agentFor, post, sessionCookie, type Endpoint } from './http';
import { VirtualUser, type World } from './users';

/**
 * Every seat signs in over HTTP as its person (`auth.login`, the generated password) and keeps
 * the session cookie the server sets (`__Host-rm_session` over TLS). Four at a time: the server
 * verifies an Argon2id hash per sign-in, as it would at nine in the morning.
 */
export async function signIn(
  endpoint: Endpoint,
  seats: readonly Seat[],
  world: World,
): Promise<VirtualUser[]> {
  const users: (VirtualUser | undefined)[] = new Array<VirtualUser | undefined>(seats.length);
  let next = 0;
  const worker = async () => {
    const agent = agentFor(endpoint);
    for (let i = next++; i < seats.length; i = next++) {
      const seat = seats[i] as Seat;
      const body = JSON.stringify({ login: seat.person.login, password: GENERATED_PASSWORD });
      const a = await post(endpoint, 'auth.login', body, { agent, timeoutMs: 30_000 });
      const cookie = a.kind === 'answer' && a.status === 200 ? sessionCookie(a.setCookie) : null;
      if (!cookie) {
        const why = a.kind === 'answer' ? `${a.status} ${a.body.slice(0, 200)}` : a.kind;
        throw new Error(`${seat.person.login} (${seat.group}) cannot sign in: ${why}`);
      }
      users[i] = new VirtualUser(seat, cookie, world);
    }
    agent.destroy();
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return users.map((u, i) => {
    if (!u) throw new Error(`seat ${i} did not sign in`);
    return u;
  });
}

/**
 * Each approver's pending steps, read from his inbox before the run (heads first, then
 * executives, then the admin office's shared pool): a step goes to the first virtual user who
 * sees it, so two never race for one. Returns how many steps were taken.
 */
export async function prefetchSteps(endpoint: Endpoint, users: readonly VirtualUser[]) {
  const agent = agentFor(endpoint);
  try {
    for (const group of ['head', 'executive', 'admin_office'] as const) {
      for (const u of users.filter((x) => x.seat.group === group)) {
        const a = await post(endpoint, 'approvals.inbox', '{}', {
          agent,
          cookie: u.cookie,
          timeoutMs: 30_000,
        });
        if (a.kind !== 'answer' || a.status !== 200) {
          throw new Error(`the inbox of ${u.label} did not answer: ${JSON.stringify(a)}`);
        }
        u.takeSteps(a.body);
      }
    }
  } finally {
    agent.destroy();
  }
  return users.reduce((n, u) => n + u.steps.length, 0);
}
