// @vitest-environment jsdom
import '../../../test/jsdom';
import { act, screen, waitFor } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { estimateBudget, evaluateChecks, planChain } from '../../../../../shared/policy/evaluate';
import { DEFAULT_POLICY } from '../../../../../shared/policy/policy';
import {
  emptyRequestBody,
  requestBodySchema,
  type RequestBody,
} from '../../../../../shared/requests/schema';
import type { RequestPreview } from '../../../../../shared/requests/views';
import type * as ClientModule from '../../../api/client';
import { call } from '../../../api/client';
import { useZodForm } from '../../../components/form';
import { formatMoney } from '../../../format';
import i18n from '../../../i18n';
import { fakeBackend, ok, type FakeBackend } from '../../../test/fakeBackend';
import { requestBody } from '../../../test/fixtures';
import { renderUi } from '../../../test/render';
import {
  DirectoryContext,
  PreviewContext,
  type Directory,
  type FormValues,
  type PreviewState,
  type RequestFormApi,
} from './common';
import { formIssues } from './readiness';
import { toPreviewBody } from './previewBody';
import { SidePanel } from './SidePanel';

// The transport is the boundary: the panel, the form and i18n above it run for real.
vi.mock('../../../api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));

const t = i18n.t.bind(i18n);
const money = (fen: number) => formatMoney(fen, 'zh-CN');
const TODAY = '2026-12-01';

/**
 * A C-tier client visit that trips one check of each severity: it arrives yesterday (block), the
 * dinner is over the cap and the company pays the hotel (approval: an executive joins the chain),
 * and the car is on request for tier C (warn).
 */
const body: RequestBody = requestBody({
  tier: 'C',
  orgCategory: 'client',
  arrivalDate: '2026-11-30',
  departureDate: '2026-12-02',
  needs: {
    ...requestBody().needs,
    pickup: true,
    companyPaysLodging: true,
    hotelNights: 2,
    hotelRooms: 1,
    meals: [{ date: '2026-11-30', meal: 'dinner', perHeadFen: 150_00 }],
  },
});

/** What main's `requests.preview` computes, from the same shared rules. */
function previewOf(b: RequestBody): RequestPreview {
  const checks = evaluateChecks(b, DEFAULT_POLICY, { today: TODAY, otherVisitDates: [] });
  return {
    policyVersion: 3,
    today: TODAY,
    suggestedTier: DEFAULT_POLICY.suggestedTier[b.orgCategory],
    checks,
    budget: estimateBudget(b, DEFAULT_POLICY),
    chain: planChain(b, DEFAULT_POLICY, checks),
  };
}

/** The form page's wiring around the panel: the policy and the live preview, through `call`. */
function Harness({
  initial = body,
  mark,
}: {
  initial?: FormValues;
  /** Marks fields red as a refused submit does. */
  mark?: (form: RequestFormApi) => void;
}) {
  const form = useZodForm(requestBodySchema, initial);
  const [directory, setDirectory] = useState<Directory>({
    policy: null,
    departments: [],
    users: [],
  });
  const [preview, setPreview] = useState<PreviewState>({
    preview: null,
    pending: true,
    failed: null,
    issues: formIssues(initial),
  });
  useEffect(() => {
    mark?.(form);
    void call('policy.get', {}).then((r) => {
      if (r.ok) setDirectory((d) => ({ ...d, policy: r.value }));
    });
    const input = toPreviewBody(form.getValues());
    if (input) {
      void call('requests.preview', { id: null, body: input }).then((r) => {
        if (r.ok) setPreview((p) => ({ ...p, preview: r.value, pending: false }));
      });
    }
  }, [form, mark]);
  return (
    <FormProvider {...form}>
      <DirectoryContext.Provider value={directory}>
        <PreviewContext.Provider value={preview}>
          <SidePanel />
        </PreviewContext.Provider>
      </DirectoryContext.Provider>
    </FormProvider>
  );
}

let fake: FakeBackend;
let answerPreview: () => void;

beforeEach(() => {
  fake = fakeBackend({
    'policy.get': () =>
      ok({ version: 3, policy: DEFAULT_POLICY, createdAtMs: Date.UTC(2026, 10, 1), note: '' }),
    // The preview answers when the test says so, to see the panel before and after.
    'requests.preview': (input) =>
      new Promise((resolve) => {
        answerPreview = () => resolve(ok(previewOf(requestBodySchema.parse(input.body))));
      }),
  });
  vi.mocked(call).mockImplementation(fake.call);
});

const panel = () => screen.getByTestId('request-panel');
const texts = (selector: string) =>
  [...panel().querySelectorAll(selector)].map((el) => el.textContent?.trim());

describe('SidePanel', () => {
  it('shows the tier’s caps, then the checks, budget and chain of the preview', async () => {
    renderUi(<Harness />);

    // The tier's standard comes from the policy, before any preview.
    await waitFor(() =>
      expect(panel().textContent).toContain(
        t('requestForm.panel.perMeal', { amount: money(100_00) }),
      ),
    );
    expect(panel().textContent).toContain(t('requestForm.panel.tierTitle', { tier: 'C' }));
    expect(panel().textContent).toContain(t(`requestForm.vehicle.on_request`));
    expect(panel().textContent).toContain(t('requestForm.panel.updating'));
    expect(panel().textContent).toContain(t('requestForm.panel.checksWaiting'));
    expect(screen.queryByTestId('panel-checks')).toBeNull();

    // The preview was asked for the body on the form.
    const [asked] = fake.inputsOf('requests.preview');
    expect(asked?.id).toBeNull();
    expect(asked?.body).toMatchObject({ tier: 'C', arrivalDate: '2026-11-30' });

    const expected = previewOf(body);
    await act(async () => answerPreview());
    await screen.findByTestId('panel-checks');

    // Checks, most severe first, each with its title and its sentence.
    const codes = [...panel().querySelectorAll('[data-testid="panel-checks"] li')].map((li) => [
      li.getAttribute('data-code'),
      li.className.replace('rf-check-item ', ''),
    ]);
    expect(codes).toEqual([
      ['arrival_in_past', 'rf-check-block'],
      ['meal_over_cap', 'rf-check-approval'],
      ['company_lodging', 'rf-check-approval'],
      ['vehicle_on_request', 'rf-check-warn'],
    ]);
    expect(texts('.rf-check-counts .ant-tag')).toEqual([
      t('requestForm.panel.summaryBlock', { count: 1 }),
      t('requestForm.panel.summaryApproval', { count: 2 }),
      t('requestForm.panel.summaryWarn', { count: 1 }),
    ]);
    expect(panel().textContent).toContain(t('requestForm.checkTitles.meal_over_cap'));
    // Every field is filled in: nothing listed as missing.
    expect(screen.queryByTestId('panel-incomplete')).toBeNull();

    // The budget total and the policy version of the preview.
    expect(screen.getByTestId('panel-budget-total').textContent).toBe(
      money(expected.budget.totalFen),
    );
    expect(panel().textContent).toContain(t('requestForm.panel.policyVersion', { version: 3 }));
    expect(panel().textContent).not.toContain(t('requestForm.panel.updating'));

    // The chain: the executive joins because of the first check that asks for one.
    const steps = [...panel().querySelectorAll('.rf-chain .ant-steps-item')].map((step) => [
      step.querySelector('.ant-steps-item-title')?.textContent,
      step.querySelector('.ant-steps-item-content')?.textContent ?? null,
    ]);
    expect(steps).toEqual([
      [t('labels.stepKind.dept_head'), null],
      [
        t('labels.stepKind.executive'),
        t('requestForm.chain.addedBecause', { reason: t('requestForm.checkTitles.meal_over_cap') }),
      ],
      [t('labels.stepKind.admin_office'), null],
    ]);
    expect(fake.unhandled).toEqual([]);
  });

  it('says nothing is wrong only when nothing is: a blank form is waiting for input', async () => {
    renderUi(<Harness initial={emptyRequestBody()} />);
    await act(async () => answerPreview());
    await waitFor(() => expect(panel().textContent).not.toContain(t('requestForm.panel.updating')));
    expect(panel().textContent).toContain(t('requestForm.panel.checksWaiting'));
    expect(panel().textContent).not.toContain(t('requestForm.panel.noChecks'));
    expect(screen.queryByTestId('panel-incomplete')).toBeNull();
  });

  it('lists the fields still to fill in, in the order of the form, as links to them', async () => {
    const values: FormValues = {
      ...emptyRequestBody(),
      orgName: '华东电力设计院',
      visitors: [{ ...body.visitors[0]!, phone: '12' }],
    };
    renderUi(<Harness initial={values} />);
    await act(async () => answerPreview());
    const list = await screen.findByTestId('panel-incomplete');
    const items = [...list.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      `${t('requestForm.fields.purpose')}${t('requestForm.labelSeparator')}${t('validation.required')}`,
      `${t('requestForm.fields.arrivalDate')}${t('requestForm.labelSeparator')}${t('validation.required')}`,
      `${t('requestForm.fields.arrivalTime')}${t('requestForm.labelSeparator')}${t('validation.required')}`,
      `${t('requestForm.fields.departureDate')}${t('requestForm.labelSeparator')}${t('validation.required')}`,
      `${t('requestForm.fields.departureTime')}${t('requestForm.labelSeparator')}${t('validation.required')}`,
      `${t('requestForm.fields.visitors')} ${t('requestForm.visitors.rowLabel', { row: 1 })} · ${t('requestForm.visitors.phone')}${t('requestForm.labelSeparator')}${t('validation.phone')}`,
    ]);
    expect(texts('.rf-check-counts .ant-tag')[0]).toBe(
      t('requestForm.panel.summaryIncomplete', { count: 6 }),
    );
    expect(panel().textContent).not.toContain(t('requestForm.panel.noChecks'));
  });

  it('counts what a refused submit marked red, even on a blank form', async () => {
    const mark = (form: RequestFormApi) => {
      form.setError('orgName', { type: '{}', message: 'validation.required' });
      form.setError('visitors', { type: '{}', message: 'validation.visitorsRequired' });
    };
    renderUi(<Harness initial={emptyRequestBody()} mark={mark} />);
    await act(async () => answerPreview());
    const list = await screen.findByTestId('panel-incomplete');
    expect(list.querySelectorAll('li')).toHaveLength(2);
    expect(panel().textContent).toContain(t('requestForm.panel.summaryIncomplete', { count: 2 }));
    expect(panel().textContent).not.toContain(t('requestForm.panel.noChecks'));
  });
});
