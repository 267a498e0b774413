import type { Kysely } from 'kysely';
import {
  nextStatus,
  type RequestAction,
  type RequestStatus,
} from '../../../shared/requests/lifecycle';
import type { DB } from '../../db/schema';
import { AppError } from '../../core/errors';

/** Moves a request along the life cycle or refuses: the only place a status changes. */
export async function transition(
  db: Kysely<DB>,
  id: number,
  from: RequestStatus,
  action: RequestAction,
  nowMs: number,
): Promise<RequestStatus> {
  const to = nextStatus(from, action);
  if (!to) throw new AppError('CONFLICT', 'errors.badTransition', { from, action });
  const res = await db
    .updateTable('requests')
    .set((eb) => ({ status: to, version: eb('version', '+', 1), updatedAtMs: nowMs }))
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT', 'errors.staleRequest');
  return to;
}
