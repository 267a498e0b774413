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
} satisfies Record<OperationName, OperationSpec<z.ZodType, unknown>>;

export type Operations = typeof OPERATIONS;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsed<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> =
  Operations[N] extends OperationSpec<z.ZodType, infer O> ? O : never;

/** Payloads of main → renderer events. */
export interface EventPayloads {
  'notifications.created': { notification: NotificationView };
}
export type EventPayload<E extends EventName> = EventPayloads[E];
