import type { RequestEventView } from '../../../../../shared/requests/views';
import type { ApprovalStepView } from '../../../../../shared/approvals';
import type { Budget, BudgetLineEstimate } from '../../../../../shared/policy';
import { maskIdNumber } from '../../../../../shared/frontdesk';
import type { RequestBody, Visitor } from '../../../../../shared/requests/schema';
import { DASH } from './format';
import type { Fmt } from './useFmt';

/**
 * Texts shared by the dossier and the printed form, so both say the same thing the same way.
 */

export interface Row {
  key: string;
  label: string;
  value: string;
}

/** The needs as readable rows (用车, 会议, 住宿, 用餐, 礼品, 布置, 其他); `不需要` when empty. */
export function needsRows(body: RequestBody, headcount: number, fmt: Fmt): Row[] {
  const { t } = fmt;
  const n = body.needs;
  const none = t('requestViews.needs.none');
  const join = (parts: (string | false)[], clauses = false) => {
    const kept = parts.filter((p): p is string => Boolean(p));
    if (!kept.length) return none;
    return clauses ? fmt.clauses(kept) : fmt.list(kept);
  };

  const transport = join([
    n.pickup && t('requestViews.needs.pickup'),
    n.dropoff && t('requestViews.needs.dropoff'),
    n.carTrips > 0 && t('requestViews.needs.carTrips', { count: n.carTrips }),
  ]);
  const meeting = join(
    [
      n.meetingRoom && t('requestViews.needs.meetingRoom'),
      n.equipment.length > 0 &&
        t('requestViews.needs.equipment', {
          list: fmt.list(n.equipment.map((e) => t(`labels.equipment.${e}`))),
        }),
    ],
    true,
  );
  const payer = t(
    n.companyPaysLodging ? 'requestViews.needs.companyPays' : 'requestViews.needs.visitorPays',
  );
  const lodging =
    n.hotelNights > 0
      ? t('requestViews.needs.lodgingValue', { nights: n.hotelNights, rooms: n.hotelRooms, payer })
      : n.companyPaysLodging
        ? payer
        : none;

  // Meals grouped by day: 6月8日：午餐、晚餐（人均 ¥120.00）
  const byDay = new Map<string, string[]>();
  for (const m of [...n.meals].sort((a, b) => a.date.localeCompare(b.date))) {
    const meal = t(`labels.meal.${m.meal}`);
    const text =
      m.perHeadFen !== null
        ? t('requestViews.needs.mealWithAmount', { meal, amount: fmt.money(m.perHeadFen) })
        : t('requestViews.needs.mealAtCap', { meal });
    byDay.set(m.date, [...(byDay.get(m.date) ?? []), text]);
  }
  const meals = byDay.size
    ? [
        ...[...byDay].map(([day, list]) =>
          t('requestViews.needs.dayMeals', {
            day: fmt.day(day, { year: false }),
            meals: fmt.list(list),
          }),
        ),
        t('requestViews.needs.headcountLine', {
          count: headcount,
          visitors: body.visitors.length,
          companions: body.companions.length,
        }),
      ].join('\n')
    : none;

  const gifts = n.gifts
    ? n.giftCount > 0
      ? t('requestViews.needs.giftCount', { count: n.giftCount })
      : t('requestViews.needs.giftsYes')
    : none;
  const decor = join([
    n.banner && t('requestViews.needs.banner'),
    n.welcomeSign && t('requestViews.needs.welcomeSign'),
    n.tableCards && t('requestViews.needs.tableCards'),
  ]);
  const other = join([
    n.photographer && t('requestViews.needs.photographer'),
    n.sightseeing && t('requestViews.needs.sightseeing'),
    n.returnTickets && t('requestViews.needs.returnTickets'),
  ]);
  return [
    { key: 'transport', label: t('requestViews.needs.transport'), value: transport },
    { key: 'meeting', label: t('requestViews.needs.meeting'), value: meeting },
    { key: 'lodging', label: t('requestViews.needs.lodging'), value: lodging },
    { key: 'meals', label: t('requestViews.needs.meals'), value: meals },
    { key: 'gifts', label: t('requestViews.needs.gifts'), value: gifts },
    { key: 'decor', label: t('requestViews.needs.decor'), value: decor },
    { key: 'other', label: t('requestViews.needs.other'), value: other },
  ];
}

/** The budget lines worth showing: anything estimated or planned. */
export function budgetLines(budget: Budget): BudgetLineEstimate[] {
  return budget.lines.filter((l) => l.estimateFen > 0 || l.amountFen > 0);
}

/**
 * A visitor's ID as the dossier and the print show it: its type and the number masked
 * (110***********002X). Only the request form, where the host types it, shows it in full.
 */
export function visitorId(v: Visitor, fmt: Fmt): string {
  if (!v.idNumber) return DASH;
  const type = v.idType ? fmt.t(`labels.idType.${v.idType}`) : '';
  const masked = maskIdNumber(v.idNumber);
  return type ? `${type} ${masked}` : masked;
}

/** Who the step waits for: a named person, or anyone holding the role (公司领导（任一人）). */
export function stepAssignee(step: ApprovalStepView, fmt: Fmt): string {
  // Step kinds are named after the role that decides them.
  return (
    step.assigneeName ?? fmt.t('requestViews.approval.pool', { role: fmt.t(`roles.${step.kind}`) })
  );
}

/** Why a step is in the chain, when it is not part of the tier's base chain. */
export function stepReason(step: ApprovalStepView, fmt: Fmt): string | null {
  if (step.reason === 'base' || step.reason === '') return null;
  if (step.reason === 'host_is_head') return fmt.t('requestViews.stepReason.host_is_head');
  return fmt.t('requestViews.stepReason.added', {
    check: fmt.t(`requestViews.checkShort.${step.reason}`, { defaultValue: step.reason }),
  });
}

/**
 * The decision that sent a request back or turned it down: the step of the current round whose
 * status is the request's (returned / rejected), shown at the top of the request with its
 * reason. Null for every other status.
 */
export function verdictStep(d: {
  status: string;
  revision: number;
  steps: readonly ApprovalStepView[];
}): ApprovalStepView | null {
  if (d.status !== 'returned' && d.status !== 'rejected') return null;
  const decided = d.steps.filter((s) => s.status === d.status && s.revision === d.revision);
  return decided.sort((a, b) => (b.decidedAtMs ?? 0) - (a.decidedAtMs ?? 0))[0] ?? null;
}

/** Step status decided by someone (as opposed to waiting, pending, skipped, void). */
export const isDecided = (s: ApprovalStepView) =>
  s.status === 'approved' || s.status === 'rejected' || s.status === 'returned';

/**
 * The detail line under an event: what it is about when not the request (an advance, the
 * reconciliation), then which step, which revision, to whom.
 */
export function eventDetail(e: RequestEventView, fmt: Fmt): string | null {
  const about = eventSubject(e, fmt);
  const detail = kindDetail(e, fmt);
  return about && detail ? `${about} · ${detail}` : (about ?? detail);
}

/** Events whose own label names the reconciliation (提交了报帐核销): nothing to add. */
const RECONCILIATION_KINDS = new Set([
  'reconciliation_submitted',
  'settled',
  'archived',
  'reopened',
]);

/**
 * What an event on the visit's timeline is about when it is not the request itself: the
 * approval engine writes the decisions on an advance or on the reconciliation to the same
 * timeline, and "approved" alone would read as the request's approval. Events written before
 * the advance's amount was kept name it by its number only.
 */
function eventSubject(e: RequestEventView, fmt: Fmt): string | null {
  const d = e.data;
  if (typeof d.advance === 'number') {
    return typeof d.amountFen === 'number'
      ? fmt.t('requestViews.event.aboutAdvance', {
          advance: d.advance,
          amount: fmt.money(d.amountFen),
        })
      : fmt.t('expensesAdvances.seq', { advance: d.advance });
  }
  if (d.subject === 'reconciliation' && !RECONCILIATION_KINDS.has(e.kind)) {
    return fmt.t('requestViews.event.aboutReconciliation');
  }
  return null;
}

/** Which step, which revision, to whom. */
function kindDetail(e: RequestEventView, fmt: Fmt): string | null {
  const d = e.data;
  if ((e.kind === 'submitted' || e.kind === 'resubmitted') && typeof d.revision === 'number') {
    return fmt.t('requestViews.event.submittedDetail', {
      revision: d.revision,
      policyVersion: typeof d.policyVersion === 'number' ? d.policyVersion : DASH,
    });
  }
  if (e.kind === 'transferred' && typeof d.to === 'string') {
    return fmt.t('requestViews.event.transferredTo', { name: d.to });
  }
  if (e.kind === 'rerouted' && typeof d.step === 'string') {
    const from = typeof d.from === 'string' ? d.from : DASH;
    return typeof d.to === 'string'
      ? fmt.t('requestViews.event.reroutedTo', { from, name: d.to })
      : fmt.t('requestViews.event.reroutedToPool', { from, step: fmt.stepKind(d.step) });
  }
  if (e.kind === 'checked_in' && typeof d.count === 'number') {
    return fmt.t('requestViews.event.checkedInDetail', { count: d.count });
  }
  if (typeof d.step === 'string') return fmt.stepKind(d.step);
  return null;
}
