import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';

function attachmentsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('attachments as a')
    .innerJoin('users as u', 'u.id', 'a.uploadedBy')
    .select([
      'a.id',
      'a.ownerType',
      'a.ownerId',
      'a.sha256',
      'a.mime',
      'a.sizeBytes',
      'a.fileName',
      'a.width',
      'a.height',
      'a.thumbSha256',
      'a.uploadedBy',
      'a.uploadedAtMs',
      'a.removedAtMs',
      'u.displayName as uploadedByName',
    ]);
}

export type AttachmentRow = Awaited<
  ReturnType<ReturnType<typeof attachmentsQuery>['executeTakeFirstOrThrow']>
>;

/** A record's files still on it, in upload order (index attachments_owner). */
export function ownerRowsQuery(db: Kysely<DB>, ownerType: string, ownerId: number) {
  return attachmentsQuery(db)
    .where('a.ownerType', '=', ownerType)
    .where('a.ownerId', '=', ownerId)
    .where('a.removedAtMs', 'is', null)
    .orderBy('a.id');
}

export function ownerRows(db: Kysely<DB>, ownerType: string, ownerId: number) {
  return ownerRowsQuery(db, ownerType, ownerId).execute();
}

export function attachmentById(db: Kysely<DB>, id: number) {
  return attachmentsQuery(db).where('a.id', '=', id).executeTakeFirst();
}

/** How many files a record has now (against MAX_FILES_PER_OWNER). */
export async function activeCount(db: Kysely<DB>, ownerType: string, ownerId: number) {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ownerType', '=', ownerType)
    .where('ownerId', '=', ownerId)
    .where('removedAtMs', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
