import { migration0010 } from './0010-foundation';
import { migration0020 } from './0020-requests';
import { migration0030 } from './0030-approval-subjects';
import { migration0040 } from './0040-org-key';
import { migration0050 } from './0050-idempotency-keys';
import { migration0060 } from './0060-login-throttle';
import { migration0070 } from './0070-unknown-login-lockout';
import { migration0080 } from './0080-lists-at-scale';
import { migration0090 } from './0090-notification-targets';
import { migration0100 } from './0100-step-timing';
import { migration0110 } from './0110-step-reminders';
import { migration0120 } from './0120-attachments';
import { migration0130 } from './0130-bookings';
import { migration0140 } from './0140-tasks';
import { migration0150 } from './0150-frontdesk';
import { migration0160 } from './0160-expenses';
import { migration0170 } from './0170-expense-dashboard';
import { migration0180 } from './0180-expense-summaries';
import { migration0190 } from './0190-expense-lines-by-day';
import { migration0200 } from './0200-audit-chain';
import { migration0210 } from './0210-session-clients';
import type { Migration } from './types';

/** In order. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110,
  migration0120,
  migration0130,
  migration0140,
  migration0150,
  migration0160,
  migration0170,
  migration0180,
  migration0190,
  migration0200,
  migration0210,
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
