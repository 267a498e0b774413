import type { Kysely } from 'kysely';
import type { RequestEventKind, RequestEventView } from '../../../shared/requests/views';
import type { DB } from '../../db/schema';
import { parseJson, toJson } from '../../core/json';

/** A request's timeline (the dossier's history): who did what, when, on whose behalf. */

export interface NewEvent {
  requestId: number;
  atMs: number;
  actorUserId: number | null;
  onBehalfOfUserId?: number | null;
  kind: RequestEventKind;
  stepId?: number | null;
  comment?: string;
  data?: Record<string, unknown>;
}

export async function addEvent(db: Kysely<DB>, e: NewEvent): Promise<void> {
  await db
    .insertInto('requestEvents')
    .values({
      requestId: e.requestId,
      atMs: e.atMs,
      actorUserId: e.actorUserId,
      onBehalfOfUserId: e.onBehalfOfUserId ?? null,
      kind: e.kind,
      stepId: e.stepId ?? null,
      comment: e.comment ?? '',
      data: toJson(e.data ?? {}),
    })
    .execute();
}

export async function loadEvents(db: Kysely<DB>, requestId: number): Promise<RequestEventView[]> {
  const rows = await db
    .selectFrom('requestEvents as e')
    .leftJoin('users as a', 'a.id', 'e.actorUserId')
    .leftJoin('users as b', 'b.id', 'e.onBehalfOfUserId')
    .select([
      'e.id',
      'e.atMs',
      'a.displayName as actorName',
      'b.displayName as onBehalfOfName',
      'e.kind',
      'e.comment',
      'e.data',
    ])
    .where('e.requestId', '=', requestId)
    .orderBy('e.atMs')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, data: parseJson(r.data) }));
}

/** Whether `userId` is on the request's timeline, as actor or as the one acted for. */
export async function actedOn(db: Kysely<DB>, requestId: number, userId: number) {
  const row = await db
    .selectFrom('requestEvents')
    .select('id')
    .where('requestId', '=', requestId)
    .where((eb) => eb.or([eb('actorUserId', '=', userId), eb('onBehalfOfUserId', '=', userId)]))
    .executeTakeFirst();
  return row !== undefined;
}
