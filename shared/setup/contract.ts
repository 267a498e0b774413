import * as z from 'zod';
import { empty, op } from '../contract/spec';
import { language, text } from '../validation/fields';
import type { SetupChecklist } from './checklist';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  type ImportCheck,
  type ImportCounts,
  type ImportRowInput,
} from './import';

/** A file sent whole, as base64 (the transports carry JSON); its name is for the audit log. */
const MAX_BASE64 = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;
export const sheetFile = z.strictObject({
  fileName: text(200),
  data: z
    .string({ message: 'validation.required' })
    // Only a bound matching the body limit: main checks the decoded size and names the limit.
    .max(MAX_BASE64, { message: 'errors.PAYLOAD_TOO_LARGE' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'setup.errors.fileUnreadable' }),
});

/** A cell as read: any text, bounded; what is wrong with it is the row check's to say. */
const cell = (max: number) =>
  z.string({ message: 'validation.required' }).max(max, { message: 'validation.tooLong' });

export const importRowInput = z.strictObject({
  line: z.number().int().positive(),
  login: cell(200),
  displayName: cell(200),
  department: cell(200),
  roles: cell(500),
  head: cell(50),
  password: cell(200),
}) satisfies z.ZodType<ImportRowInput>;

/** A generated file: its name and its bytes as base64. */
export interface SheetDownload {
  fileName: string;
  data: string;
}

/** The preview of an import: the rows as read (sent back to import them) and their check. */
export interface ImportPreview {
  rows: ImportRowInput[];
  check: ImportCheck;
}

export const setupOperations = {
  /** What a new company still lacks before its first filed request (the sysadmin's home). */
  'setup.checklist': op<SetupChecklist>()({
    input: empty,
    access: 'settings.manage',
    write: false,
  }),
  /** The reception standard was read and stays as it is (saving it counts as reviewed too). */
  'setup.reviewPolicy': op<null>()({ input: empty, access: 'policy.manage', write: true }),
  /** The import sheet to fill in (xlsx), its headers in Chinese and English. */
  'setup.importTemplate': op<SheetDownload>()({
    input: z.strictObject({ language }),
    access: 'users.manage',
    write: false,
  }),
  /** Reads a sheet (xlsx or csv) and says what importing it would do; saves nothing. */
  'setup.importPreview': op<ImportPreview>()({
    input: sheetFile,
    access: 'users.manage',
    write: false,
  }),
  /**
   * Imports the previewed rows (blank passwords filled in by the caller) in one transaction:
   * checked again first, refused whole if any row has an error.
   */
  'setup.import': op<ImportCounts>()({
    input: z.strictObject({
      fileName: text(200),
      rows: z
        // Blank passwords were made up by the caller (he shows them once); none is left blank.
        .array(
          importRowInput.extend({
            password: cell(200).min(1, { message: 'validation.required' }),
          }),
        )
        .min(1, { message: 'setup.errors.noRows' })
        .max(MAX_IMPORT_ROWS, { message: 'validation.tooMany' }),
    }),
    access: 'users.manage',
    write: true,
  }),
  /** The made-up passwords of an import as a sheet to hand out (built, never stored). */
  'setup.passwordSheet': op<SheetDownload>()({
    input: z.strictObject({
      language,
      rows: z
        .array(
          z.strictObject({
            login: cell(200),
            displayName: cell(200),
            password: cell(200),
          }),
        )
        .max(MAX_IMPORT_ROWS, { message: 'validation.tooMany' }),
    }),
    access: 'users.manage',
    write: false,
  }),
};
