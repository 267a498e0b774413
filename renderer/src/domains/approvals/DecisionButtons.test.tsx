// @vitest-environment jsdom
import '../../test/jsdom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { RequestDossier } from '../../../../shared/requests/views';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import i18n from '../../i18n';
import { fail, fakeBackend, ok, type FakeBackend } from '../../test/fakeBackend';
import { dossierOf, sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { DecisionButtons, type DecisionTarget } from './DecisionButtons';

// The transport is the boundary: the buttons, dialogs, session and i18n above it run for real.
vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
const target: DecisionTarget = {
  stepId: 31,
  version: 4,
  code: 'JD-20261201-001',
  kind: 'dept_head',
};
const head = sessionOf(['dept_head']);

/** The request's status after each decision of its only open step. */
const AFTER = { approve: 'approved', return: 'returned', reject: 'rejected' } as const;

let fake: FakeBackend;
let onDone: Mock<(dossier: RequestDossier) => void>;
let onStale: Mock<() => void>;

beforeEach(() => {
  fake = fakeBackend({
    'approvals.decide': (input) => ok(dossierOf({ status: AFTER[input.action] })),
  });
  vi.mocked(call).mockImplementation(fake.call);
  onDone = vi.fn<(dossier: RequestDossier) => void>();
  onStale = vi.fn<() => void>();
});

async function show() {
  renderSignedIn(fake, head, <DecisionButtons target={target} onDone={onDone} onStale={onStale} />);
  return screen.findByTestId(`decide-${target.stepId}`);
}

/** The button whose text is `label` (its icon's name aside), as a person reads it. */
function button(scope: HTMLElement, label: string): HTMLElement {
  const found = [...scope.querySelectorAll<HTMLElement>('button')].filter(
    (b) => b.textContent?.trim() === label,
  );
  if (found.length !== 1) throw new Error(`${found.length} buttons "${label}"`);
  return found[0] as HTMLElement;
}
/** The approval's confirmation (a Popconfirm), once it is open. */
const confirmation = () =>
  waitFor(() => {
    const el = document.querySelector<HTMLElement>('.ant-popconfirm');
    if (!el) throw new Error('no confirmation yet');
    return el;
  });
const dialog = (title: string) => screen.getByRole('dialog', { name: title });

describe('DecisionButtons', () => {
  it('approves in two clicks: the button, then OK in the confirmation', async () => {
    const buttons = await show();
    fireEvent.click(button(buttons, t('requestViews.actions.approve')));
    const confirm = await confirmation();
    expect(
      within(confirm).getByText(t('requestViews.decide.approveConfirm', { code: target.code })),
    ).toBeTruthy();
    expect(fake.inputsOf('approvals.decide')).toEqual([]);

    fireEvent.click(button(confirm, t('requestViews.actions.approve')));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(fake.inputsOf('approvals.decide')).toEqual([
      { stepId: 31, version: 4, action: 'approve', comment: '' },
    ]);
    expect(onDone.mock.calls[0]?.[0]).toMatchObject({ status: 'approved' });
    expect(
      await screen.findByText(t('requestViews.decide.approved', { code: target.code })),
    ).toBeTruthy();
    expect(onStale).not.toHaveBeenCalled();
    expect(fake.unhandled).toEqual([]);
  });

  it.each(['return', 'reject'] as const)('%s asks for a reason and sends it', async (action) => {
    const buttons = await show();
    fireEvent.click(button(buttons, t(`requestViews.actions.${action}`)));
    const modal = dialog(t(`requestViews.decide.${action}Title`, { code: target.code }));

    // Without a reason nothing is sent.
    fireEvent.click(button(modal, t(`requestViews.actions.${action}`)));
    expect(await within(modal).findByText(t('validation.reasonRequired'))).toBeTruthy();
    expect(fake.inputsOf('approvals.decide')).toEqual([]);

    fireEvent.change(within(modal).getByRole('textbox'), {
      target: { value: '  请补充随行人员名单  ' },
    });
    expect(within(modal).queryByText(t('validation.reasonRequired'))).toBeNull();
    fireEvent.click(button(modal, t(`requestViews.actions.${action}`)));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(fake.inputsOf('approvals.decide')).toEqual([
      { stepId: 31, version: 4, action, comment: '请补充随行人员名单' },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('keeps the dialog open with the server’s message when the reason is refused', async () => {
    fake.on('approvals.decide', () =>
      fail('INVALID_INPUT', 'errors.INVALID_INPUT', undefined, {
        comment: { key: 'validation.tooLong', params: { max: 1000 } },
      }),
    );
    const buttons = await show();
    fireEvent.click(button(buttons, t('requestViews.actions.reject')));
    const modal = dialog(t('requestViews.decide.rejectTitle', { code: target.code }));
    fireEvent.change(within(modal).getByRole('textbox'), { target: { value: '不符合标准' } });
    fireEvent.click(button(modal, t('requestViews.actions.reject')));
    expect(await within(modal).findByText(t('validation.tooLong', { max: 1000 }))).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect(onStale).not.toHaveBeenCalled();
  });

  it('says when the step was already decided, and asks for a reload', async () => {
    fake.on('approvals.decide', () => fail('CONFLICT', 'errors.alreadyDecided', { by: '孙丽' }));
    const buttons = await show();
    fireEvent.click(button(buttons, t('requestViews.actions.approve')));
    const confirm = await confirmation();
    fireEvent.click(button(confirm, t('requestViews.actions.approve')));
    expect(await screen.findByText(t('errors.alreadyDecided', { by: '孙丽' }))).toBeTruthy();
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(onDone).not.toHaveBeenCalled();
    expect(fake.inputsOf('approvals.decide')).toHaveLength(1);
  });
});
