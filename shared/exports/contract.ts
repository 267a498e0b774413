import * as z from 'zod';
import { op } from '../contract/spec';
import { periodFilterSchema } from '../expenses';
import { requestListInput } from '../requests';
import { calendarDate } from '../validation/fields';
import type { Message } from '../result';

/** The lists that export what they show. */
export const EXPORT_SOURCES = ['expenses', 'requests', 'bookings', 'visitors'] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A job's id: opaque, unguessable (only its owner may fetch the file). */
const jobId = z.string().regex(/^[0-9a-f]{32}$/, { message: 'exports.errors.notFound' });

/** What each list shows: its own filters, as its list operation takes them (no paging). */
export const exportFilterSchema = z.discriminatedUnion('source', [
  z.strictObject({ source: z.literal('expenses'), period: periodFilterSchema }),
  z.strictObject({
    source: z.literal('requests'),
    list: requestListInput.omit({ after: true, limit: true }),
  }),
  z
    .strictObject({ source: z.literal('bookings'), from: calendarDate, to: calendarDate })
    .refine((b) => b.from <= b.to, { message: 'validation.rangeOrder', path: ['to'] }),
  z.strictObject({ source: z.literal('visitors'), day: calendarDate }),
]);
export type ExportFilter = z.output<typeof exportFilterSchema>;

export interface ExportJob {
  jobId: string;
  fileName: string;
  /** Rows to write, when known at the start. */
  total: number | null;
}

export interface ExportFile {
  fileName: string;
  mime: string;
  dataBase64: string;
}

export const exportsOperations = {
  /** Starts writing the file on main; progress comes as `exports.progress` events. */
  'exports.start': op<ExportJob>()({
    input: z.strictObject({
      format: z.enum(EXPORT_FORMATS, { message: 'validation.invalidOption' }),
      filter: exportFilterSchema,
    }),
    access: 'session',
    write: true,
  }),
  /** The finished file (its owner only); kept on main for a while after it is ready. */
  'exports.download': op<ExportFile>()({
    input: z.strictObject({ jobId }),
    access: 'session',
    write: false,
  }),
};

export interface ExportsEvents {
  'exports.progress': {
    jobId: string;
    done: number;
    total: number | null;
    status: 'running' | 'done' | 'failed';
    /** Why it failed, in the reader's language. */
    error: Message | null;
  };
}
