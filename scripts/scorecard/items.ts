import type { ScoreItem, ScoreItemId } from './types';

/**
 * The scorecard's items, each loaded only in the child process that runs it (an item may set
 * process-wide things, such as a cheap password hasher, that must not leak into the next).
 */
export const ITEMS: Partial<Record<ScoreItemId, () => Promise<ScoreItem>>> = {
  D1: async () => (await import('./d1-crash')).item,
  D2: async () => (await import('./d2-backups')).item,
  D3: async () => (await import('./d3-fuzz')).item,
  D4: async () => (await import('./d4-matrix')).item,
  D5: async () => (await import('./d5-audit')).item,
  D6: async () => (await import('./d6-shell')).item,
  D7: async () => (await import('./d7-files')).item,
  D8: async () => (await import('./d8-privacy')).item,
  D9: async () => (await import('./d9-login')).item,
};
