/**
 * SQLite's `integrity_check` of another database file (a backup), in a worker thread. The check
 * reads every page and every index: on a ten-year file (about 6 GB) that is minutes of one core,
 * and on the main thread every window and every request of the app would wait for it. In a worker
 * the app goes on serving while a restore verifies its backup.
 *
 * The worker is a few lines evaluated from a string, not a file of its own: the main process is
 * bundled into one file by electron-vite and run from source by tsx in browser mode, and a string
 * works the same in both. It loads the same driver as the app (the resolved path of
 * better-sqlite3, and Electron's native binding where the app has one).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let Database = null;
try {
  Database = require(workerData.driver);
} catch (e) {
  parentPort.postMessage({ driverFailed: String(e && e.message) });
}
if (Database) {
  let db = null;
  try {
    db = new Database(workerData.file, {
      readonly: true,
      fileMustExist: true,
      ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}),
    });
    const rows = db.pragma('integrity_check(1)');
    parentPort.postMessage({ result: rows[0] ? String(rows[0].integrity_check) : 'no answer' });
  } catch (e) {
    parentPort.postMessage({ error: { code: e && e.code, message: String(e && e.message) } });
  } finally {
    if (db) db.close();
  }
}
`;

/** SQLite's error for a damaged or foreign file, carried back from the worker. */
export class IntegrityCheckError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'IntegrityCheckError';
  }
}

type WorkerAnswer =
  { result: string } | { error: { code?: string; message: string } } | { driverFailed: string };

let driverPath: string | null = null;
function driver(): string {
  driverPath ??= createRequire(__filename).resolve('better-sqlite3');
  return driverPath;
}

/**
 * 'ok', or SQLite's first complaint about `file`. Rejects with IntegrityCheckError when the file
 * cannot be opened as a database (SQLITE_NOTADB, SQLITE_CORRUPT). `fallback` runs the same check
 * on the calling thread where no worker can load the driver (a packaged app whose driver a worker
 * cannot reach): slower for the app, never a refused restore.
 */
export function integrityCheckOffThread(
  file: string,
  options: {
    nativeBinding?: string;
    fallback: (file: string) => string;
    /** The driver module the worker loads (tests: one that is not there). */
    driver?: string;
  },
): Promise<string> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    const onThread = () =>
      settle(() => {
        try {
          resolve(options.fallback(file));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: {
          driver: options.driver ?? driver(),
          file,
          nativeBinding: options.nativeBinding ?? null,
        },
      });
    } catch (e) {
      console.warn('integrity check: no worker, checking on this thread', e);
      onThread();
      return;
    }
    worker.on('message', (answer: WorkerAnswer) => {
      if ('result' in answer) settle(() => resolve(answer.result));
      else if ('error' in answer) {
        settle(() => reject(new IntegrityCheckError(answer.error.code, answer.error.message)));
      } else {
        console.warn('integrity check: the worker has no driver, checking on this thread');
        onThread();
      }
    });
    worker.on('error', (e) => {
      console.warn('integrity check: the worker failed, checking on this thread', e);
      onThread();
    });
    worker.on('exit', () => onThread());
  });
}
