// @vitest-environment jsdom
import '../../test/jsdom';
import { screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InboxItem } from '../../../../shared/approvals/views';
import { call } from '../../api/client';
import { createQueryClient } from '../../api/queries';
import type * as ClientModule from '../../api/client';
import { fakeBackend, ok } from '../../test/fakeBackend';
import { dossierOf, sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { InboxPage } from './InboxPage';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

function item(id: number, code: string, retroactive: boolean): InboxItem {
  const d = dossierOf({ id, code, retroactive });
  return {
    request: d,
    step: {
      id: id * 10,
      revision: 1,
      seq: 1,
      kind: 'dept_head',
      reason: 'base',
      assigneeUserId: null,
      assigneeName: null,
      status: 'waiting',
      decidedBy: null,
      decidedByName: null,
      onBehalfOf: null,
      onBehalfOfName: null,
      decidedAtMs: null,
      pendingSinceMs: null,
      comment: '',
      version: 1,
    },
    onBehalfOfName: null,
    checks: [],
    changes: [],
  };
}

describe('InboxPage', () => {
  beforeEach(() => {
    const fake = fakeBackend({
      'approvals.inbox': () =>
        ok([item(7, 'JD-20261120-001', true), item(8, 'JD-20261201-002', false)]),
    });
    vi.mocked(call).mockImplementation(fake.call);
    renderSignedIn(
      fake,
      sessionOf(['dept_head']),
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter>
          <InboxPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  });

  it('marks a retroactive request as such on its row, and only that one', async () => {
    const rows = await screen.findAllByTestId('inbox-row');
    const row = (code: string) => rows.find((r) => r.dataset.code === code) as HTMLElement;
    expect(within(row('JD-20261120-001')).queryByTestId('retroactive')).not.toBeNull();
    expect(within(row('JD-20261201-002')).queryByTestId('retroactive')).toBeNull();
  });
});
