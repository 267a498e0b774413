import type { OpParsed } from '../../../shared/contract/operations';
import {
  checkImport,
  departmentKey,
  MAX_IMPORT_FILE_BYTES,
  sheetRows,
  type ImportCounts,
  type ImportFacts,
  type ImportPreview,
  type ImportRowInput,
} from '../../../shared/setup';
import type { ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { hashPassword } from '../auth';
import { addDepartment, departmentHeads, setFirstHead } from '../departments';
import { createUser, takenLogins } from '../users';
import { readSheet } from './sheets';

/** What the rows' check needs from the database: two statements whatever the sheet's size. */
async function importFacts(
  ctx: ServiceContext,
  rows: readonly ImportRowInput[],
): Promise<ImportFacts & { departmentIds: Map<string, number> }> {
  const logins = [...new Set(rows.map((r) => r.login.trim().toLowerCase()).filter(Boolean))];
  const departments = await departmentHeads(ctx.db);
  return {
    takenLogins: await takenLogins(ctx.db, logins),
    departments: new Map(departments.map((d) => [departmentKey(d.name), { headName: d.headName }])),
    departmentIds: new Map(departments.map((d) => [departmentKey(d.name), d.id])),
  };
}

/** Reads the sheet and says what importing it would do. Writes nothing. */
export async function previewImport(
  ctx: ServiceContext,
  input: OpParsed<'setup.importPreview'>,
): Promise<ImportPreview> {
  const bytes = Buffer.from(input.data, 'base64');
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new AppError('INVALID_INPUT', 'setup.errors.fileTooBig', {
      max: MAX_IMPORT_FILE_BYTES / 1024,
    });
  }
  const read = sheetRows(await readSheet(bytes));
  if (!read.ok) throw new AppError('INVALID_INPUT', read.error.key, read.error.params);
  const check = checkImport(read.rows, await importFacts(ctx, read.rows));
  return { rows: read.rows, check };
}

/**
 * Imports the previewed rows, all or nothing: checked again against the database as it is now
 * (someone may have taken a login since the preview), refused whole if any row has an error.
 * Creates the missing departments, the users (who must change the password someone else chose)
 * and names the heads; one audit entry per created record, and one for the import.
 */
export async function importRows(
  ctx: ServiceContext,
  input: OpParsed<'setup.import'>,
): Promise<ImportCounts> {
  const facts = await importFacts(ctx, input.rows);
  const { rows, counts } = checkImport(input.rows, facts);
  if (counts.errorRows > 0) {
    throw new AppError('CONFLICT', 'setup.errors.importHasErrors', { count: counts.errorRows });
  }
  // Argon2id takes ~15 ms a password: side by side on the thread pool, not one after the other.
  const hashes = await Promise.all(input.rows.map((r) => hashPassword(r.password)));

  const departmentIds = facts.departmentIds;
  for (const row of rows) {
    // Created as first spelled; "Sales" and "sales" in two rows are one department.
    if (row.department && !departmentIds.has(departmentKey(row.department))) {
      departmentIds.set(departmentKey(row.department), await addDepartment(ctx, row.department));
    }
  }
  for (const [i, row] of rows.entries()) {
    const departmentId = row.department
      ? (departmentIds.get(departmentKey(row.department)) ?? null)
      : null;
    const user = await createUser(ctx, {
      login: row.login,
      displayName: row.displayName,
      departmentId,
      roles: row.roles,
      password: '',
      passwordHash: hashes[i]!,
      mustChangePassword: true,
    });
    if (row.head && departmentId !== null) await setFirstHead(ctx, departmentId, user.id);
  }
  ctx.audit({
    entityType: 'userImport',
    summary: {
      fileName: input.fileName,
      importedUsers: counts.users,
      createdDepartments: counts.newDepartments,
      headsSet: counts.heads,
    },
  });
  return counts;
}
