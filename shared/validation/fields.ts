import * as z from 'zod';
import { isCalendarDate } from '../dates';
import { LANGUAGES } from '../i18n/translate';
import { ROLES } from '../auth/roles';

/**
 * Field schemas shared by forms (react-hook-form resolver) and the dispatcher, so the renderer
 * and the main process reject the same input with the same message keys.
 */
export const text = (max: number) =>
  z.string({ message: 'validation.required' }).trim().max(max, { message: 'validation.tooLong' });

export const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });

export const loginName = z
  .string({ message: 'validation.required' })
  .trim()
  .min(2, { message: 'validation.loginNameLength' })
  .max(32, { message: 'validation.loginNameLength' })
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'validation.loginNameChars' })
  .transform((s) => s.toLowerCase());

/** Passwords are not trimmed: a trailing space is part of the secret. */
export const password = z
  .string({ message: 'validation.required' })
  .min(8, { message: 'validation.passwordLength' })
  .max(128, { message: 'validation.passwordLength' });

/** What a login form sends: any non-empty string, so a short old password still gets "wrong". */
export const anyPassword = z
  .string({ message: 'validation.required' })
  .min(1, { message: 'validation.required' })
  .max(128, { message: 'validation.passwordLength' });

export const id = z.number({ message: 'validation.required' }).int().positive();

export const language = z.enum(LANGUAGES, { message: 'validation.invalidOption' });
export const role = z.enum(ROLES, { message: 'validation.invalidOption' });
export const roles = z
  .array(role)
  .min(1, { message: 'validation.rolesRequired' })
  .refine((rs) => new Set(rs).size === rs.length, { message: 'validation.duplicate' });

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

export const timeZone = z
  .string({ message: 'validation.required' })
  .trim()
  .refine(isTimeZone, { message: 'validation.timeZone' });

/** A calendar date `YYYY-MM-DD` (company time zone by convention), required. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine(isCalendarDate, { message: 'validation.date' });

/** An amount in integer fen: no fractions of a fen, no negatives. */
export const fen = z
  .number({ message: 'validation.required' })
  .int({ message: 'validation.fenInteger' })
  .min(0, { message: 'validation.nonNegative' })
  .max(10_000_000_00, { message: 'validation.tooBig' });
