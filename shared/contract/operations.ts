import * as z from 'zod';
import type { Permission } from '../auth/roles';
import {
  anyPassword,
  id,
  language,
  loginName,
  password,
  requiredText,
  roles,
  text,
  timeZone,
} from '../validation/fields';
import type { OperationName, EventName } from './names';
import { policySchema } from '../policy/schema';
import { TIERS } from '../policy/policy';
import { REQUEST_STATUSES } from '../requests/lifecycle';
import { isCalendarDate, requestBodySchema } from '../requests/schema';
import type {
  DelegationView,
  InboxItem,
  PolicyView,
  RequestDossier,
  RequestPreview,
  RequestSummary,
} from '../requests/views';
import type {
  AuditEntry,
  CompanySettings,
  DepartmentView,
  Health,
  NotificationView,
  Page,
  SessionInfo,
  UserView,
} from './types';

/**
 * Who may call an operation:
 * - `public`: no session needed (health, first-run setup, login);
 * - `session`: any signed-in, unlocked user;
 * - `lockedSession`: a signed-in user even while the idle lock is on (unlock, logout, session);
 * - a permission: a signed-in, unlocked user whose roles grant it.
 */
export type Access = 'public' | 'session' | 'lockedSession' | Permission;

export interface OperationSpec<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Writes run in one transaction with their audit entry. */
  write: boolean;
  /** Passive calls (polling, reading the session) do not reset the idle-lock timer. */
  passive?: boolean;
  /** Phantom: carries the output type; never read at run time. */
  output?: O;
}

const op =
  <O>() =>
  <I extends z.ZodType>(spec: Omit<OperationSpec<I, O>, 'output'>) =>
    spec as OperationSpec<I, O>;

const empty = z.strictObject({});

export const userCreateInput = z.strictObject({
  login: loginName,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  password,
});

export const userUpdateInput = z.strictObject({
  id,
  displayName: requiredText(50),
  departmentId: id.nullable(),
  roles,
  disabled: z.boolean(),
});

export const departmentInput = z.strictObject({
  name: requiredText(50),
  headUserId: id.nullable(),
});

export const settingsInput = z.strictObject({
  companyName: text(100),
  timeZone,
  idleLockMinutes: z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(1, { message: 'validation.idleRange' })
    .max(240, { message: 'validation.idleRange' }),
});

export const setupInput = z.strictObject({
  companyName: requiredText(100),
  login: loginName,
  displayName: requiredText(50),
  password,
});

export const auditListInput = z.strictObject({
  operation: text(64).optional(),
  actorUserId: id.optional(),
  entityType: text(64).optional(),
  fromMs: z.number().int().nonnegative().optional(),
  toMs: z.number().int().nonnegative().optional(),
  search: text(100).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

const dateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine(isCalendarDate, { message: 'validation.date' });

/** Save or submit: a new request (`id` null) or a change to one at the version the editor saw. */
export const requestWriteInput = z.strictObject({
  id: id.nullable(),
  version: z.number().int().positive().nullable(),
  body: requestBodySchema,
});

export const requestListInput = z.strictObject({
  scope: z.enum(['mine', 'all']),
  statuses: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).optional(),
  tiers: z.array(z.enum(TIERS)).max(4).optional(),
  departmentId: id.optional(),
  fromDate: dateString.optional(),
  toDate: dateString.optional(),
  search: text(100).optional(),
  sort: z
    .enum(['arrival_desc', 'arrival_asc', 'updated_desc', 'budget_desc'])
    .default('updated_desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

export const decideInput = z
  .strictObject({
    stepId: id,
    version: z.number().int().positive(),
    action: z.enum(['approve', 'reject', 'return']),
    comment: text(1000),
  })
  .refine((v) => v.action === 'approve' || v.comment !== '', {
    message: 'validation.reasonRequired',
    path: ['comment'],
  });

export const delegationInput = z
  .strictObject({ delegateUserId: id, fromDate: dateString, toDate: dateString })
  .refine((v) => v.fromDate <= v.toDate, { message: 'validation.rangeOrder', path: ['toDate'] });

export const OPERATIONS = {
  'system.health': op<Health>()({ input: empty, access: 'public', write: false, passive: true }),
  'setup.status': op<{ needsSetup: boolean }>()({
    input: empty,
    access: 'public',
    write: false,
    passive: true,
  }),
  'setup.createAdmin': op<SessionInfo>()({ input: setupInput, access: 'public', write: true }),
  'auth.login': op<SessionInfo>()({
    input: z.strictObject({ login: loginName, password: anyPassword }),
    access: 'public',
    write: true,
  }),
  'auth.logout': op<null>()({ input: empty, access: 'public', write: true, passive: true }),
  /** The current session, or null when signed out. Never an error for a missing session. */
  'auth.session': op<SessionInfo | null>()({
    input: empty,
    access: 'public',
    write: false,
    passive: true,
  }),
  'auth.lock': op<null>()({ input: empty, access: 'lockedSession', write: true, passive: true }),
  'auth.unlock': op<SessionInfo>()({
    input: z.strictObject({ password: anyPassword }),
    access: 'lockedSession',
    write: true,
  }),
  /** The renderer reports keyboard/mouse activity so the idle lock follows the person. */
  'auth.touch': op<null>()({ input: empty, access: 'session', write: false }),
  'auth.changePassword': op<null>()({
    input: z
      .strictObject({ currentPassword: anyPassword, newPassword: password })
      .refine((v) => v.currentPassword !== v.newPassword, {
        message: 'validation.passwordSame',
        path: ['newPassword'],
      }),
    access: 'session',
    write: true,
  }),
  'auth.setLanguage': op<null>()({
    input: z.strictObject({ language }),
    access: 'session',
    write: true,
  }),
  'users.list': op<UserView[]>()({ input: empty, access: 'directory.read', write: false }),
  'users.create': op<UserView>()({ input: userCreateInput, access: 'users.manage', write: true }),
  'users.update': op<UserView>()({ input: userUpdateInput, access: 'users.manage', write: true }),
  'users.resetPassword': op<null>()({
    input: z.strictObject({ id, password }),
    access: 'users.manage',
    write: true,
  }),
  'users.unlock': op<null>()({
    input: z.strictObject({ id }),
    access: 'users.manage',
    write: true,
  }),
  'departments.list': op<DepartmentView[]>()({
    input: empty,
    access: 'directory.read',
    write: false,
  }),
  'departments.create': op<DepartmentView>()({
    input: departmentInput,
    access: 'departments.manage',
    write: true,
  }),
  'departments.update': op<DepartmentView>()({
    input: departmentInput.extend({ id }),
    access: 'departments.manage',
    write: true,
  }),
  'departments.delete': op<null>()({
    input: z.strictObject({ id }),
    access: 'departments.manage',
    write: true,
  }),
  'audit.list': op<Page<AuditEntry>>()({
    input: auditListInput,
    access: 'audit.read',
    write: false,
  }),
  'settings.get': op<CompanySettings>()({
    input: empty,
    access: 'session',
    write: false,
    passive: true,
  }),
  'settings.update': op<CompanySettings>()({
    input: settingsInput,
    access: 'settings.manage',
    write: true,
  }),
  'notifications.list': op<{ items: NotificationView[]; unread: number }>()({
    input: empty,
    access: 'session',
    write: false,
    passive: true,
  }),
  'notifications.markRead': op<null>()({
    input: z.strictObject({ ids: z.array(id).max(500) }),
    access: 'session',
    write: true,
  }),
  'policy.get': op<PolicyView>()({
    input: z.strictObject({ version: id.optional() }),
    access: 'session',
    write: false,
  }),
  'policy.update': op<PolicyView>()({
    input: z.strictObject({ policy: policySchema, note: text(200) }),
    access: 'policy.manage',
    write: true,
  }),
  /** Checks, budget and chain of a request being typed; nothing is saved. */
  'requests.preview': op<RequestPreview>()({
    input: z.strictObject({ id: id.nullable(), body: requestBodySchema }),
    access: 'requests.create',
    write: false,
  }),
  'requests.saveDraft': op<RequestDossier>()({
    input: requestWriteInput,
    access: 'requests.create',
    write: true,
  }),
  'requests.submit': op<RequestDossier>()({
    input: requestWriteInput,
    access: 'requests.create',
    write: true,
  }),
  'requests.cancel': op<RequestDossier>()({
    input: z.strictObject({ id, version: z.number().int().positive(), reason: requiredText(500) }),
    access: 'session',
    write: true,
  }),
  'requests.get': op<RequestDossier>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: false,
  }),
  'requests.list': op<Page<RequestSummary>>()({
    input: requestListInput,
    access: 'session',
    write: false,
  }),
  'approvals.inbox': op<InboxItem[]>()({
    input: empty,
    access: 'approvals.decide',
    write: false,
  }),
  /** The inbox badge; polled, so it does not count as activity. */
  'approvals.count': op<{ count: number }>()({
    input: empty,
    access: 'session',
    write: false,
    passive: true,
  }),
  'approvals.decide': op<RequestDossier>()({
    input: decideInput,
    access: 'approvals.decide',
    write: true,
  }),
  'approvals.transfer': op<RequestDossier>()({
    input: z.strictObject({
      stepId: id,
      version: z.number().int().positive(),
      toUserId: id,
      comment: text(1000),
    }),
    access: 'approvals.decide',
    write: true,
  }),
  'approvals.comment': op<RequestDossier>()({
    input: z.strictObject({ requestId: id, comment: requiredText(1000) }),
    access: 'session',
    write: true,
  }),
  'approvals.candidates': op<{ id: number; displayName: string }[]>()({
    input: z.strictObject({ stepId: id }),
    access: 'approvals.decide',
    write: false,
  }),
  'delegations.list': op<DelegationView[]>()({
    input: empty,
    access: 'approvals.decide',
    write: false,
  }),
  'delegations.create': op<DelegationView>()({
    input: delegationInput,
    access: 'approvals.decide',
    write: true,
  }),
  'delegations.revoke': op<null>()({
    input: z.strictObject({ id }),
    access: 'approvals.decide',
    write: true,
  }),
} satisfies Record<OperationName, OperationSpec<z.ZodType, unknown>>;

export type Operations = typeof OPERATIONS;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsed<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> =
  Operations[N] extends OperationSpec<z.ZodType, infer O> ? O : never;

/** Payloads of main → renderer events. */
export interface EventPayloads {
  'notifications.created': { notification: NotificationView };
  /** An approval task appeared or went away: refresh inbox and badge. */
  'approvals.changed': { requestId: number };
}
export type EventPayload<E extends EventName> = EventPayloads[E];
