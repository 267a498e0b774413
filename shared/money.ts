/** Money is integer fen (分) everywhere; only the screen shows yuan. */
export type Fen = number;

export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export const fenToYuan = (fen: Fen): number => fen / 100;
