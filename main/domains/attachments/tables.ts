import type { Generated } from 'kysely';
import type { AttachmentMime } from '../../../shared/attachments/sniff';

/** attachments's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface AttachmentsTables {
  attachments: {
    id: Generated<number>;
    ownerType: string;
    ownerId: number;
    sha256: string;
    mime: AttachmentMime;
    sizeBytes: number;
    fileName: string;
    width: number | null;
    height: number | null;
    thumbSha256: string | null;
    uploadedBy: number;
    uploadedAtMs: number;
    removedBy: number | null;
    removedAtMs: number | null;
  };
}
