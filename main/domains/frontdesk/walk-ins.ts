import { hasPermission } from '../../../shared/auth';
import type { OpParsed } from '../../../shared/contract/operations';
import { wallClock } from '../../../shared/dates';
import { keysMatch, nameKeys, queryWords } from '../../../shared/frontdesk/keys';
import { maskPhone } from '../../../shared/frontdesk/rules';
import type { HostOption, MyWalkInsView, WalkInView } from '../../../shared/frontdesk/views';
import { matchWatch, watchNameKey } from '../../../shared/frontdesk/watch';
import { emptyRequestBody, orgKey, requestBodySchema } from '../../../shared/requests';
import type { DomainHandlers } from '../../core/handler';
import { requireActor, type Actor, type ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { notify } from '../notifications';
import { saveDraft } from '../requests';
import { callSettings, companyToday } from '../settings';
import { boardChanged, deskUsers } from './listeners';
import { activeWatch } from './watch-load';

/** At most this many hosts are offered as the clerk types. */
const MAX_HOSTS = 20;

function isDesk(actor: Actor): boolean {
  return hasPermission(actor.roles, 'frontdesk.desk');
}

function walkInQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('frontdeskWalkIns as w')
    .innerJoin('users as h', 'h.id', 'w.hostUserId')
    .leftJoin('requests as r', 'r.id', 'w.requestId')
    .leftJoin('frontdeskGuests as g', 'g.walkInId', 'w.id')
    .select([
      'w.id',
      'w.version',
      'w.day',
      'w.name',
      'w.orgName',
      'w.orgKey',
      'w.phone',
      'w.purpose',
      'w.hostUserId',
      'h.displayName as hostName',
      'w.status',
      'w.registeredAtMs',
      'w.answeredAtMs',
      'w.answerComment',
      'w.requestId',
      'r.status as requestStatus',
      'r.revision as requestRevision',
      'g.id as guestId',
      'g.arrivedAtMs',
      'g.leftAtMs',
      'g.badgeNo',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof walkInQuery>['execute']>>[number];

async function toViews(ctx: ServiceContext, rows: Row[]): Promise<WalkInView[]> {
  // The watchlist is the desk's and the admin office's: a host reading his walk-in is not told
  // (nor why), as he is not told at request time.
  const desk = ctx.actor !== null && isDesk(ctx.actor);
  const entries = rows.length > 0 && desk ? await activeWatch(ctx) : [];
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    day: r.day,
    name: r.name,
    orgName: r.orgName,
    phoneMasked: maskPhone(r.phone),
    purpose: r.purpose,
    hostUserId: r.hostUserId,
    hostName: r.hostName,
    status: r.status,
    registeredAtMs: r.registeredAtMs,
    answeredAtMs: r.answeredAtMs,
    answerComment: r.answerComment,
    requestId: r.requestId,
    toComplete: r.requestId !== null && r.requestStatus === 'draft' && r.requestRevision === 0,
    guestId: r.guestId,
    arrivedAtMs: r.arrivedAtMs,
    leftAtMs: r.leftAtMs,
    badgeNo: r.badgeNo ?? '',
    // The walk-in's own watch hits (no ID number is taken at registration).
    watch: matchWatch(entries, {
      nameKey: watchNameKey(r.name),
      orgKey: r.orgKey,
      phone: r.phone,
      idHash: '',
    }),
  }));
}

async function loadWalkIn(ctx: ServiceContext, id: number): Promise<WalkInView> {
  const rows = await walkInQuery(ctx).where('w.id', '=', id).execute();
  const [view] = await toViews(ctx, rows.slice(0, 1));
  if (!view) throw new AppError('NOT_FOUND', 'frontdesk.errors.walkInNotFound');
  return view;
}

/** A walk-in as its reader may see it: the desk, and the host it came to see; nobody else. */
async function readableWalkIn(ctx: ServiceContext, id: number): Promise<WalkInView> {
  const actor = requireActor(ctx);
  const view = await loadWalkIn(ctx, id);
  if (!isDesk(actor) && view.hostUserId !== actor.userId) {
    throw new AppError('NOT_FOUND', 'frontdesk.errors.walkInNotFound');
  }
  return view;
}

/**
 * Registers an unannounced visitor for today and asks the host. The notification and the audit
 * name no visitor (they outlive the retention period): ids, the day, the host.
 */
export async function registerWalkIn(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.registerWalkIn'>,
): Promise<WalkInView> {
  const actor = requireActor(ctx);
  const hostUserId = input.hostUserId ?? 0;
  const host = await ctx.db
    .selectFrom('users')
    .select(['id', 'disabled'])
    .where('id', '=', hostUserId)
    .executeTakeFirst();
  if (!host) throw new AppError('NOT_FOUND', 'frontdesk.errors.noHost');
  if (host.disabled === 1) throw new AppError('CONFLICT', 'frontdesk.errors.hostDisabled');
  const day = await companyToday(ctx);
  const { id } = await ctx.db
    .insertInto('frontdeskWalkIns')
    .values({
      day,
      name: input.name,
      orgName: input.orgName,
      orgKey: orgKey(input.orgName),
      phone: input.phone,
      purpose: input.purpose,
      hostUserId,
      status: 'pending',
      registeredBy: actor.userId,
      registeredAtMs: ctx.nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await notify(
    ctx,
    [hostUserId],
    'frontdesk.walkIn',
    'frontdesk.notice.walkInWaiting',
    { org: input.orgName || '—' },
    { type: 'walkIn', id },
  );
  ctx.audit({ entityType: 'frontdesk_walk_in', entityId: id, summary: { day, hostUserId } });
  await boardChanged(ctx, day, [hostUserId]);
  return loadWalkIn(ctx, id);
}

/** A day's walk-ins, newest first (phones masked). */
export async function walkIns(ctx: ServiceContext, day: string): Promise<WalkInView[]> {
  const rows = await walkInQuery(ctx)
    .where('w.day', '=', day)
    .orderBy('w.registeredAtMs', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
  return toViews(ctx, rows);
}

/**
 * The host's answer. Accepting creates his retroactive request (事后补办) as a draft he completes
 * and submits; declining records the answer. A second answer (the double click, or a version the
 * caller did not see) is refused and changes nothing.
 */
export async function answerWalkIn(
  ctx: ServiceContext,
  input: OpParsed<'frontdesk.answerWalkIn'>,
): Promise<WalkInView> {
  const actor = requireActor(ctx);
  const w = await readableWalkIn(ctx, input.id);
  if (w.hostUserId !== actor.userId) {
    throw new AppError('FORBIDDEN', 'frontdesk.errors.notYourWalkIn');
  }
  if (w.status !== 'pending' || w.version !== input.version) {
    throw new AppError('CONFLICT', 'frontdesk.errors.walkInAnswered');
  }
  let requestId: number | null = null;
  if (input.accept) {
    const { timeZone } = await callSettings(ctx);
    const at = wallClock(w.registeredAtMs, timeZone);
    const hhmm = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
    const full = await ctx.db
      .selectFrom('frontdeskWalkIns')
      .select(['name', 'phone'])
      .where('id', '=', w.id)
      .executeTakeFirstOrThrow();
    // A minimal draft the host completes (times, tier, needs) and submits: it is his alone.
    const body = requestBodySchema.parse({
      ...emptyRequestBody(),
      orgName: w.orgName,
      purpose: w.purpose,
      arrivalDate: w.day,
      arrivalTime: hhmm,
      departureDate: w.day,
      visitors: [
        {
          name: full.name,
          title: '',
          phone: full.phone,
          idType: null,
          idNumber: '',
          notes: '',
        },
      ],
      retroactive: true,
      retroactiveReason: `未预约来访，前台登记于 ${w.day} ${hhmm}`,
    });
    const draft = await saveDraft(ctx, { id: null, version: null, body });
    requestId = draft.id;
  }
  const done = await ctx.db
    .updateTable('frontdeskWalkIns')
    .set((eb) => ({
      status: input.accept ? 'accepted' : 'declined',
      answeredAtMs: ctx.nowMs,
      answerComment: input.comment,
      requestId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', w.id)
    .where('version', '=', input.version)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    throw new AppError('CONFLICT', 'frontdesk.errors.walkInAnswered');
  }
  const desk = await deskUsers(ctx.db);
  await notify(
    ctx,
    desk,
    'frontdesk.walkInAnswered',
    // One message per answer: a word passed as a parameter would stay in one language.
    input.accept ? 'frontdesk.notice.walkInAccepted' : 'frontdesk.notice.walkInDeclined',
    { host: actor.displayName, org: w.orgName || '—' },
    null,
  );
  ctx.audit({
    entityType: 'frontdesk_walk_in',
    entityId: w.id,
    summary: { day: w.day, accept: input.accept, ...(requestId ? { requestId } : {}) },
  });
  await boardChanged(ctx, w.day, [w.hostUserId], requestId ? [requestId] : []);
  return loadWalkIn(ctx, w.id);
}

/** The caller's walk-ins: waiting for his answer, and accepted ones whose request he owes. */
export async function myWalkIns(ctx: ServiceContext): Promise<MyWalkInsView> {
  const actor = requireActor(ctx);
  const waiting = await walkInQuery(ctx)
    .where('w.hostUserId', '=', actor.userId)
    .where('w.status', '=', 'pending')
    .orderBy('w.registeredAtMs', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
  const owed = await walkInQuery(ctx)
    .where('w.hostUserId', '=', actor.userId)
    .where('w.status', '=', 'accepted')
    .where('r.status', '=', 'draft')
    .where('r.revision', '=', 0)
    .orderBy('w.registeredAtMs', 'desc')
    .orderBy('w.id', 'desc')
    .execute();
  return { waiting: await toViews(ctx, waiting), toComplete: await toViews(ctx, owed) };
}

/**
 * Whom a walk-in may come to see: active users by name, pinyin initials or department. A small
 * company's users are read whole and filtered in memory (a few hundred rows at most); a bigger
 * one would keep the keys in a column with an index.
 */
export async function hosts(ctx: ServiceContext, query: string): Promise<HostOption[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .leftJoin('departments', 'departments.id', 'users.departmentId')
    .select(['users.id', 'users.displayName', 'users.phone', 'departments.name as departmentName'])
    .where('users.disabled', '=', 0)
    .orderBy('users.displayName')
    .orderBy('users.id')
    .execute();
  const words = queryWords(query);
  return rows
    .filter((r) =>
      keysMatch(`${nameKeys(r.displayName)} ${(r.departmentName ?? '').toLowerCase()}`, words),
    )
    .slice(0, MAX_HOSTS)
    .map((r) => ({
      userId: r.id,
      displayName: r.displayName,
      departmentName: r.departmentName ?? '',
      phone: r.phone,
    }));
}

export const walkInHandlers: DomainHandlers<
  | 'frontdesk.registerWalkIn'
  | 'frontdesk.walkIns'
  | 'frontdesk.walkIn'
  | 'frontdesk.answerWalkIn'
  | 'frontdesk.myWalkIns'
  | 'frontdesk.hosts'
> = {
  'frontdesk.registerWalkIn': (ctx, input) => registerWalkIn(ctx, input),
  'frontdesk.walkIns': (ctx, input) => walkIns(ctx, input.day),
  'frontdesk.walkIn': (ctx, input) => readableWalkIn(ctx, input.id),
  'frontdesk.answerWalkIn': (ctx, input) => answerWalkIn(ctx, input),
  'frontdesk.myWalkIns': (ctx) => myWalkIns(ctx),
  'frontdesk.hosts': (ctx, input) => hosts(ctx, input.query),
};
