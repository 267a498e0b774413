// Types for abi.mjs (plain JS so `node scripts/*.mjs` runs it without a TypeScript step).

export type AbiStatus = 'ok' | 'mismatch' | 'missing' | 'unknown';

export interface AbiCheck {
  file: string;
  status: AbiStatus;
  /** Every ABI number the file names (normally exactly one). */
  found: number[];
  expected: number;
}

export function abisInBuffer(bytes: Buffer): number[];
export function readAbi(file: string): number | null;
export function checkAbi(file: string, expected: number | string): AbiCheck;
