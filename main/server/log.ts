import { createRequire } from 'node:module';
import path from 'node:path';
import pino, { type Logger } from 'pino';

export interface LogOptions {
  /** Folder of the rotating JSON-lines files; null: standard output only. */
  dir: string | null;
  /** Rotation: a new file at this size ('10m') or each day, whichever comes first. */
  size?: string;
  /** Rotated files kept beside the active one (about two weeks of daily files). */
  keep?: number;
  /** Also to standard output (a service manager's journal keeps it too). */
  stdout?: boolean;
  level?: pino.LevelWithSilent;
}

/**
 * The office server's structured log: one JSON object per line (time, level, message, and for
 * requests method, URL, status, time taken and the client's address), in files rotated daily or
 * by size, the oldest removed. Written by a worker thread, so logging never blocks a request.
 * Cookies and bodies are never logged: Fastify's request serializer takes neither.
 */
// Transports load in a worker by module path; named from here, they resolve from this package's
// node_modules whoever calls (a bundle, tsx, a test runner).
const requireHere = createRequire(__filename);

export function serverLogger(o: LogOptions): Logger {
  const targets: pino.TransportTargetOptions[] = [];
  if (o.dir !== null) {
    targets.push({
      target: requireHere.resolve('pino-roll'),
      level: o.level ?? 'info',
      options: {
        file: path.join(o.dir, 'server'),
        extension: '.log',
        frequency: 'daily',
        dateFormat: 'yyyy-MM-dd',
        size: o.size ?? '10m',
        mkdir: true,
        limit: { count: o.keep ?? 14, removeOtherLogFiles: true },
      },
    });
  }
  if (o.stdout ?? true) {
    targets.push({
      target: requireHere.resolve('pino/file'),
      level: o.level ?? 'info',
      options: { destination: 1 },
    });
  }
  return pino(
    {
      level: o.level ?? 'info',
      base: { service: 'reception-server' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.transport({ targets }),
  );
}
