import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { OpParsed } from '../../../shared/contract/operations';
import type { ExportFile, ExportFilter, ExportFormat, ExportJob } from '../../../shared/exports';
import { safeFileName } from '../../../shared/exports/cells';
import { translate } from '../../../shared/i18n/translate';
import type { Message } from '../../../shared/result';
import type { EventBus } from '../../api/events';
import type { DB } from '../../db/schema';
import { requireActor, type Actor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { HandlerEnv } from '../../core/handler';
import { readTransaction } from '../../core/queries';
import { companyToday } from '../settings';
import { csvWriter } from './csv';
import { headers, type OpenedSource, type T } from './sources/source';
import { openBookings } from './sources/bookings';
import { openExpenses } from './sources/expenses';
import { openRequests } from './sources/requests';
import { openVisitors } from './sources/visitors';
import type { FileWriter } from './writer';
import { xlsxWriter } from './xlsx';

/**
 * Where the files are written while they wait to be fetched: a folder of this OS user's own
 * (0700), since an expense sheet holds every host's spend and the temp folder is shared.
 */
export const EXPORT_DIR = path.join(
  os.tmpdir(),
  `reception-exports-${process.getuid?.() ?? os.userInfo().username}`,
);
/** A file is kept this long after its export started, unless fetched before. */
export const JOB_TTL_MS = 60 * 60_000;

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

type Status = 'running' | 'done' | 'failed';

interface Job {
  id: string;
  ownerUserId: number;
  format: ExportFormat;
  fileName: string;
  file: string;
  total: number | null;
  done: number;
  status: Status;
  error: Message | null;
  /** The app's clock when it started (expiry is measured on it). */
  startedAtMs: number;
  /** Removed (fetched or expired): a running job stops at its next page. */
  gone: boolean;
  timer: NodeJS.Timeout | null;
}

/** The jobs of this process, by id. In memory: a restart forgets them (their files are swept). */
const jobs = new Map<string, Job>();

function removeJob(job: Job): void {
  job.gone = true;
  if (job.timer) clearTimeout(job.timer);
  jobs.delete(job.id);
  fs.rm(job.file, { force: true }, () => undefined);
}

let sweptDir = false;

/** Jobs older than the TTL (on the app's clock) go, and once per process stale files on disk. */
function sweep(nowMs: number): void {
  for (const job of jobs.values()) {
    if (nowMs - job.startedAtMs > JOB_TTL_MS) removeJob(job);
  }
  if (!sweptDir) {
    sweptDir = true;
    try {
      for (const name of fs.readdirSync(EXPORT_DIR)) {
        const file = path.join(EXPORT_DIR, name);
        const stat = fs.statSync(file);
        if (Date.now() - stat.mtimeMs > JOB_TTL_MS) fs.rmSync(file, { force: true });
      }
    } catch {
      // No directory yet, or a file another process removed first.
    }
  }
}

/** The list behind a filter, opened as the caller (its rights checked, its rows counted). */
async function openSource(ctx: ServiceContext, filter: ExportFilter, t: T): Promise<OpenedSource> {
  switch (filter.source) {
    case 'expenses':
      return openExpenses(ctx, filter.period, t);
    case 'requests':
      return openRequests(ctx, filter.list, await companyToday(ctx), t);
    case 'bookings':
      return openBookings(ctx, filter, t);
    case 'visitors':
      return openVisitors(ctx, filter.day, t);
  }
}

/**
 * exports.start: checks the caller's rights on the list, counts its rows, audits the export
 * (source, format, row count: never the rows), and once the call has committed writes the file a
 * page at a time, with an `exports.progress` event to the caller after each page and at the end.
 */
export async function startExport(
  ctx: ServiceContext,
  input: OpParsed<'exports.start'>,
  env: HandlerEnv,
): Promise<ExportJob> {
  const actor = requireActor(ctx);
  sweep(ctx.nowMs);
  // Labels (tiers, categories, statuses) are looked up once each, not once a row.
  const labels = new Map<string, string>();
  const t: T = (key, params) => {
    if (params) return translate(actor.language, key, params);
    let text = labels.get(key);
    if (text === undefined) {
      text = translate(actor.language, key);
      labels.set(key, text);
    }
    return text;
  };
  const opened = await openSource(ctx, input.filter, t);
  const id = crypto.randomBytes(16).toString('hex');
  const fileName = safeFileName(`${opened.fileBase}.${input.format}`);
  const job: Job = {
    id,
    ownerUserId: actor.userId,
    format: input.format,
    fileName,
    file: path.join(EXPORT_DIR, `${id}.${input.format}`),
    total: opened.total,
    done: 0,
    status: 'running',
    error: null,
    startedAtMs: ctx.nowMs,
    gone: false,
    timer: null,
  };
  ctx.audit({
    entityType: 'export',
    summary: {
      exportSource: input.filter.source,
      exportFormat: input.format,
      exportRows: opened.total,
      fileName,
    },
  });
  // Only a committed call starts a job (a rolled-back one never existed).
  env.afterCommit(() => {
    jobs.set(id, job);
    job.timer = setTimeout(() => removeJob(job), JOB_TTL_MS);
    job.timer.unref();
    setImmediate(() => {
      void runJob(job, opened, t, {
        db: env.db,
        events: env.events,
        actor,
        nowMs: ctx.nowMs,
        client: ctx.client,
      });
    });
  });
  return { jobId: id, fileName, total: opened.total };
}

interface JobEnv {
  db: Kysely<DB>;
  events: EventBus;
  actor: Actor;
  nowMs: number;
  client: string | undefined;
}

/** A read-only context for one page, as the exporting user at the export's start time. */
function pageContext(db: Kysely<DB>, env: JobEnv): ServiceContext {
  const refuse = (what: string) => () => {
    throw new Error(`an export's page does not ${what}`);
  };
  return {
    db,
    nowMs: env.nowMs,
    actor: env.actor,
    sessionLocked: false,
    client: env.client,
    audit: refuse('audit'),
    emit: refuse('emit'),
    setSessionToken: refuse('change the session'),
  };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the file: each page read in a read transaction of its own (other calls run between
 * pages), then written; progress after every page and at the end. A failure is reported to its
 * owner as `failed` with a message, the file deleted; it never reaches the process.
 */
async function runJob(job: Job, source: OpenedSource, t: T, env: JobEnv): Promise<void> {
  const progress = () =>
    env.events.publish({
      name: 'exports.progress',
      payload: {
        jobId: job.id,
        done: job.done,
        total: job.total,
        status: job.status,
        error: job.error,
      },
      userIds: [job.ownerUserId],
    });
  let writer: FileWriter | null = null;
  try {
    await fs.promises.mkdir(EXPORT_DIR, { recursive: true, mode: 0o700 });
    // A folder made earlier with looser rights is closed too (no-op where modes do not exist).
    await fs.promises.chmod(EXPORT_DIR, 0o700);
    writer = job.format === 'xlsx' ? xlsxWriter(job.file) : csvWriter(job.file);
    await writer.sheet({
      name: source.sheetName,
      columns: source.columns,
      headers: headers(source.columns, t),
    });
    let after: unknown = null;
    do {
      if (job.gone) throw new Error('export removed while running');
      const page = await readTransaction(env.db, async (conn) => {
        const ctx = pageContext(conn, env);
        return source.read(ctx, after);
      });
      await writer.rows(page.rows);
      job.done += page.rows.length;
      after = page.next;
      if (after !== null) {
        progress();
        await nextTurn();
      }
    } while (after !== null);
    if (source.totals) await writer.rows([source.totals()], true);
    if (writer.sheets && source.summary) {
      const s = source.summary();
      await writer.sheet({ name: s.name, columns: s.columns, headers: headers(s.columns, t) });
      await writer.rows(s.rows.slice(0, -1));
      await writer.rows(s.rows.slice(-1), true);
    }
    await writer.close();
    if (job.gone) return;
    job.total = job.done;
    job.status = 'done';
    progress();
  } catch (e) {
    if (!(e instanceof AppError)) console.error(`export ${job.id} failed`, e);
    await writer?.abort().catch(() => undefined);
    fs.rm(job.file, { force: true }, () => undefined);
    if (job.gone) return;
    job.status = 'failed';
    job.error =
      e instanceof AppError
        ? { key: e.key, ...(e.params ? { params: e.params } : {}) }
        : { key: 'exports.errors.failed' };
    progress();
  }
}

/** exports.download: the finished file, to its owner only (NOT_FOUND to anyone else); then gone. */
export async function downloadExport(
  ctx: ServiceContext,
  input: OpParsed<'exports.download'>,
): Promise<ExportFile> {
  const actor = requireActor(ctx);
  sweep(ctx.nowMs);
  const job = jobs.get(input.jobId);
  if (!job || job.ownerUserId !== actor.userId) {
    throw new AppError('NOT_FOUND', 'exports.errors.notFound');
  }
  if (job.status === 'failed')
    throw new AppError('CONFLICT', job.error?.key ?? 'exports.errors.failed');
  if (job.status !== 'done') throw new AppError('CONFLICT', 'exports.errors.notReady');
  let data: Buffer;
  try {
    data = await fs.promises.readFile(job.file);
  } catch {
    removeJob(job);
    throw new AppError('NOT_FOUND', 'exports.errors.notFound');
  }
  removeJob(job);
  return { fileName: job.fileName, mime: MIME[job.format], dataBase64: data.toString('base64') };
}

/** Jobs in this process (tests). */
export function exportJobCount(): number {
  return jobs.size;
}
