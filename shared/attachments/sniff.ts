/**
 * What a file is, from its first bytes. The declared name (and its extension) is whatever the
 * sender typed: `invite.pdf` may be a Windows program. Only these signatures are taken, and the
 * type stored and served is the one found here, never the one claimed.
 */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/** The extension a stored type is downloaded with (whatever the uploaded name said). */
export const EXTENSION: Readonly<Record<AttachmentMime, string>> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'application/pdf': '.pdf',
};

const SIGNATURES: readonly { mime: AttachmentMime; bytes: readonly number[] }[] = [
  // JPEG: SOI then the first marker's FF.
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  // PNG: its fixed 8-byte signature (the CR LF / LF in it catch text-mode corruption).
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // PDF: "%PDF-" at the very start (readers allow junk before it; we do not).
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

/** The type these bytes are, or null when they are none of the types we take. */
export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  for (const { mime, bytes: sig } of SIGNATURES) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return mime;
  }
  return null;
}

export const isImageMime = (mime: string): boolean => mime.startsWith('image/');
