import * as z from 'zod';
import { isCalendarDate } from '../dates';
import { LANGUAGES } from '../i18n/translate';
import { ROLES } from '../auth/roles';

/**
 * Field schemas shared by forms (react-hook-form resolver) and the dispatcher, so the renderer
 * and the main process reject the same input with the same message keys.
 */
/**
 * What free text may not contain: C0 controls, DEL and C1 controls (NUL cuts SQLite's `length()`
 * short and the rest are invisible), the bidi embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069 (they reorder what is displayed around them), and lone surrogates (not text; they
 * cannot be stored as UTF-8). Multi-line fields allow tab and newline.
 */
/* eslint-disable no-control-regex -- matching control characters is the point here */
const SINGLE_LINE_FORBIDDEN =
  /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
const MULTI_LINE_FORBIDDEN =
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u;
/* eslint-enable no-control-regex */

/** True when `s` is clean text (see above); `multiLine` allows tab and newline. */
export function isCleanText(s: string, multiLine = false): boolean {
  return !(multiLine ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(s);
}

/**
 * Length in code points, as SQLite's `length()` and a reader count characters: an emoji or a
 * CJK Extension B character is one, not the two UTF-16 units `String.length` reports.
 */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function cleanText(base: z.ZodString, max: number, multiLine: boolean): z.ZodString {
  return base
    .refine((s) => isCleanText(s, multiLine), { message: 'validation.invisibleChars', abort: true })
    .check((ctx) => {
      if (codePointLength(ctx.value) > max) {
        ctx.issues.push({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: ctx.value,
          message: 'validation.tooLong',
        });
      }
    });
}

/** Single-line free text (names, titles, search): trimmed, clean, at most `max` code points. */
export const text = (max: number) =>
  cleanText(z.string({ message: 'validation.required' }).trim(), max, false);

export const requiredText = (max: number) => text(max).min(1, { message: 'validation.required' });

/**
 * Multi-line free text (purpose, notes, comments, reasons): as `text`, but tab and newline are
 * allowed and CRLF/CR line breaks become LF.
 */
export const multilineText = (max: number) =>
  cleanText(
    z
      .string({ message: 'validation.required' })
      .overwrite((s) => s.replace(/\r\n?/g, '\n'))
      .trim(),
    max,
    true,
  );

export const requiredMultilineText = (max: number) =>
  multilineText(max).min(1, { message: 'validation.required' });

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
