// @vitest-environment jsdom
import '../../test/jsdom';
import { fireEvent, screen, within } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../../../shared/policy';
import { neededRoles, setupChecklist, type ChecklistFacts } from '../../../../shared/setup';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import { createQueryClient } from '../../api/queries';
import { fakeBackend, ok } from '../../test/fakeBackend';
import { sessionOf } from '../../test/fixtures';
import { renderSignedIn } from '../../test/render';
import { SetupChecklistCard } from './SetupChecklistCard';

vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const FRESH: ChecklistFacts = {
  companyName: '示例科技',
  timeZone: 'Asia/Shanghai',
  timeZoneConfirmed: true,
  departments: [
    { name: '销售部', hasActiveHead: false },
    { name: '财务部', hasActiveHead: false },
  ],
  activeByRole: { sysadmin: 1, host: 3, dept_head: 1, admin_office: 1 },
  neededRoles: neededRoles(DEFAULT_POLICY.chains),
  policyReviewed: false,
};

function show(facts: ChecklistFacts) {
  const fake = fakeBackend({ 'setup.checklist': () => ok(setupChecklist(facts)) });
  vi.mocked(call).mockImplementation(fake.call);
  return renderSignedIn(
    fake,
    sessionOf(['sysadmin']),
    <QueryClientProvider client={createQueryClient()}>
      <MemoryRouter>
        <Routes>
          <Route path="/" element={<SetupChecklistCard />} />
          <Route path="/departments" element={<h1>部门页</h1>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SetupChecklistCard', () => {
  it('says what each line lacks and opens the page that fixes it', async () => {
    show(FRESH);
    const card = await screen.findByTestId('setup-checklist');
    expect(within(card).getByText('已完成 1/4 项')).toBeTruthy();
    const departments = within(card).getByTestId('setup-line-departments');
    expect(departments.textContent).toContain('2 个部门没有负责人：销售部、财务部。');
    const roles = within(card).getByTestId('setup-line-roles');
    expect(roles.textContent).toContain('还没有在用的“公司领导”，A 类、B 类接待的审批需要。');
    // A done line says so and has nothing to fix.
    const company = within(card).getByTestId('setup-line-company');
    expect(company.textContent).toContain('已完成');
    expect(within(company).queryByRole('button')).toBeNull();

    fireEvent.click(within(departments).getByRole('button', { name: '去处理: 部门及其负责人' }));
    expect(await screen.findByRole('heading', { name: '部门页' })).toBeTruthy();
  });

  it('is gone once everything is done', async () => {
    const r = show({
      ...FRESH,
      departments: [{ name: '销售部', hasActiveHead: true }],
      activeByRole: { host: 1, dept_head: 1, executive: 1, admin_office: 1 },
      policyReviewed: true,
    });
    await vi.waitFor(() => expect(vi.mocked(call)).toHaveBeenCalledWith('setup.checklist', {}));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(r.container.querySelector('[data-testid="setup-checklist"]')).toBeNull();
  });
});
