// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { password } from '../../../../shared/validation/fields';
import { fileBase64, makePassword } from './files';

describe('makePassword', () => {
  it('makes valid passwords of unambiguous characters, each different', () => {
    const made = Array.from({ length: 200 }, () => makePassword());
    for (const p of made) {
      expect(password.safeParse(p).success).toBe(true);
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{12}$/);
    }
    expect(new Set(made).size).toBe(made.length);
  });
});

describe('fileBase64', () => {
  it('encodes a file larger than one chunk byte for byte', async () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 256);
    const data = await fileBase64(new Blob([bytes]));
    expect(Uint8Array.from(atob(data), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
