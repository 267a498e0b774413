/**
 * The inputs the unit tests (main/test-support.ts) and the browser journeys
 * (e2e/support/requests.ts) share. Pure data: no Node, no database, no test runner.
 */
import { emptyRequestBody, type RequestBody, type Visitor } from '../shared/requests/schema';

/** A visitor with only a name (and what `extra` adds). */
export function visitor(name: string, extra: Partial<Visitor> = {}): Visitor {
  return { name, title: '', phone: '', idType: null, idNumber: '', notes: '', ...extra };
}

/**
 * A C-tier client visit on 2026-12-01 (four days after the unit tests' frozen now): two
 * visitors, one companion, a meeting room and one lunch at the cap. Passes every check.
 */
export function requestBody(overrides: Partial<RequestBody> = {}): RequestBody {
  const body = emptyRequestBody();
  return {
    ...body,
    orgName: '华东精密仪器有限公司',
    orgCategory: 'client',
    tier: 'C',
    purpose: '洽谈年度采购合同，参观生产线',
    arrivalDate: '2026-12-01',
    arrivalTime: '09:30',
    departureDate: '2026-12-01',
    departureTime: '17:00',
    visitors: [
      visitor('陈立', { title: '采购总监', phone: '13800138000' }),
      visitor('Anna Müller', { title: 'Engineer' }),
    ],
    companions: [{ userId: null, name: '销售经理' }],
    needs: {
      ...body.needs,
      meetingRoom: true,
      meals: [{ date: '2026-12-01', meal: 'lunch', perHeadFen: null }],
    },
    ...overrides,
  };
}

/**
 * The same visit on other days (the browser journeys run on the real clock): arriving on
 * `arrivalDate`, leaving on `departureDate`, with its lunch on the day of arrival.
 */
export function requestBodyOn(
  arrivalDate: string,
  departureDate: string,
  overrides: Partial<RequestBody> = {},
): RequestBody {
  const body = requestBody();
  return requestBody({
    arrivalDate,
    departureDate,
    needs: { ...body.needs, meals: [{ date: arrivalDate, meal: 'lunch', perHeadFen: null }] },
    ...overrides,
  });
}

/** The input of approvals.decide on a step of a dossier, or on its `myStep`. */
export function decision(
  step: { id: number; version: number } | { stepId: number; version: number },
  action: 'approve' | 'reject' | 'return' = 'approve',
  comment = '',
) {
  const stepId = 'stepId' in step ? step.stepId : step.id;
  return { stepId, version: step.version, action, comment };
}
