import type { RequestBody } from '../../../shared/requests';
import { matchWatch, watchNameKey, type WatchCandidate } from '../../../shared/frontdesk/watch';
import type { ServiceContext } from '../../core/context';
import { parseJson } from '../../core/json';
import { notify } from '../notifications';
import { activeWatch, idHash } from './watch-load';

/** Every active user of the admin office: who keeps the watchlist and is told of its hits. */
async function watchKeepers(ctx: ServiceContext): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('userRoles')
    .innerJoin('users', 'users.id', 'userRoles.userId')
    .select('users.id')
    .where('userRoles.role', '=', 'admin_office')
    .where('users.disabled', '=', 0)
    .execute();
  return [...new Set(rows.map((r) => r.id))];
}

/**
 * The request-time check: a request just submitted (or resubmitted) is matched against the active
 * watchlist — its organisation and each visitor's name, phone and ID (by its hash). On any hit the
 * admin office is told; the notification names the visit (code, organisation), never the visitor
 * nor what matched. Returns the ids of the entries hit. The requests domain calls this from its
 * submit path (at run time only: the two domains import each other).
 */
export async function watchRequestVisitors(
  ctx: ServiceContext,
  requestId: number,
): Promise<number[]> {
  const entries = await activeWatch(ctx);
  if (entries.length === 0) return [];
  const r = await ctx.db
    .selectFrom('requests')
    .select(['id', 'code', 'orgName', 'orgKey', 'body'])
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (!r) return [];
  const body = parseJson(r.body) as RequestBody;
  const candidates: WatchCandidate[] = [
    // The organisation itself, for entries on the organisation (a visit may list no visitor yet).
    { nameKey: '', orgKey: r.orgKey, phone: '', idHash: '' },
  ];
  for (const v of body.visitors) {
    candidates.push({
      nameKey: watchNameKey(v.name),
      orgKey: r.orgKey,
      phone: v.phone,
      idHash: await idHash(ctx, v.idNumber),
    });
  }
  const hit = new Set<number>();
  for (const c of candidates) for (const h of matchWatch(entries, c)) hit.add(h.watchId);
  if (hit.size === 0) return [];
  await notify(
    ctx,
    await watchKeepers(ctx),
    'frontdesk.watch',
    'frontdesk.notice.watchMatch',
    { code: r.code, org: r.orgName },
    { type: 'request', id: r.id },
  );
  return [...hit];
}
