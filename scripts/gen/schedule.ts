/**
 * The schedule of visits, the volume over the years: for each visit its tier, its arrival day and
 * when its host created the request. Arrivals spread over the ten years before now with growing
 * volume, fewer at weekends and around Spring Festival, a dip in 2020–2022, plus ~1 % in the next
 * 60 days; requests are created with the notice each tier usually gives, in office hours. The
 * schedule is drawn up front from its own random stream and handed out in creation order, the
 * order ids, codes and the time-ordered rows all follow.
 */
import type { Policy, Tier } from '../../shared/policy';
import { dateOf, dayOf, dayStart, HOUR, isWorkday, MINUTE, WORK_END, WORK_START } from './calendar';
import { Rng, STREAM, Weighted } from './random';

/** Tiers by the index the schedule stores. */
const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D'];

export interface ScheduledVisit {
  /** When the host created the request. */
  createdMs: number;
  arrivalDay: number;
  tier: Tier;
  /** Filed after the visit (the policy's retroactive requests). */
  retro: boolean;
}

interface Schedule {
  /** The n-th visit (from 0) in creation order. */
  at(n: number): ScheduledVisit;
}

/** `visits` visits arriving from `firstDay` to 60 days after `nowMs`, none created after it. */
export function scheduleVisits(
  seed: number,
  visits: number,
  policy: Policy,
  nowMs: number,
  firstDay: number,
): Schedule {
  const today = dayOf(nowMs);
  const rngSchedule = new Rng(seed, STREAM.schedule);
  const tierPick = new Weighted<number>([0, 1, 2, 3], [5, 20, 45, 30]);
  // Past arrivals: from ten years ago up to and including today.
  const span = today - firstDay + 1;
  const dayWeights = new Float64Array(span);
  const monthFactor = [0.9, 0.6, 1.05, 1.05, 1.05, 1.05, 0.95, 0.9, 1.1, 1.05, 1.1, 1.0];
  for (let i = 0; i < span; i++) {
    const d = firstDay + i;
    const date = dateOf(d);
    const month = Number(date.slice(5, 7));
    let w = (1 + 1.5 * (i / span)) * (monthFactor[month - 1] ?? 1);
    if (!isWorkday(d)) w *= 0.06;
    if (date >= '2020-01-24' && date <= '2020-04-30') w *= 0.25;
    else if (date >= '2022-04-01' && date <= '2022-05-31') w *= 0.2;
    else if (date >= '2020-05-01' && date <= '2022-12-31') w *= 0.75;
    dayWeights[i] = w;
  }
  const pastDay = new Weighted(
    Array.from({ length: span }, (_x, i) => firstDay + i),
    Array.from(dayWeights),
  );
  /** Days of notice: A and B need two (the policy's minLeadDays), C and D often come the same week. */
  const leadDays = (tier: number): number => {
    const r = rngSchedule.float();
    if (tier <= 1) {
      if (r < 0.3) return rngSchedule.between(2, 4);
      if (r < 0.7) return rngSchedule.between(5, 10);
      if (r < 0.95) return rngSchedule.between(11, 30);
      return rngSchedule.between(31, 60);
    }
    if (r < 0.15) return 0;
    if (r < 0.35) return 1;
    if (r < 0.75) return rngSchedule.between(2, 7);
    if (r < 0.95) return rngSchedule.between(8, 21);
    return rngSchedule.between(22, 45);
  };
  const minLead = (tier: number) => policy.tiers[TIERS[tier] ?? 'C'].minLeadDays;
  /** A moment in office hours on `day` not after now; null when that day has none left. */
  const timeOn = (day: number): number | null => {
    const start = dayStart(day);
    const lo = start + (isWorkday(day) ? WORK_START : 10 * HOUR);
    const hi = Math.min(
      start + (isWorkday(day) ? WORK_END : 16 * HOUR) - 5 * MINUTE,
      nowMs - MINUTE,
    );
    if (hi <= lo) return null;
    return Math.floor(lo + rngSchedule.float() * (hi - lo));
  };

  /** A day from `lo` to `hi`, each weighted by its office hours until now (weekends a little). */
  const filedBetween = (lo: number, hi: number): number => {
    const open = (d: number) => {
      if (!isWorkday(d)) return 0.03;
      const from = dayStart(d) + WORK_START;
      return Math.max(0, Math.min(nowMs, dayStart(d) + WORK_END) - from) / (WORK_END - WORK_START);
    };
    let total = 0;
    for (let d = lo; d <= hi; d++) total += open(d);
    let x = rngSchedule.float() * total;
    for (let d = lo; d <= hi; d++) {
      x -= open(d);
      if (x < 0) return d;
    }
    return hi;
  };
  const created = new Float64Array(visits);
  const arrival = new Int32Array(visits);
  const tierOf = new Uint8Array(visits);
  const retroOf = new Uint8Array(visits);
  const future = Math.round(visits * 0.01);
  for (let i = 0; i < visits; i++) {
    const tier = tierPick.pick(rngSchedule);
    let a: number;
    let c: number;
    let retro = false;
    if (i < future) {
      // Visits still to come were filed over the last weeks, at the pace of office hours.
      a = today + 1 + Math.floor(60 * rngSchedule.float() ** 1.4);
      c = filedBetween(Math.max(today - 45, a - 60), Math.min(today, a - minLead(tier)));
    } else {
      a = pastDay.pick(rngSchedule);
      retro = rngSchedule.chance(0.02);
      c = retro ? Math.min(today, a + rngSchedule.int(5)) : a - leadDays(tier);
    }
    // Few requests are filed at weekends: an earlier Friday (or, after the visit, a Monday).
    if (!isWorkday(c) && !rngSchedule.chance(0.05)) {
      if (retro) {
        while (!isWorkday(c) && c < today) c++;
      } else {
        while (!isWorkday(c)) c--;
      }
    }
    let t = timeOn(c);
    while (t === null) {
      c--;
      if (retro && c < a) a = c;
      t = timeOn(c);
    }
    created[i] = t;
    arrival[i] = a;
    tierOf[i] = tier;
    retroOf[i] = retro ? 1 : 0;
  }
  const visitOrder = Uint32Array.from({ length: visits }, (_x, i) => i).sort(
    (x, y) => (created[x] ?? 0) - (created[y] ?? 0) || x - y,
  );
  return {
    at: (n) => {
      const i = visitOrder[n] ?? 0;
      return {
        createdMs: created[i] ?? 0,
        arrivalDay: arrival[i] ?? today,
        tier: TIERS[tierOf[i] ?? 2] ?? 'C',
        retro: retroOf[i] === 1,
      };
    },
  };
}
