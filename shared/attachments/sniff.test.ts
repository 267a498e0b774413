import { describe, expect, it } from 'vitest';
import { sniffMime, type AttachmentMime } from './sniff';

const bytes = (...b: (number | string)[]) =>
  Uint8Array.from(
    b.flatMap((x) => (typeof x === 'string' ? [...x].map((c) => c.charCodeAt(0)) : [x])),
  );

/** The type is what the bytes say; the name a file came with plays no part. */
describe('sniffMime', () => {
  const cases: [string, Uint8Array, AttachmentMime | null][] = [
    ['JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['JPEG (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 'Exif'), 'image/jpeg'],
    ['PNG', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR'), 'image/png'],
    ['PDF 1.7', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['PDF 2.0', bytes('%PDF-2.0'), 'application/pdf'],
    ['a Windows program (MZ), whatever it is called', bytes('MZ', 0x90, 0, 3, 0, 0, 0), null],
    ['an ELF program', bytes(0x7f, 'ELF', 2, 1, 1), null],
    ['a ZIP (or .docx / .xlsx)', bytes('PK', 3, 4, 20, 0), null],
    ['GIF (not taken)', bytes('GIF89a'), null],
    ['WebP (not taken)', bytes('RIFF', 0, 0, 0, 0, 'WEBP'), null],
    ['HTML that says PDF further on', bytes('<html>%PDF-'), null],
    ['a PDF with junk before its header', bytes(' %PDF-1.4'), null],
    ['a PNG signature cut short', bytes(0x89, 'PNG', 0x0d, 0x0a), null],
    [
      'a PNG signature damaged by a text-mode copy (CRLF → LF)',
      bytes(0x89, 'PNG', 0x0a, 0x1a, 0x0a, 0),
      null,
    ],
    ['only FF D8 (no marker after)', bytes(0xff, 0xd8), null],
    ['empty', bytes(), null],
    ['plain text', bytes('hello, world'), null],
  ];
  it.each(cases)('%s → %s', (_name, input, expected) => {
    expect(sniffMime(input)).toBe(expected);
  });
});
