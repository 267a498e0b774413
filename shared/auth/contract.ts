import * as z from 'zod';
import type { Health, SessionInfo } from '../contract/types';
import { empty, op } from '../contract/spec';
import { anyPassword, language, loginName, password, requiredText } from '../validation/fields';

export const setupInput = z.strictObject({
  companyName: requiredText(100),
  login: loginName,
  displayName: requiredText(50),
  password,
});

export const authOperations = {
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
};
