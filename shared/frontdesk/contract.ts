import * as z from 'zod';
import { empty, op } from '../contract/spec';
import { ID_TYPES } from '../requests';
import { isValidPhone, normalizePhone } from '../validation/contact';
import {
  calendarDate,
  id,
  multilineText,
  requiredMultilineText,
  requiredText,
  text,
} from '../validation/fields';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './rules';
import type {
  BoardView,
  FrontdeskSettings,
  HostOption,
  MyWalkInsView,
  OnSiteView,
  VisitorSuggestion,
  WalkInView,
  WatchView,
} from './views';

const version = z.number({ message: 'validation.required' }).int().positive();

/** A phone as pasted ("138 0013 8000"): normalised to digits, or rejected. */
export const phoneField = z
  .string({ message: 'validation.required' })
  .max(40, { message: 'validation.tooLong' })
  .transform(normalizePhone)
  .refine(isValidPhone, { message: 'validation.phone' });

/** A badge number as printed on the card: 1–10 letters, digits or dashes. */
export const badgeNo = z
  .string({ message: 'validation.required' })
  .trim()
  .regex(/^[0-9A-Za-z-]{1,10}$/, { message: 'frontdesk.errors.badgeFormat' });

/** The ID checked at the desk: only its type and last four characters are ever stored. */
const idLast4 = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{0,4}$/, { message: 'frontdesk.errors.idLast4' });

export const checkInGuestSchema = z.strictObject({
  /** The visitor's place in the request's list; 0 for a walk-in. */
  seq: z.number().int().min(0).max(199),
  badgeNo,
  idType: z.enum(ID_TYPES, { message: 'validation.invalidOption' }).nullable(),
  idLast4,
  /** The visitor acknowledged the privacy notice (required when the notice is on). */
  consent: z.boolean(),
});

export const checkInInput = z
  .strictObject({
    /** A planned visit (its request), or an accepted walk-in. Exactly one of the two. */
    requestId: id.nullable(),
    walkInId: id.nullable(),
    guests: z
      .array(checkInGuestSchema)
      .min(1, { message: 'frontdesk.errors.noGuests' })
      .max(200, { message: 'validation.tooMany' }),
    /** Why the desk lets in visitors of a request that is not approved (or was cancelled). */
    overrideReason: multilineText(200),
    /** Why the desk lets in someone the watchlist names (audited). */
    watchOverrideReason: multilineText(200),
  })
  .refine((v) => (v.requestId === null) !== (v.walkInId === null), {
    message: 'frontdesk.errors.requestOrWalkIn',
    path: ['requestId'],
  })
  .refine((v) => new Set(v.guests.map((g) => g.seq)).size === v.guests.length, {
    message: 'validation.duplicate',
    path: ['guests'],
  })
  .refine((v) => new Set(v.guests.map((g) => g.badgeNo)).size === v.guests.length, {
    message: 'frontdesk.errors.badgeTwice',
    path: ['guests'],
  });

export const checkOutInput = z.strictObject({
  guestIds: z
    .array(id)
    .min(1, { message: 'frontdesk.errors.noGuests' })
    .max(500, { message: 'validation.tooMany' })
    .refine((ids) => new Set(ids).size === ids.length, { message: 'validation.duplicate' }),
  /** When they left (the end-of-day sweep picks a time); null: now. */
  atMs: z.number().int().min(946_684_800_000).max(4_102_444_800_000).nullable(),
});

export const settingsInput = z.strictObject({
  noticeEnabled: z.boolean(),
  noticeZh: multilineText(2000),
  noticeEn: multilineText(2000),
  retentionDays: z
    .number({ message: 'validation.required' })
    .int({ message: 'validation.integer' })
    .min(MIN_RETENTION_DAYS, { message: 'frontdesk.errors.retentionRange' })
    .max(MAX_RETENTION_DAYS, { message: 'frontdesk.errors.retentionRange' }),
});

export const walkInInput = z.strictObject({
  name: requiredText(50),
  orgName: text(100),
  phone: phoneField,
  /** Whom the visitor came to see; a walk-in with nobody to see is not registered. */
  hostUserId: id.nullable().refine((v) => v !== null, { message: 'frontdesk.errors.noHost' }),
  purpose: requiredMultilineText(500),
});

export const watchEntrySchema = z
  .strictObject({
    kind: z.enum(['person', 'org'], { message: 'validation.invalidOption' }),
    name: text(50),
    orgName: text(100),
    /** Normalised; on an edit, '' keeps the phone on file (the list shows it masked only). */
    phone: phoneField,
    /** Hashed on save and never stored; '' keeps the hash an edited entry already has. */
    idNumber: text(40),
    reason: requiredMultilineText(500),
  })
  .refine((e) => e.kind === 'person' || e.orgName !== '', {
    message: 'validation.required',
    path: ['orgName'],
  });

export const frontdeskOperations = {
  /** A day's expected visits and walk-ins with each visitor's state (today by default). */
  'frontdesk.board': op<BoardView>()({
    input: z.strictObject({ day: calendarDate }),
    access: 'frontdesk.desk',
    write: false,
  }),
  'frontdesk.checkIn': op<BoardView>()({
    input: checkInInput,
    access: 'frontdesk.desk',
    write: true,
  }),
  'frontdesk.checkOut': op<OnSiteView>()({
    input: checkOutInput,
    access: 'frontdesk.desk',
    write: true,
  }),
  /**
   * Everyone checked in and not out (the evacuation list); with `arrivedBefore`, only those who
   * arrived before that day ended (the end-of-day sweep).
   */
  'frontdesk.onSite': op<OnSiteView>()({
    input: z.strictObject({ arrivedBefore: calendarDate.nullable() }),
    access: 'frontdesk.desk',
    write: false,
  }),
  /**
   * The notice and the retention period: read at check-in by the desk and on the privacy screen by
   * those who configure it (the system administrator does not work the desk). Nothing secret.
   */
  'frontdesk.settings': op<FrontdeskSettings>()({
    input: empty,
    access: 'session',
    write: false,
  }),
  'frontdesk.saveSettings': op<FrontdeskSettings>()({
    input: settingsInput,
    access: 'frontdesk.configure',
    write: true,
  }),
  'frontdesk.registerWalkIn': op<WalkInView>()({
    input: walkInInput,
    access: 'frontdesk.desk',
    write: true,
  }),
  'frontdesk.walkIns': op<WalkInView[]>()({
    input: z.strictObject({ day: calendarDate }),
    access: 'frontdesk.desk',
    write: false,
  }),
  /** One walk-in: for the desk, and for the host it came to see ("not found" to anyone else). */
  'frontdesk.walkIn': op<WalkInView>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: false,
  }),
  /** The host accepts (a retroactive request is created for him to complete) or declines. */
  'frontdesk.answerWalkIn': op<WalkInView>()({
    input: z.strictObject({
      id,
      version,
      accept: z.boolean(),
      comment: multilineText(200),
    }),
    access: 'session',
    write: true,
  }),
  'frontdesk.myWalkIns': op<MyWalkInsView>()({
    input: empty,
    access: 'session',
    write: false,
  }),
  /** Whom a walk-in may come to see: active users, by name, pinyin initials or department. */
  'frontdesk.hosts': op<HostOption[]>()({
    input: z.strictObject({ query: text(50) }),
    access: 'frontdesk.desk',
    write: false,
  }),
  'frontdesk.watchlist': op<WatchView[]>()({
    input: z.strictObject({ includeInactive: z.boolean() }),
    access: 'frontdesk.watch',
    write: false,
  }),
  'frontdesk.saveWatch': op<WatchView>()({
    input: z
      .strictObject({
        id: id.nullable(),
        version: version.nullable(),
        entry: watchEntrySchema,
      })
      // A new person needs something to be known by. An edit may leave the phone and the ID
      // number empty to keep those on file (never sent back in full): main checks what results.
      .refine(
        ({ id, entry: e }) =>
          id !== null || e.kind === 'org' || e.name !== '' || e.phone !== '' || e.idNumber !== '',
        { message: 'frontdesk.errors.watchPersonEmpty', path: ['entry', 'name'] },
      ),
    access: 'frontdesk.watch',
    write: true,
  }),
  'frontdesk.setWatchActive': op<WatchView>()({
    input: z.strictObject({ id, version, active: z.boolean() }),
    access: 'frontdesk.watch',
    write: true,
  }),
  /** Known visitors whose name, pinyin initials, phone or organisation begin with the query. */
  'frontdesk.suggestVisitors': op<VisitorSuggestion[]>()({
    input: z.strictObject({ query: text(50) }),
    access: 'session',
    write: false,
  }),
};

export interface FrontdeskEvents {
  /** A day's board changed (arrival, departure, walk-in or its answer): boards read again. */
  'frontdesk.changed': { day: string; requestIds: number[] };
}
