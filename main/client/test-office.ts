/**
 * Test helpers (only tests import this file): a real office server over TLS with a self-signed
 * certificate for `reception.test`, as main/server/office.test.ts starts one, plus what the
 * client's tests need around it — name resolution for the test name, a log of the requests that
 * reached the server (taken from Node's own `request` event, not from the framework), a TCP proxy
 * that can drop connections and answers, and polling with generous deadlines.
 */
import type dns from 'node:dns';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { startServer, type RunningServer } from '../server/http';
import { selfSignedCertificate, type ServerCertificate } from '../server/tls';
import { makeTestApp, type TestApp } from '../test-support';
import { createRemoteClient, type ConnectionStatus, type RemoteClientOptions } from './index';

export const NAME = 'reception.test';

/** Resolves the test name to this machine; anything else does not exist. */
export const testLookup: net.LookupFunction = (hostname, options, callback) => {
  if (hostname !== NAME) {
    const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`) as NodeJS.ErrnoException;
    error.code = 'ENOTFOUND';
    callback(error, '', 4);
    return;
  }
  const address: dns.LookupAddress = { address: '127.0.0.1', family: 4 };
  if (options.all) callback(null, [address]);
  else callback(null, address.address, address.family);
};

export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Served {
  port: number;
  /** What reached the server's HTTP layer, in order. */
  requests: SeenRequest[];
  /** TLS handshakes the server completed. */
  handshakes: () => number;
  /** TCP connections open now. */
  openConnections: () => number;
  stop: () => Promise<void>;
}

export interface ClientUnderTest {
  client: ReturnType<typeof createRemoteClient>;
  statuses: ConnectionStatus[];
  events: { name: string; payload: unknown }[];
  resyncs: () => number;
}

export interface Office {
  t: TestApp;
  cert: ServerCertificate;
  /** Starts a server on `port` (default: a free one) whose public origin has `publicPort`. */
  serve: (o?: { port?: number; publicPort?: number; cert?: ServerCertificate }) => Promise<Served>;
  /** A client of `https://reception.test:<port>`, pinned to the office's certificate by default. */
  client: (
    port: number,
    o?: Partial<RemoteClientOptions> & { subscribe?: boolean },
  ) => ClientUnderTest;
  proxy: () => Promise<Proxy>;
}

/** A new app and certificate; everything made from it is closed at the end of the test. */
export async function office(): Promise<Office> {
  const t = makeTestApp({ autoCleanup: false });
  const cert = await selfSignedCertificate(path.join(t.dir, 'tls'), [NAME]);
  const servers: Served[] = [];
  const clients: ClientUnderTest[] = [];
  const proxies: Proxy[] = [];
  // One hook, in this order: clients, proxies, servers, then the database.
  onTestFinished(async () => {
    for (const c of clients) c.client.close();
    for (const p of proxies) await p.close();
    for (const s of servers) await s.stop();
    await t.cleanup();
  });
  return {
    t,
    cert,
    async serve(o = {}) {
      const served = await serve(t, o.cert ?? cert, o.port, o.publicPort);
      servers.push(served);
      return served;
    },
    client(port, { subscribe = true, ...o } = {}) {
      const statuses: ConnectionStatus[] = [];
      const events: ClientUnderTest['events'] = [];
      let resyncs = 0;
      const client = createRemoteClient({
        origin: `https://${NAME}:${port}`,
        pinnedCertPem: cert.cert,
        lookup: testLookup,
        reconnectDelaysMs: [100, 200, 400],
        onStatus: (s) => statuses.push(s),
        ...o,
      });
      if (subscribe) {
        client.subscribe({
          onEvent: (name, payload) => events.push({ name, payload }),
          onResync: () => (resyncs += 1),
        });
      }
      const made = { client, statuses, events, resyncs: () => resyncs };
      clients.push(made);
      return made;
    },
    async proxy() {
      const p = await startProxy();
      proxies.push(p);
      return p;
    },
  };
}

async function serve(
  t: TestApp,
  cert: ServerCertificate,
  port: number | undefined,
  publicPort: number | undefined,
): Promise<Served> {
  let server: RunningServer | undefined;
  for (let tries = 0; !server; tries += 1) {
    const chosen = port ?? (await freePort());
    try {
      server = await startServer(t.app, {
        host: '0.0.0.0',
        port: chosen,
        staticDir: t.dir,
        tls: cert,
        publicOrigin: `https://${NAME}:${publicPort ?? chosen}`,
      });
    } catch (e) {
      // Another test file took the free port between the check and the bind: try another.
      const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!inUse || port !== undefined || tries >= 5) throw e;
    }
  }
  const running = server;
  const node = listeningServer(running.port);
  const requests: SeenRequest[] = [];
  let handshakes = 0;
  let open = 0;
  node.on('request', (req: { method?: string; url?: string; headers: SeenRequest['headers'] }) =>
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers } }),
  );
  node.on('secureConnection', () => (handshakes += 1));
  node.on('connection', (socket: net.Socket) => {
    open += 1;
    socket.once('close', () => (open -= 1));
  });
  let stopped: Promise<void> | null = null;
  return {
    port: running.port,
    requests,
    handshakes: () => handshakes,
    openConnections: () => open,
    stop: () => (stopped ??= running.close()),
  };
}

/** The Node server listening on `port` in this thread (the framework's, found by its port). */
function listeningServer(port: number): https.Server {
  const handles = (
    process as unknown as { _getActiveHandles: () => unknown[] }
  )._getActiveHandles();
  const found = handles.find(
    (h): h is https.Server =>
      h instanceof https.Server && (h.address() as net.AddressInfo | null)?.port === port,
  );
  if (!found) throw new Error(`no HTTPS server listens on ${port}`);
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '0.0.0.0', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A TCP proxy in front of the server (TLS passes through it untouched): the client's address is
 * the proxy's port. It can cut every connection and refuse new ones (the network went away), and
 * drop the next answer the server sends after the client sent something (a lost answer).
 */
export interface Proxy {
  port: number;
  target: number;
  /** Cuts every connection and refuses new ones until `resume`. */
  pause: () => void;
  resume: () => void;
  dropNextAnswer: () => void;
  /** Answers dropped so far. */
  dropped: () => number;
  close: () => Promise<void>;
}

interface Piped {
  client: net.Socket;
  upstream: net.Socket;
  sentSinceArmed: boolean;
}

async function startProxy(): Promise<Proxy> {
  const pipes = new Set<Piped>();
  let refusing = false;
  let armed = false;
  let dropped = 0;
  const cut = (p: Piped) => {
    p.client.destroy();
    p.upstream.destroy();
    pipes.delete(p);
  };
  const proxy: Proxy = {
    port: 0,
    target: 0,
    pause() {
      refusing = true;
      for (const p of [...pipes]) cut(p);
    },
    resume() {
      refusing = false;
    },
    dropNextAnswer() {
      armed = true;
      for (const p of pipes) p.sentSinceArmed = false;
    },
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const p of [...pipes]) cut(p);
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(proxy.target, '127.0.0.1');
    const p: Piped = { client, upstream, sentSinceArmed: false };
    pipes.add(p);
    client.on('data', (d: Buffer) => {
      p.sentSinceArmed = true;
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (armed && p.sentSinceArmed) {
        armed = false;
        dropped += 1;
        cut(p);
        return;
      }
      client.write(d);
    });
    for (const s of [client, upstream]) {
      s.on('error', () => cut(p));
      s.on('close', () => cut(p));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  return proxy;
}

/** Polls `check` until it holds; fails with `what` after `ms` (generous: a loaded 2-core machine). */
export async function waitFor(what: string, check: () => boolean, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
