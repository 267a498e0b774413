import type { AttachmentMime } from './sniff';
import type { OwnerType } from './contract';

export interface AttachmentView {
  id: number;
  ownerType: OwnerType;
  ownerId: number;
  /** Display only (cleaned, with the extension of its real type). */
  fileName: string;
  mime: AttachmentMime;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  /** A small JPEG as a data URL (images only); a PDF shows an icon. */
  thumbDataUrl: string | null;
  uploadedByName: string;
  uploadedAtMs: number;
  canRemove: boolean;
}

export interface AttachmentList {
  items: AttachmentView[];
  /** The caller may add files to this record now. */
  canAttach: boolean;
  /** At most this many files per record. */
  max: number;
}

export interface AttachmentFile {
  fileName: string;
  mime: AttachmentMime;
  dataBase64: string;
}
