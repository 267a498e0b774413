// @vitest-environment jsdom
import '../../test/jsdom';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttachmentList, AttachmentView } from '../../../../shared/attachments';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import { createQueryClient } from '../../api/queries';
import i18n from '../../i18n';
import { fail, fakeBackend, ok, type FakeBackend } from '../../test/fakeBackend';
import { sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { AttachmentsPanel } from './AttachmentsPanel';
import { readBytes, toBase64 } from './files';

// The transport is the boundary: the panel, the cache, the dialogs and i18n above it run for real.
vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const EXE = new TextEncoder().encode('MZ\x90\x00 This program cannot be run in DOS mode.');

function view(id: number, patch: Partial<AttachmentView> = {}): AttachmentView {
  return {
    id,
    ownerType: 'request',
    ownerId: 5,
    fileName: `名片${id}.png`,
    mime: 'image/png',
    sizeBytes: 356 * 1024,
    width: 600,
    height: 300,
    thumbDataUrl: 'data:image/jpeg;base64,/9j/',
    uploadedByName: '王接待',
    uploadedAtMs: Date.UTC(2026, 10, 27, 1, 0),
    canRemove: true,
    ...patch,
  };
}

let fake: FakeBackend;
let stored: AttachmentList;

function show() {
  renderSignedIn(
    fake,
    sessionOf(['host']),
    <QueryClientProvider client={createQueryClient()}>
      <AttachmentsPanel ownerType="request" ownerId={5} />
    </QueryClientProvider>,
  );
}

const fileInput = () => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
};
const pick = (...files: File[]) => fireEvent.change(fileInput(), { target: { files } });

beforeEach(() => {
  stored = { items: [], canAttach: true, max: 20 };
  fake = fakeBackend({
    'attachments.list': () => ok(stored),
    'attachments.upload': (input) => {
      const added = view(stored.items.length + 1, { fileName: input.fileName });
      stored = { ...stored, items: [...stored.items, added] };
      return ok(added);
    },
    'attachments.remove': (input) => {
      stored = { ...stored, items: stored.items.filter((a) => a.id !== input.id) };
      return ok({ id: input.id });
    },
  });
  vi.mocked(call).mockImplementation(fake.call);
});

describe('AttachmentsPanel', () => {
  it('says there is nothing yet, and takes a file: sent as base64, then listed', async () => {
    show();
    expect(await screen.findByText(t('attachments.empty'))).toBeTruthy();
    pick(new File([PNG], '名片.png', { type: 'image/png' }));
    await waitFor(() => expect(fake.inputsOf('attachments.upload')).toHaveLength(1));
    expect(fake.inputsOf('attachments.upload')[0]).toEqual({
      ownerType: 'request',
      ownerId: 5,
      fileName: '名片.png',
      dataBase64: toBase64(PNG),
    });
    const tile = await screen.findByTestId('attachment-1');
    expect(within(tile).getByRole('img', { name: '名片.png' })).toBeTruthy();
    expect(within(tile).getByText('356 KB · 600 × 300')).toBeTruthy();
    expect(within(tile).getByText(/王接待/)).toBeTruthy();
    expect(screen.getByText(t('attachments.count', { count: 1, max: 20 }))).toBeTruthy();
    expect(fake.unhandled).toEqual([]);
  });

  it("keeps one file's refusal in sight when the next file of the same drop goes through", async () => {
    show();
    await screen.findByText(t('attachments.empty'));
    pick(new File([EXE], 'invite.pdf'), new File([PDF], '行程单.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(fake.inputsOf('attachments.upload')).toHaveLength(1));
    await screen.findByTestId('attachment-1');
    expect(screen.getByTestId('attachment-problem').textContent).toContain('invite.pdf');
  });

  it('refuses a renamed program and a file over 10 MB before sending anything', async () => {
    show();
    await screen.findByText(t('attachments.empty'));
    pick(new File([EXE], 'invite.pdf', { type: 'application/pdf' }));
    expect((await screen.findByTestId('attachment-problem')).textContent).toContain(
      t('attachments.fileProblem', {
        name: 'invite.pdf',
        problem: t('attachments.errors.badType'),
      }),
    );
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'big.pdf');
    pick(big);
    await waitFor(() =>
      expect(screen.getByTestId('attachment-problem').textContent).toContain(
        t('attachments.errors.tooLarge', { maxMb: 10 }),
      ),
    );
    expect(fake.inputsOf('attachments.upload')).toEqual([]);
  });

  it('shows main’s refusal translated (a damaged image)', async () => {
    fake.on('attachments.upload', () => fail('INVALID_INPUT', 'attachments.errors.unreadable'));
    show();
    await screen.findByText(t('attachments.empty'));
    pick(new File([PNG], 'broken.png'));
    expect((await screen.findByTestId('attachment-problem')).textContent).toContain(
      t('attachments.errors.unreadable'),
    );
  });

  it('shows a PDF with its icon, and removes a file after confirmation', async () => {
    stored = {
      ...stored,
      items: [
        view(1, {
          fileName: '邀请函.pdf',
          mime: 'application/pdf',
          thumbDataUrl: null,
          width: null,
          height: null,
        }),
      ],
    };
    show();
    const tile = await screen.findByTestId('attachment-1');
    expect(within(tile).getByRole('img', { name: t('attachments.pdf') })).toBeTruthy();
    fireEvent.click(
      within(tile).getByRole('button', {
        name: t('attachments.removeNamed', { name: '邀请函.pdf' }),
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: t('attachments.removeTitle', { name: '邀请函.pdf' }),
    });
    expect(fake.inputsOf('attachments.remove')).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: t('attachments.remove') }));
    await waitFor(() => expect(fake.inputsOf('attachments.remove')).toEqual([{ id: 1 }]));
    expect(await screen.findByText(t('attachments.empty'))).toBeTruthy();
  });

  it('to a reader who may not attach: the files and their downloads, no drop area, no removal', async () => {
    stored = { items: [view(1, { canRemove: false })], canAttach: false, max: 20 };
    show();
    const tile = await screen.findByTestId('attachment-1');
    expect(document.querySelector('input[type="file"]')).toBeNull();
    expect(within(tile).queryByRole('button', { name: /移除/ })).toBeNull();
    expect(
      within(tile).getByRole('button', {
        name: t('attachments.downloadNamed', { name: '名片1.png' }),
      }),
    ).toBeTruthy();
  });

  it('downloads through a Blob under the display name', async () => {
    stored = {
      ...stored,
      items: [view(1, { fileName: '行程单.pdf', mime: 'application/pdf', thumbDataUrl: null })],
    };
    fake.on('attachments.download', () =>
      ok({ fileName: '行程单.pdf', mime: 'application/pdf', dataBase64: toBase64(PDF) }),
    );
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:test/1';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: { download: string; href: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ download: this.download, href: this.href });
    });
    show();
    const tile = await screen.findByTestId('attachment-1');
    fireEvent.click(
      within(tile).getByRole('button', {
        name: t('attachments.downloadNamed', { name: '行程单.pdf' }),
      }),
    );
    await waitFor(() => expect(clicked).toEqual([{ download: '行程单.pdf', href: 'blob:test/1' }]));
    expect(blobs[0]?.type).toBe('application/pdf');
    expect([...(await readBytes(blobs[0]!))]).toEqual([...PDF]);
    click.mockRestore();
  });
});
