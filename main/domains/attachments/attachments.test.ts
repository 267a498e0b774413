import fs from 'node:fs';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_FILES_PER_OWNER, THUMB_MAX_PX } from '../../../shared/attachments';
import {
  companyApp,
  createUser,
  decideAs,
  drafted,
  signIn,
  submitted,
  type TestApp,
} from '../../test-support';
import { requestBody } from '../../test-fixtures';
import { TEST_STORE } from '../../test-postgres';
import { sampleExe, sampleJpeg, samplePdf, samplePng } from './test-files';

const b64 = (b: Buffer) => b.toString('base64');
const upload = (t: TestApp, token: string, ownerId: number, fileName: string, bytes: Buffer) =>
  t.call(
    'attachments.upload',
    { ownerType: 'request', ownerId, fileName, dataBase64: b64(bytes) },
    token,
  );

/** An upload that must succeed: its view. */
const uploaded = (t: TestApp, token: string, ownerId: number, fileName: string, bytes: Buffer) =>
  t.ok(
    'attachments.upload',
    { ownerType: 'request', ownerId, fileName, dataBase64: b64(bytes) },
    token,
  );

/** The files under the store, by name (temporary files would show up here too). */
function storedFiles(t: TestApp): string[] {
  const dir = path.join(t.dir, 'reception.files');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.bin') || f.endsWith('.tmp'));
}

async function hostRequest() {
  const { t, r } = await companyApp();
  const d = await submitted(t, r);
  return { t, r, d };
}

/** What a thumbnail data URL holds, decoded. */
function thumbSize(dataUrl: string | null) {
  expect(dataUrl).toMatch(/^data:image\/jpeg;base64,/);
  const img = jpeg.decode(Buffer.from(dataUrl!.split(',')[1]!, 'base64'), { useTArray: true });
  return { width: img.width, height: img.height };
}

describe('attachments on a request', () => {
  it('uploads, lists with a thumbnail, downloads the same bytes, under its hash, audited', async () => {
    const { t, r, d } = await hostRequest();
    const png = samplePng(600, 300);
    const view = await uploaded(t, r.host.token, d.id, '名片 张总.jpg', png);
    // The type is the content's: the ".jpg" it was called is corrected.
    expect(view).toMatchObject({
      fileName: '名片 张总.png',
      mime: 'image/png',
      sizeBytes: png.length,
      width: 600,
      height: 300,
      uploadedByName: '王接待',
      canRemove: true,
    });
    expect(thumbSize(view.thumbDataUrl)).toEqual({ width: THUMB_MAX_PX, height: THUMB_MAX_PX / 2 });

    // Stored by content hash, never under the name it came with.
    const [row] = t.rows<{ sha256: string; file_name: string }>('SELECT * FROM attachments');
    const sha = (await import('node:crypto')).createHash('sha256').update(png).digest('hex');
    expect(row?.sha256).toBe(sha);
    expect(storedFiles(t)).toContain(path.join(sha.slice(0, 2), `${sha}.bin`));
    expect(storedFiles(t).some((f) => f.includes('名片'))).toBe(false);

    // Whoever may read the request sees it: the approver too.
    for (const token of [r.host.token, r.head.token]) {
      const list = await t.ok('attachments.list', { ownerType: 'request', ownerId: d.id }, token);
      expect(list.items.map((a) => a.id)).toEqual([view.id]);
      expect(list.items[0]?.thumbDataUrl).toBe(view.thumbDataUrl);
      const file = await t.ok('attachments.download', { id: view.id }, token);
      expect(file.fileName).toBe('名片 张总.png');
      expect(file.mime).toBe('image/png');
      expect(Buffer.from(file.dataBase64, 'base64').equals(png)).toBe(true);
    }
    // …but only the host adds or removes (the head reads).
    const headList = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.head.token,
    );
    expect(headList).toMatchObject({ canAttach: false, max: MAX_FILES_PER_OWNER });
    expect(headList.items[0]?.canRemove).toBe(false);

    const audit = t.rows<{
      operation: string;
      entity_type: string;
      entity_id: string;
      summary: string;
    }>("SELECT * FROM audit_log WHERE operation = 'attachments.upload'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'request', entity_id: String(d.id) });
    expect(JSON.parse(audit[0]!.summary)).toEqual({
      code: d.code,
      fileName: '名片 张总.png',
      sizeBytes: png.length,
      mime: 'image/png',
    });
  });

  it('keeps one file for the same bytes uploaded twice (two rows, one file)', async () => {
    const { t, r, d } = await hostRequest();
    const pdf = samplePdf();
    const a = await upload(t, r.host.token, d.id, '邀请函.pdf', pdf);
    const b = await upload(t, r.host.token, d.id, '邀请函（副本）.pdf', pdf);
    expect(a.result.ok && b.result.ok).toBe(true);
    expect(t.count('attachments')).toBe(2);
    expect(storedFiles(t)).toHaveLength(1);
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.host.token,
    );
    // A PDF has no thumbnail (the panel shows an icon).
    expect(list.items.map((x) => [x.fileName, x.mime, x.thumbDataUrl])).toEqual([
      ['邀请函.pdf', 'application/pdf', null],
      ['邀请函（副本）.pdf', 'application/pdf', null],
    ]);
  });

  it('refuses what is not an image or a PDF by its content, whatever its name, and changes nothing', async () => {
    const { t, r, d } = await hostRequest();
    const before = t.snapshot();
    for (const name of ['invite.pdf', 'photo.jpg', 'scan.png', 'setup.exe']) {
      const { result } = await upload(t, r.host.token, d.id, name, sampleExe());
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', key: 'attachments.errors.badType' },
      });
      // Translated for the caller (zh-CN by default).
      expect(result.ok ? '' : result.error.message).toContain('只能上传 JPEG、PNG 图片或 PDF 文件');
    }
    expect(t.snapshot()).toEqual(before);
    expect(storedFiles(t)).toEqual([]);
  });

  it('refuses a file over 10 MB with the limit in the message, and an empty one', async () => {
    const { t, r, d } = await hostRequest();
    const before = t.snapshot();
    const big = Buffer.concat([samplePdf(), Buffer.alloc(MAX_FILE_BYTES)]);
    const tooBig = await upload(t, r.host.token, d.id, 'big.pdf', big);
    expect(tooBig.result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', key: 'attachments.errors.tooLarge', params: { maxMb: 10 } },
    });
    expect(tooBig.result.ok ? '' : tooBig.result.error.message).toBe(
      '文件太大：每个附件最大 10 MB。',
    );
    // Exactly 10 MB is taken.
    const exact = Buffer.concat([samplePdf(), Buffer.alloc(MAX_FILE_BYTES - samplePdf().length)]);
    expect((await upload(t, r.host.token, d.id, 'exact.pdf', exact)).result.ok).toBe(true);
    const empty = await t.call(
      'attachments.upload',
      { ownerType: 'request', ownerId: d.id, fileName: 'x.pdf', dataBase64: '' },
      r.host.token,
    );
    expect(empty.result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(t.count('attachments')).toBe(1);
    expect(before.attachments).toEqual([]);
  });

  it('refuses a damaged image without a 500, and an image too large to decode before decoding it', async () => {
    const { t, r, d } = await hostRequest();
    const png = samplePng(40, 40);
    const broken = Buffer.from(png);
    broken.fill(0x55, 40, 60); // inside the image data: its CRC no longer matches
    const cut = png.subarray(0, png.length - 30);
    for (const bytes of [
      broken,
      cut,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2, 0xff, 0xd9]),
    ]) {
      const { result } = await upload(t, r.host.token, d.id, 'x.png', bytes);
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', key: 'attachments.errors.unreadable' },
      });
    }
    // A PNG whose header claims 50,000 × 50,000 (2.5 gigapixels): refused from the header.
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(50_000, 16);
    bomb.writeUInt32BE(50_000, 20);
    const started = performance.now();
    const { result } = await upload(t, r.host.token, d.id, 'bomb.png', bomb);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'attachments.errors.imageTooBig', params: { width: 50_000, height: 50_000 } },
    });
    expect(t.count('attachments')).toBe(0);
    expect(storedFiles(t)).toEqual([]);
  });

  it('makes an upright thumbnail of a portrait phone photo (EXIF orientation 6)', async () => {
    const { t, r, d } = await hostRequest();
    const photo = sampleJpeg(480, 240, 6); // stored sideways, seen 240 × 480
    const view = await uploaded(t, r.host.token, d.id, 'IMG_0001.JPG', photo);
    expect(view).toMatchObject({
      fileName: 'IMG_0001.jpg',
      mime: 'image/jpeg',
      width: 240,
      height: 480,
    });
    expect(thumbSize(view.thumbDataUrl)).toEqual({ width: THUMB_MAX_PX / 2, height: THUMB_MAX_PX });
    // A small image is not enlarged.
    const small = await uploaded(t, r.host.token, d.id, 'icon.png', samplePng(32, 20));
    expect(thumbSize(small.thumbDataUrl)).toEqual({ width: 32, height: 20 });
  });

  it('takes at most 20 files per request', async () => {
    const { t, r, d } = await hostRequest();
    for (let i = 0; i < MAX_FILES_PER_OWNER; i++) {
      expect(
        (await upload(t, r.host.token, d.id, `${i}.pdf`, samplePdf(String(i)))).result.ok,
      ).toBe(true);
    }
    const { result } = await upload(t, r.host.token, d.id, 'one-more.pdf', samplePdf('x'));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', key: 'attachments.errors.tooMany', params: { max: 20 } },
    });
    // Removing one makes room again.
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.host.token,
    );
    await t.ok('attachments.remove', { id: list.items[0]!.id }, r.host.token);
    expect((await upload(t, r.host.token, d.id, 'one-more.pdf', samplePdf('x'))).result.ok).toBe(
      true,
    );
  });

  it('removes softly: gone from the list and the download, kept on record and audited', async () => {
    const { t, r, d } = await hostRequest();
    const view = await uploaded(t, r.host.token, d.id, '行程单.pdf', samplePdf());
    // The approver may not remove the host's file.
    expect(await t.fail('attachments.remove', { id: view.id }, r.head.token)).toMatchObject({
      code: 'FORBIDDEN',
      key: 'attachments.errors.removeNotAllowed',
    });
    await t.ok('attachments.remove', { id: view.id }, r.host.token);
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.host.token,
    );
    expect(list.items).toEqual([]);
    for (const op of ['attachments.download', 'attachments.remove']) {
      expect(await t.fail(op, { id: view.id }, r.host.token)).toMatchObject({
        code: 'NOT_FOUND',
        key: 'attachments.errors.notFound',
      });
    }
    expect(t.rows('SELECT removed_by, removed_at_ms FROM attachments')).toEqual([
      { removed_by: r.host.userId, removed_at_ms: t.now() },
    ]);
    expect(storedFiles(t)).toHaveLength(1);
    const audit = t.rows<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE operation = 'attachments.remove'",
    );
    expect(audit.map((a) => JSON.parse(a.summary))).toEqual([
      { code: d.code, fileName: '行程单.pdf' },
    ]);
  });

  it('answers "not found" to whoever may not read the request: a stranger, anyone but the host on a draft', async () => {
    const { t, r } = await companyApp();
    const stranger = await createUser(t, r.admin.token, { login: 'other', roles: ['host'] });
    const strangerToken = await signIn(t, 'other');
    const d = await submitted(t, r);
    const draft = await drafted(t, r);
    const onSubmitted = await uploaded(t, r.host.token, d.id, 'a.pdf', samplePdf());
    const onDraft = await uploaded(t, r.host.token, draft.id, 'b.pdf', samplePdf('b'));
    expect(stranger).toBeGreaterThan(0);
    const before = t.snapshot(['attachments']);
    const refusals: [string, unknown, string][] = [
      ['attachments.list', { ownerType: 'request', ownerId: d.id }, strangerToken],
      ['attachments.download', { id: onSubmitted.id }, strangerToken],
      ['attachments.remove', { id: onSubmitted.id }, strangerToken],
      // A draft never submitted is its host's alone: not even the administrative office sees it.
      ['attachments.list', { ownerType: 'request', ownerId: draft.id }, r.office.token],
      ['attachments.download', { id: onDraft.id }, r.office.token],
      ['attachments.download', { id: onDraft.id }, r.head.token],
      [
        'attachments.upload',
        {
          ownerType: 'request',
          ownerId: draft.id,
          fileName: 'c.pdf',
          dataBase64: b64(samplePdf('c')),
        },
        r.office.token,
      ],
      ['attachments.download', { id: 999_999 }, r.host.token],
      ['attachments.list', { ownerType: 'request', ownerId: 999_999 }, r.host.token],
    ];
    for (const [op, input, token] of refusals) {
      const error = await t.fail(op, input, token);
      expect(error.code, `${op} ${JSON.stringify(input)}`).toBe('NOT_FOUND');
    }
    expect(t.snapshot(['attachments'])).toEqual(before);
    // The draft's host still has both.
    const mine = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: draft.id },
      r.host.token,
    );
    expect(mine.items.map((a) => a.fileName)).toEqual(['b.pdf']);
  });

  it('a closed request keeps its files as they are: readable, nothing added or removed', async () => {
    const { t, r, d } = await hostRequest();
    const view = await uploaded(t, r.host.token, d.id, 'a.pdf', samplePdf());
    await decideAs(t, r.head.token, d.id, 'reject', '不符合接待标准');
    expect((await upload(t, r.host.token, d.id, 'b.pdf', samplePdf('b'))).result).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'attachments.errors.attachNotAllowed' },
    });
    expect(await t.fail('attachments.remove', { id: view.id }, r.host.token)).toMatchObject({
      code: 'FORBIDDEN',
    });
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: d.id },
      r.host.token,
    );
    expect(list).toMatchObject({ canAttach: false, items: [{ id: view.id, canRemove: false }] });
  });

  it('says so when a stored file went missing or changed on disk, rather than serve other bytes', async () => {
    const { t, r, d } = await hostRequest();
    const view = await uploaded(t, r.host.token, d.id, 'a.pdf', samplePdf());
    const [file] = storedFiles(t);
    const full = path.join(t.dir, 'reception.files', file!);
    fs.writeFileSync(full, 'tampered');
    expect(await t.fail('attachments.download', { id: view.id }, r.host.token)).toMatchObject({
      code: 'NOT_FOUND',
      key: 'attachments.errors.fileLost',
    });
    fs.rmSync(full);
    expect(await t.fail('attachments.download', { id: view.id }, r.host.token)).toMatchObject({
      key: 'attachments.errors.fileLost',
    });
  });

  it('writes a damaged stored copy again when the same bytes come back', async () => {
    const { t, r, d } = await hostRequest();
    const pdf = samplePdf();
    const view = await uploaded(t, r.host.token, d.id, 'a.pdf', pdf);
    const full = path.join(t.dir, 'reception.files', storedFiles(t)[0]!);
    fs.writeFileSync(full, pdf.subarray(0, 10)); // cut short by a disk fault
    await uploaded(t, r.host.token, d.id, 'a-again.pdf', pdf);
    expect(fs.readFileSync(full).equals(pdf)).toBe(true);
    const file = await t.ok('attachments.download', { id: view.id }, r.host.token);
    expect(Buffer.from(file.dataBase64, 'base64').equals(pdf)).toBe(true);
  });

  it('says so, translated, when the data folder cannot be written, and records nothing', async () => {
    const { t, r, d } = await hostRequest();
    // A file where the store's folder should be: every write under it fails (ENOTDIR). (The
    // PostgreSQL app makes its empty folder when it opens: the file takes its place.)
    const folder = path.join(t.dir, 'reception.files');
    expect(fs.existsSync(folder) ? fs.readdirSync(folder) : []).toEqual([]);
    fs.rmSync(folder, { recursive: true, force: true });
    fs.writeFileSync(folder, 'not a folder');
    const before = t.snapshot(['attachments', 'audit_log']);
    expect(
      await t.fail(
        'attachments.upload',
        {
          ownerType: 'request',
          ownerId: d.id,
          fileName: 'a.pdf',
          dataBase64: b64(samplePdf()),
        },
        r.host.token,
      ),
    ).toMatchObject({ key: 'attachments.errors.storeFailed' });
    expect(t.snapshot(['attachments', 'audit_log'])).toEqual(before);
    // And a list still answers (no thumbnails to read).
    expect(
      (await t.ok('attachments.list', { ownerType: 'request', ownerId: d.id }, r.host.token)).items,
    ).toEqual([]);
  });

  it('rejects bad input in main with translated messages and changes nothing', async () => {
    const { t, r, d } = await hostRequest();
    const before = t.snapshot();
    const bad: unknown[] = [
      { ownerType: 'expense', ownerId: d.id, fileName: 'a.pdf', dataBase64: b64(samplePdf()) },
      { ownerType: 'request', ownerId: -1, fileName: 'a.pdf', dataBase64: b64(samplePdf()) },
      { ownerType: 'request', ownerId: d.id, fileName: '', dataBase64: b64(samplePdf()) },
      {
        ownerType: 'request',
        ownerId: d.id,
        fileName: 'a\u0000.pdf',
        dataBase64: b64(samplePdf()),
      },
      { ownerType: 'request', ownerId: d.id, fileName: 'a.pdf', dataBase64: 'not base64!' },
      {
        ownerType: 'request',
        ownerId: d.id,
        fileName: 'a.pdf',
        dataBase64: b64(samplePdf()),
        x: 1,
      },
    ];
    for (const input of bad) {
      const error = await t.fail('attachments.upload', input, r.host.token);
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('INVALID_INPUT');
      expect(error.message).toBe('输入有误，请检查标红的字段。');
    }
    expect(t.snapshot()).toEqual(before);
  });
});

describe('files beside the database', () => {
  it("a deleted draft's files go with it: the next request, given the same id, has none", async () => {
    const { t, r } = await companyApp();
    await createUser(t, r.admin.token, { login: 'other', roles: ['host'] });
    const otherToken = await signIn(t, 'other');
    const draft = await drafted(t, r);
    await uploaded(t, r.host.token, draft.id, 'secret.pdf', samplePdf('secret'));
    await t.ok('requests.deleteDraft', { id: draft.id, version: draft.version }, r.host.token);
    expect(t.rows('SELECT id FROM attachments')).toEqual([]);
    // The rowid of the deleted draft is free again: the next request may get it. (PostgreSQL's
    // identity never gives an id twice unless it is set back, as a restore from a dump may.)
    if (TEST_STORE === 'postgres') {
      t.exec("SELECT setval(pg_get_serial_sequence('requests', 'id'), ?, false)", draft.id);
    }
    const next = await t.ok(
      'requests.saveDraft',
      { id: null, version: null, body: requestBody() },
      otherToken,
    );
    expect(next.id).toBe(draft.id);
    const list = await t.ok(
      'attachments.list',
      { ownerType: 'request', ownerId: next.id },
      otherToken,
    );
    expect(list.items).toEqual([]);
  });

  it('survive a restart of the app', async () => {
    const { t, r, d } = await hostRequest();
    const png = samplePng(10, 10);
    const view = await uploaded(t, r.host.token, d.id, 'a.png', png);
    await t.reopen();
    const file = await t.ok('attachments.download', { id: view.id }, r.host.token);
    expect(Buffer.from(file.dataBase64, 'base64').equals(png)).toBe(true);
  });
});
