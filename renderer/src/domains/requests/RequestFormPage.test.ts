// @vitest-environment jsdom
import '../../test/jsdom';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createElement, useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OperationName } from '../../../../shared/contract/names';
import type { SessionInfo } from '../../../../shared/contract/types';
import { DEFAULT_POLICY } from '../../../../shared/policy/policy';
import { emptyRequestBody, requestBodySchema } from '../../../../shared/requests/schema';
import type { RequestDossier } from '../../../../shared/requests/views';
import type { Result } from '../../../../shared/result';
import { call } from '../../api/client';
import type * as ClientModule from '../../api/client';
import { createQueryClient, invalidateForEvent, opKey } from '../../api/queries';
import { useZodForm } from '../../components/form';
import type * as SessionModule from '../../session/SessionContext';
import type { FormValues } from './form/common';
import type { RequestFormProps } from './form/RequestForm';
import { RequestFormPage } from './RequestFormPage';

// The transport is the boundary: the query layer and the page run for real.
vi.mock('../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));
const session: SessionInfo = {
  user: {
    id: 3,
    login: 'host',
    displayName: 'Host',
    departmentId: null,
    departmentName: null,
    roles: ['host'],
    phone: '',
    language: 'zh-CN',
    disabled: false,
    lockedUntilMs: null,
    mustChangePassword: false,
    createdAtMs: 0,
  },
  permissions: ['requests.create'],
  headOf: [],
  settings: {
    companyName: '',
    timeZone: 'Asia/Shanghai',
    idleLockMinutes: 10,
    reimbursementDays: 7,
    demo: false,
  },
  locked: false,
};
vi.mock('../../session/SessionContext', async (importOriginal) => ({
  ...(await importOriginal<typeof SessionModule>()),
  useSignedIn: () => session,
  useSession: () => ({ session, can: () => true }),
}));

/**
 * The real form takes seconds to render in jsdom; this stand-in keeps what matters here: a
 * react-hook-form form started from the `initial` it is given, and a record of every mount and
 * of the request version each render was given.
 */
const seen = vi.hoisted(() => ({ mounts: 0, versions: [] as (number | null)[] }));
vi.mock('./form/RequestForm', () => ({ RequestForm: StandInForm }));
function StandInForm({ initial, dossier }: RequestFormProps) {
  const form = useZodForm(requestBodySchema, initial as FormValues);
  useState(() => (seen.mounts += 1));
  seen.versions.push(dossier?.version ?? null);
  return createElement('input', { id: 'orgName', ...form.register('orgName') });
}

const mockedCall = vi.mocked(call);

function dossier(orgName: string, version: number, canEdit = true): RequestDossier {
  const partial: Partial<RequestDossier> = {
    id: 7,
    code: 'JD-2026-0007',
    status: 'draft',
    version,
    canEdit,
    events: [],
    body: { ...emptyRequestBody(), orgName },
  };
  return partial as RequestDossier;
}

/** How the fake main answers `requests.get`; a test may hold it back to play a slow read. */
let answerGet: () => Promise<Result<RequestDossier>>;
const reads: OperationName[] = [];

beforeEach(() => {
  answerGet = () => Promise.resolve({ ok: true, value: dossier('Opened Org', 1) });
  mockedCall.mockImplementation((op) => {
    reads.push(op);
    const value = (v: unknown) => Promise.resolve({ ok: true, value: v } as Result<never>);
    switch (op) {
      case 'policy.get':
        return value({ version: 1, policy: DEFAULT_POLICY, createdAtMs: 0, note: '' });
      case 'departments.list':
      case 'users.directory':
        return value([]);
      case 'requests.get':
        return answerGet() as Promise<Result<never>>;
      default:
        throw new Error(`unexpected call ${op}`);
    }
  });
});

let client: QueryClient;
afterEach(() => {
  client.clear();
  mockedCall.mockReset();
  reads.length = 0;
  seen.mounts = 0;
  seen.versions.length = 0;
});

function renderForm(seed?: (client: QueryClient) => void) {
  client = createQueryClient();
  seed?.(client);
  const router = createMemoryRouter(
    [{ path: '/requests/:id/edit', element: createElement(RequestFormPage) }],
    { initialEntries: ['/requests/7/edit'] },
  );
  render(
    createElement(
      QueryClientProvider,
      { client },
      createElement(AntApp, null, createElement(RouterProvider, { router })),
    ),
  );
}

const orgInput = () => document.getElementById('orgName') as HTMLInputElement | null;
const type = (value: string) =>
  fireEvent.change(orgInput() as HTMLInputElement, { target: { value } });

describe('the request form and background reads', () => {
  it('keeps what was typed when an event, a refetch or a cache write brings a newer request', async () => {
    renderForm();
    await waitFor(() => expect(orgInput()?.value).toBe('Opened Org'));
    type('Typed Org');

    // Someone else changed the request: an approval event naming it, a refetch of everything,
    // and a write elsewhere putting into the cache a dossier the host may no longer edit.
    answerGet = () => Promise.resolve({ ok: true, value: dossier('Changed Elsewhere', 2) });
    await act(async () => {
      await invalidateForEvent(client, 'approvals.changed', { requestId: 7 });
      await client.refetchQueries();
      client.setQueryData(opKey('requests.get', { id: 7 }), dossier('Changed Elsewhere', 3, false));
    });

    expect(orgInput()?.value).toBe('Typed Org');
    expect(seen.mounts).toBe(1);
    // The save still claims the version the form opened on.
    expect(new Set(seen.versions)).toEqual(new Set([1]));
    // Read once when the form opened, never again.
    expect(reads.filter((op) => op === 'requests.get')).toHaveLength(1);
  });

  it('a failed re-read (a locked session) neither resets nor unmounts the form', async () => {
    renderForm();
    await waitFor(() => expect(orgInput()?.value).toBe('Opened Org'));
    type('Typed Org');

    answerGet = () =>
      Promise.resolve({
        ok: false,
        error: { code: 'SESSION_LOCKED', key: 'errors.SESSION_LOCKED', message: 'Locked.' },
      });
    await act(async () => {
      await client.invalidateQueries();
    });

    expect(orgInput()?.value).toBe('Typed Org');
    expect(seen.mounts).toBe(1);
    expect(screen.queryByText('errors.SESSION_LOCKED')).toBeNull();
  });

  it('opens on a fresh read rather than a cached copy, and a late answer resets nothing', async () => {
    let answer: (r: Result<RequestDossier>) => void = () => undefined;
    answerGet = () => new Promise((resolve) => (answer = resolve));
    renderForm((c) => c.setQueryData(opKey('requests.get', { id: 7 }), dossier('Cached Org', 1)));

    // The cached copy may be out of date (a save claims its version): no form yet.
    await waitFor(() => expect(reads).toContain('requests.get'));
    expect(orgInput()).toBeNull();

    await act(async () => answer({ ok: true, value: dossier('Fresh Org', 2) }));
    await waitFor(() => expect(orgInput()?.value).toBe('Fresh Org'));
    type('Typed Org');

    answerGet = () => Promise.resolve({ ok: true, value: dossier('Later Org', 3) });
    await act(async () => {
      await client.refetchQueries();
    });
    expect(orgInput()?.value).toBe('Typed Org');
    expect(seen.mounts).toBe(1);
    expect(new Set(seen.versions)).toEqual(new Set([2]));
  });
});
