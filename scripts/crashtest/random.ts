/** Seeded randomness for the crash test (a trial's choices repeat with its seed). */
import type { LineInput } from '../../shared/expenses';

/** A small seeded generator of numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A meal of the visit's first day with note `note` and an invoice number of its own. */
export function lineInput(seq: number, note: string, rand: () => number): LineInput {
  return {
    category: 'meals',
    spentOn: '2026-12-01',
    vendor: '海底捞（张江店）',
    amountFen: 10_000 + Math.floor(rand() * 40_000),
    invoiceType: 'electronic',
    invoiceNo: `2631${String(seq).padStart(16, '0')}`,
    noInvoiceReason: '',
    paidBy: 'advance',
    bookingId: null,
    visitors: 2,
    companions: 1,
    attendeesReason: '',
    note,
  };
}
