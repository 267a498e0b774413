/**
 * D7, attachments: random hostile file names sent through the real upload
 * (`attachments.upload` through the dispatcher, a real database and file store). Every name must
 * end as a stored attachment with a safe display name, or as a typed refusal; and nothing may
 * be written anywhere but the attachment folder (the temp root is walked before and after, with
 * the process's working directory inside it, so a relative `../` would land where it is seen).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../../main/api/dispatcher';
import { createApp, type RunningApp } from '../../../main/app';
import { filesDirFor } from '../../../main/core/files';
import type { AttachmentView } from '../../../shared/attachments';
import { MAX_FILE_NAME, MAX_FILES_PER_OWNER } from '../../../shared/attachments/limits';
import { ok, newRequest } from '../../crashtest/company';
import { mulberry32 } from '../../crashtest/random';
import { companyClock, makeCompany } from '../shell/company';

const TRAVERSAL = [
  '../',
  '../../',
  '../../../../../../',
  '..\\',
  '..\\..\\..\\',
  './../',
  '..//..//',
  '/',
  '/etc/',
  '/tmp/',
  'C:\\',
  'C:/Windows/System32/',
  'c:',
  '\\\\server\\share\\',
  '\\\\?\\C:\\',
  '\\\\.\\',
  'file:///',
  '%2e%2e%2f',
  '%2e%2e/',
  '..%2f',
  '..%5c',
  '....//',
  '..;/',
  '~/',
  '$HOME/',
];
const RESERVED = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'COM1',
  'COM9',
  'LPT1',
  'LPT9',
  'con',
  'Nul',
  'CONIN$',
  'CONOUT$',
  'COM¹',
  'LPT³',
];
const EXT = ['', '.pdf', '.txt', '.png', '.jpg', '.exe', '.pdf.exe', '.', '..', '.tar.gz', '.PDF '];
/** Unicode that looks like, or some API folds into, / \ . : (best-fit mappings, NFKC). */
const LOOKALIKE = ['∕', '⁄', '／', '＼', '⧵', '∖', '﹨', '．', '：', '⸱', '‥', '…', '︰', '᜵'];
const CONTROL = ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\n', '\r', '\t'];
const BIDI = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2069', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200d', '\ufeff', '\u00ad', '\u2060', '\u180e'];
const PLAIN = ['report', '发票', 'invoice 2026', 'a', 'x'.repeat(40), '報告書', 'Ünïcødé', '😀'];
const TRAILERS = ['', '.', '..', ' ', '. .', '...', '   ', ' .', '::$DATA', ':stream', '~1'];
const SPECIAL = [
  '.',
  '..',
  '...',
  ' ',
  '.htaccess',
  '.bashrc',
  '-rf',
  '*',
  '?',
  '<>',
  '|',
  '"',
  ':',
];

export type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;

/** One random hostile name, built from 1–4 tricks. */
export function hostileName(rng: Rng): string {
  const parts: string[] = [];
  const tricks = 1 + Math.floor(rng() * 4);
  for (let k = 0; k < tricks; k++) {
    switch (Math.floor(rng() * 9)) {
      case 0:
        parts.push(pick(rng, TRAVERSAL).repeat(1 + Math.floor(rng() * 3)));
        break;
      case 1:
        parts.push(pick(rng, RESERVED) + pick(rng, EXT));
        break;
      case 2:
        parts.push(pick(rng, PLAIN) + pick(rng, LOOKALIKE) + pick(rng, PLAIN));
        break;
      case 3:
        parts.push(pick(rng, CONTROL));
        break;
      case 4:
        parts.push(pick(rng, BIDI) + 'fdp.exe');
        break;
      case 5:
        parts.push(pick(rng, INVISIBLE));
        break;
      case 6:
        parts.push(pick(rng, PLAIN).repeat(1 + Math.floor(rng() * 80)));
        break;
      case 7:
        parts.push(pick(rng, SPECIAL));
        break;
      default:
        parts.push(pick(rng, PLAIN) + pick(rng, TRAILERS));
    }
  }
  let name = parts.join('');
  if (rng() < 0.3) name += pick(rng, EXT) + pick(rng, TRAILERS);
  // Once in a while a name made only of its tricks' worst part, or longer than any limit.
  if (rng() < 0.02) name = '';
  if (rng() < 0.02) name = 'a'.repeat(200 + Math.floor(rng() * 5000));
  return name;
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * Why a stored display name is unsafe, or null when it is safe to show and to save under on any
 * system: no folder separators, no controls or bidi overrides, no leading dot, no trailing dot or
 * space, no Windows device name (whatever its extension), no ADS colon, within the length limit,
 * and the extension of the type the content was found to be.
 */
export function unsafeDisplayName(name: string, ext: string): string | null {
  if (/[/\\]/.test(name)) return 'separator';
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.test(name)) return 'control';
  if (/[<>:"|?*]/.test(name)) return 'reserved character';
  if (name.startsWith('.')) return 'hidden';
  if (/[. ]$/.test(name)) return 'trailing dot or space';
  if ([...name].length > MAX_FILE_NAME) return 'too long';
  if (!name.endsWith(ext)) return 'extension';
  const stem = name.split('.')[0]?.trim() ?? '';
  if (WINDOWS_RESERVED.test(stem)) return 'windows device name';
  if (name === '..' || name === '.') return 'dot name';
  return null;
}

/** Every file under `root` (relative paths). */
export function walk(root: string): Set<string> {
  const out = new Set<string>();
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else out.add(path.relative(root, p));
    }
  };
  visit(root);
  return out;
}

export interface NamesResult {
  names: number;
  stored: number;
  refused: number;
  /** Answers that were not a typed refusal: INTERNAL, or a thrown exception. */
  unhandled: string[];
  /** Stored with a display name that is not safe (see `unsafeDisplayName`). */
  unsafe: string[];
  /** Files that appeared outside the attachment folder (and the database's own files). */
  outside: string[];
  /** Files the store wrote (distinct contents). */
  written: number;
  /** Whether the working directory was moved into the root (not possible in a test worker). */
  cwdMoved: boolean;
}

function moveTo(dir: string): boolean {
  try {
    process.chdir(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where the run's files go: memory (/dev/shm) where there is one, since the subject here is names,
 * not durability, and 10,000 commits with synchronous=FULL on a disk take minutes.
 */
export function scratchDir(): string {
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    return '/dev/shm';
  } catch {
    return os.tmpdir();
  }
}

/** A small PDF (sniffed by its "%PDF-" signature), distinct for each `n`. */
function pdf(n: number): string {
  return Buffer.from(`%PDF-1.4\n% scorecard ${n}\n%%EOF\n`).toString('base64');
}

/**
 * Uploads `count` hostile names. `upload` is the call under test (the real dispatcher by
 * default); the self-test passes a careless one that writes files under their names.
 */
export async function runHostileNames(options: {
  count: number;
  seed: number;
  careless?: (dir: string, name: string, data: Buffer) => void;
}): Promise<NamesResult> {
  const root = fs.mkdtempSync(path.join(scratchDir(), 'rm-score-d7n-'));
  // The working directory 100 levels down: the deepest `../` chain a name can hold (about 70)
  // still lands inside the walked root, where it is seen (and the self-test's careless writer
  // cannot reach outside it).
  const cwd = path.join(root, ...Array.from({ length: 100 }, () => 'd'));
  fs.mkdirSync(cwd, { recursive: true });
  const previousCwd = process.cwd();
  const dbFile = path.join(root, 'data', 'reception.db');
  fs.mkdirSync(path.dirname(dbFile));
  const app: RunningApp = createApp(dbFile, { clock: companyClock() });
  const filesDir = filesDirFor(dbFile).dir;
  const r: NamesResult = {
    names: 0,
    stored: 0,
    refused: 0,
    unhandled: [],
    unsafe: [],
    outside: [],
    written: 0,
    cwdMoved: false,
  };
  try {
    const c = await makeCompany(app);
    let owner = await ok(app, 'requests.submit', newRequest(), c.host);
    const before = walk(root);
    r.cwdMoved = moveTo(cwd);
    const rng = mulberry32(options.seed);
    let onOwner = 0;
    for (let i = 0; i < options.count; i++) {
      const fileName = hostileName(rng);
      r.names++;
      // A few distinct contents: the store is written to, without 10,000 fsyncs.
      const dataBase64 = pdf(i % 50);
      if (options.careless) {
        try {
          options.careless(cwd, fileName, Buffer.from(dataBase64, 'base64'));
          r.stored++;
        } catch {
          r.refused++;
        }
        continue;
      }
      try {
        const out = await dispatch(app, {
          op: 'attachments.upload',
          input: { ownerType: 'request', ownerId: owner.id, fileName, dataBase64 },
          token: c.host,
        });
        if (out.result.ok) {
          r.stored++;
          const view = out.result.value as AttachmentView;
          const why = unsafeDisplayName(view.fileName, '.pdf');
          if (why)
            r.unsafe.push(`${JSON.stringify(fileName)} → ${JSON.stringify(view.fileName)}: ${why}`);
          onOwner++;
        } else if (out.result.error.code === 'INTERNAL') {
          r.unhandled.push(`${JSON.stringify(fileName)}: ${out.result.error.message}`);
        } else {
          r.refused++;
        }
      } catch (e) {
        r.unhandled.push(
          `${JSON.stringify(fileName)}: threw ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      // A record holds MAX_FILES_PER_OWNER files: the next go on a new request (cheaper than
      // taking them off again).
      if (onOwner >= MAX_FILES_PER_OWNER) {
        owner = await ok(app, 'requests.submit', newRequest(), c.host);
        onOwner = 0;
      }
    }
    if (r.cwdMoved) process.chdir(previousCwd);
    const after = walk(root);
    const filesRel = path.relative(root, filesDir) + path.sep;
    const dbBase = path.relative(root, dbFile);
    for (const f of after) {
      if (before.has(f)) continue;
      if (f.startsWith(filesRel)) {
        r.written++;
        continue;
      }
      if (f === `${dbBase}-wal` || f === `${dbBase}-shm` || f === `${dbBase}.lock`) continue;
      r.outside.push(f);
    }
  } finally {
    if (r.cwdMoved) process.chdir(previousCwd);
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  return r;
}
