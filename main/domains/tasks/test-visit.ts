/** Test helpers of the tasks domain (used by its tests and audit scenarios). */
import type { RequestBody } from '../../../shared/requests';
import { decideAs, submitted, type Reception, type TestApp } from '../../test-support';

/**
 * A request submitted by the host, approved by his department head and filed by the admin office
 * (the C-tier chain of the unit tests' company): the visit's tasks exist. Returns its id.
 */
export async function filedVisit(
  t: TestApp,
  r: Reception,
  overrides: Partial<RequestBody> = {},
): Promise<number> {
  const d = await submitted(t, r, overrides);
  await decideAs(t, r.head.token, d.id);
  const filed = await decideAs(t, r.office.token, d.id);
  if (filed.status !== 'filed') throw new Error(`request ${d.id} is ${filed.status}, not filed`);
  return d.id;
}

/** The id of the request's task of this kind (read straight from the table). */
export function taskId(t: TestApp, requestId: number, kind: string): number {
  const row = t.rows<{ id: number }>(
    'SELECT id FROM tasks WHERE request_id = ? AND kind = ?',
    requestId,
    kind,
  )[0];
  if (!row) throw new Error(`request ${requestId} has no ${kind} task`);
  return row.id;
}
