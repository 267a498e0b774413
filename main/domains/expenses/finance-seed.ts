/**
 * Finance's seeding helper (tests and bench): visits with their reconciliation, approved budget
 * and expense lines written straight into the tables, each line's split computed by the shared
 * rules (splitLine) so that the stored columns are those the services would have stored.
 */
import type { Insertable, Kysely } from 'kysely';
import { invoiceKey, splitLine, type VisitFacts } from '../../../shared/expenses';
import type { ExceptionKind, PaidBy, ReconciliationStatus } from '../../../shared/expenses';
import type { Fen } from '../../../shared/money';
import {
  DEFAULT_POLICY,
  EXPENSE_CATEGORIES,
  type ExpenseCategory,
  type Policy,
  type Tier,
} from '../../../shared/policy';
import { orgKey, type RequestStatus } from '../../../shared/requests';
import type { DB } from '../../db/schema';
import { toJson } from '../../core/json';
import { requestBodyOn } from '../../test-fixtures';

export interface SeedLine {
  category: ExpenseCategory;
  spentOn: string;
  amountFen: Fen;
  paidBy?: PaidBy;
  visitors?: number;
  companions?: number;
  vendor?: string;
  invoiceNo?: string;
  exceptions?: ExceptionKind[];
}

export interface SeedVisit {
  code: string;
  orgName?: string;
  tier: Tier;
  departmentId: number | null;
  hostUserId: number;
  arrivalDate: string;
  departureDate?: string;
  /** The request's status (default: from the reconciliation's). */
  requestStatus?: RequestStatus;
  /** Null: no reconciliation row (no line yet). Default: open. */
  reconciliation?: { status: ReconciliationStatus; submittedAtMs: number | null } | null;
  /**
   * The approved budget by category (those left out: 0, arranged outside the process). Absent:
   * every category at 1,000.00.
   */
  budget?: Partial<Record<ExpenseCategory, Fen>>;
  companyPaysLodging?: boolean;
  lines?: SeedLine[];
}

/** The visit's budget: as given (0 for the categories left out), or every category at 1,000.00. */
export function seedBudget(v: Pick<SeedVisit, 'budget'>): Record<ExpenseCategory, Fen> {
  return Object.fromEntries(
    EXPENSE_CATEGORIES.map((c) => [c, v.budget ? (v.budget[c] ?? 0) : 100_000]),
  ) as Record<ExpenseCategory, Fen>;
}

/** The rules' facts of a seeded visit under `policy` (default: the shipped policy). */
export function seedFacts(v: SeedVisit, policy: Policy = DEFAULT_POLICY): VisitFacts {
  const tier = policy.tiers[v.tier];
  return {
    tier: v.tier,
    mealCapFen: tier.mealCapFen,
    canteenMealFen: tier.canteenMealFen,
    mealPayer: tier.mealCapFen === null && tier.canteenMealFen === null ? 'visitor' : 'company',
    arrivalDate: v.arrivalDate,
    departureDate: v.departureDate ?? v.arrivalDate,
    companyPaysLodging: v.companyPaysLodging ?? false,
    budget: seedBudget(v),
  };
}

/** What the request's status is when its reconciliation is at `status`. */
function requestStatusOf(v: SeedVisit): RequestStatus {
  if (v.requestStatus) return v.requestStatus;
  const rec = v.reconciliation === undefined ? 'open' : (v.reconciliation?.status ?? null);
  if (rec === 'settled') return 'settled';
  if (rec === 'approving' || rec === 'returned') return 'reconciling';
  return 'completed';
}

/** One expense line's row, its split as the rules compute it (createdBy: the host). */
export function lineRow(
  v: SeedVisit,
  requestId: number,
  facts: VisitFacts,
  l: SeedLine,
  nowMs: number,
): Insertable<DB['expenseLines']> {
  const paidBy = l.paidBy ?? 'company_card';
  const visitors = l.visitors ?? 2;
  const companions = l.companions ?? 1;
  const invoiceNo = l.invoiceNo ?? '';
  const split = splitLine(facts, {
    category: l.category,
    spentOn: l.spentOn,
    amountFen: l.amountFen,
    paidBy,
    visitors,
    companions,
    invoiceKey: invoiceKey(invoiceNo),
    receipts: 1,
    exceptions: l.exceptions ?? [],
  });
  return {
    requestId,
    category: l.category,
    spentOn: l.spentOn,
    vendor: l.vendor ?? '',
    amountFen: l.amountFen,
    invoiceType: invoiceNo ? 'electronic' : 'none',
    invoiceNo,
    invoiceKey: invoiceKey(invoiceNo),
    noInvoiceReason: invoiceNo ? '' : '小票',
    paidBy,
    bookingId: null,
    visitors,
    companions,
    perHeadFen: split.perHeadFen,
    capFen: split.capFen,
    overCapFen: split.overCapFen,
    borneByHostFen: split.borneByHostFen,
    companyFen: split.companyFen,
    departmentId: v.departmentId,
    tier: v.tier,
    hostUserId: v.hostUserId,
    status: v.reconciliation?.status ?? 'open',
    createdBy: v.hostUserId,
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
  };
}

/** Writes one visit: its request, reconciliation, budget and lines. Returns the ids. */
export async function seedVisit(
  db: Kysely<DB>,
  v: SeedVisit,
  nowMs: number,
): Promise<{ requestId: number; reconciliationId: number | null; lineIds: number[] }> {
  const departureDate = v.departureDate ?? v.arrivalDate;
  const orgName = v.orgName ?? `${v.code} 单位`;
  const body = requestBodyOn(v.arrivalDate, departureDate, {
    orgName,
    tier: v.tier,
    departmentId: v.departmentId,
  });
  const budget = seedBudget(v);
  const { id: requestId } = await db
    .insertInto('requests')
    .values({
      code: v.code,
      status: requestStatusOf(v),
      hostUserId: v.hostUserId,
      departmentId: v.departmentId,
      orgName,
      orgKey: orgKey(orgName),
      orgCategory: body.orgCategory,
      tier: v.tier,
      arrivalDate: v.arrivalDate,
      departureDate,
      visitorCount: body.visitors.length,
      retroactive: 0,
      policyVersion: null,
      body: toJson(body),
      budgetTotalFen: Object.values(budget).reduce((s, x) => s + x, 0),
      revision: 1,
      createdAtMs: nowMs,
      updatedAtMs: nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('expenseBudgets')
    .values(
      EXPENSE_CATEGORIES.map((category) => ({ requestId, category, amountFen: budget[category] })),
    )
    .execute();
  let reconciliationId: number | null = null;
  const rec =
    v.reconciliation === undefined
      ? { status: 'open' as const, submittedAtMs: null }
      : v.reconciliation;
  if (rec) {
    const row = await db
      .insertInto('expenseReconciliations')
      .values({
        requestId,
        status: rec.status,
        revision: rec.submittedAtMs === null ? 0 : 1,
        submittedAtMs: rec.submittedAtMs,
        settledAtMs: rec.status === 'settled' ? nowMs : null,
        returnedLineId: null,
        updatedAtMs: nowMs,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reconciliationId = row.id;
  }
  const facts = seedFacts(v);
  const lineIds: number[] = [];
  for (const l of v.lines ?? []) {
    const row = await db
      .insertInto('expenseLines')
      .values(lineRow(v, requestId, facts, l, nowMs))
      .returning('id')
      .executeTakeFirstOrThrow();
    lineIds.push(row.id);
  }
  return { requestId, reconciliationId, lineIds };
}

/** A small deterministic generator (mulberry32): the same data on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINE_MIX: [ExpenseCategory, number, number][] = [
  // category, share of lines (of 100), typical amount (fen)
  ['meals', 45, 60_000],
  ['tobacco_alcohol', 5, 40_000],
  ['gifts', 10, 30_000],
  ['lodging', 10, 90_000],
  ['vehicles', 12, 20_000],
  ['tickets', 8, 110_000],
  ['venue', 4, 50_000],
  ['sightseeing', 3, 35_000],
  ['other', 3, 15_000],
];

/** `n` random lines of a visit (meals for its people, now and then over the cap). */
export function randomLines(
  random: () => number,
  arrivalDate: string,
  n: number,
  visitors: number,
): SeedLine[] {
  const out: SeedLine[] = [];
  for (let i = 0; i < n; i++) {
    let roll = random() * 100;
    let pick = LINE_MIX[0]!;
    for (const m of LINE_MIX) {
      if (roll < m[1]) {
        pick = m;
        break;
      }
      roll -= m[1];
    }
    const [category, , typical] = pick;
    const amountFen = Math.max(100, Math.round(typical * (0.3 + random() * 1.4)));
    const r = random();
    out.push({
      category,
      spentOn: arrivalDate,
      amountFen,
      paidBy: r < 0.05 ? 'visitor' : r < 0.2 ? 'host' : r < 0.6 ? 'advance' : 'company_card',
      visitors,
      companions: 1 + Math.floor(random() * 2),
      vendor: `供应商${Math.floor(random() * 500)}`,
      invoiceNo:
        random() < 0.9 ? `2631${String(Math.floor(random() * 1e12)).padStart(12, '0')}` : '',
    });
  }
  return out;
}
