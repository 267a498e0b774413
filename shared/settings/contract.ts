import * as z from 'zod';
import type { CompanySettings } from '../contract/types';
import { empty, op } from '../contract/spec';
import { text, timeZone } from '../validation/fields';

export const settingsInput = z.strictObject({
  companyName: text(100),
  timeZone,
  idleLockMinutes: z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(1, { message: 'validation.idleRange' })
    .max(240, { message: 'validation.idleRange' }),
  /** Absent: unchanged (callers from before the setting existed). */
  reimbursementDays: z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(1, { message: 'validation.reimbursementRange' })
    .max(90, { message: 'validation.reimbursementRange' })
    .optional(),
});

export const settingsOperations = {
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
};
