/** How long a step has waited, in the largest whole unit people say ("2 天", not "52 小时"). */
export interface StepAge {
  unit: 'minute' | 'hour' | 'day';
  count: number;
  /** Two working days is when an approver is usually chased (催办): the inbox marks it. */
  overdue: boolean;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function stepAge(sinceMs: number, nowMs: number): StepAge {
  // A clock a little behind the server's must not show "-1 minutes".
  const waited = Math.max(0, nowMs - sinceMs);
  const overdue = waited >= 2 * DAY;
  if (waited < HOUR)
    return { unit: 'minute', count: Math.max(1, Math.floor(waited / MINUTE)), overdue };
  if (waited < DAY) return { unit: 'hour', count: Math.floor(waited / HOUR), overdue };
  return { unit: 'day', count: Math.floor(waited / DAY), overdue };
}
