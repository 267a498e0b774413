import type { Kysely } from 'kysely';
import type { OwnerType } from '../../../shared/attachments';
import type { DB } from '../../db/schema';

/**
 * Forgets every attachment of a record that is itself deleted (a draft its host never submitted:
 * nobody else saw it). Rows, not only marks: a request's id can be given again to the next one
 * (rowid without AUTOINCREMENT), which must not inherit the deleted draft's files. The files stay
 * in the store, where no row names them.
 */
export async function forgetAttachmentsOf(
  db: Kysely<DB>,
  ownerType: OwnerType,
  ownerId: number,
): Promise<void> {
  await db
    .deleteFrom('attachments')
    .where('ownerType', '=', ownerType)
    .where('ownerId', '=', ownerId)
    .execute();
}
