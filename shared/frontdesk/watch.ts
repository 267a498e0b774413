import type { WatchHit } from './views';

/** A watchlist entry as matching needs it (normalised when saved). */
export interface WatchEntry {
  id: number;
  kind: 'person' | 'org';
  /** The name, trimmed and lower case; '' when none was given. */
  nameKey: string;
  /** `orgKey(orgName)` (shared/requests/org.ts); '' when none. */
  orgKey: string;
  /** Normalised phone (normalizePhone); '' when none. */
  phone: string;
  /** Hash of the normalised ID number; '' when none. */
  idHash: string;
  reason: string;
}

/** Someone (or some organisation) to look up, normalised the same way. */
export interface WatchCandidate {
  nameKey: string;
  orgKey: string;
  phone: string;
  idHash: string;
}

/**
 * The entries a visitor matches, each once with the strongest ground: an organisation entry by
 * the visit's organisation; a person by phone, then ID, then name — a name alone only where the
 * entry has no phone or ID to go by, or names the same organisation (common names would
 * otherwise stop half the visitors).
 */
export function matchWatch(entries: readonly WatchEntry[], c: WatchCandidate): WatchHit[] {
  const hits: WatchHit[] = [];
  for (const e of entries) {
    const on = groundOf(e, c);
    if (on) hits.push({ watchId: e.id, kind: e.kind, on, reason: e.reason });
  }
  return hits;
}

function groundOf(e: WatchEntry, c: WatchCandidate): WatchHit['on'] | null {
  if (e.kind === 'org') return e.orgKey !== '' && e.orgKey === c.orgKey ? 'org' : null;
  if (e.phone !== '' && e.phone === c.phone) return 'phone';
  if (e.idHash !== '' && e.idHash === c.idHash) return 'id';
  if (e.nameKey !== '' && e.nameKey === c.nameKey) {
    const identified = e.phone !== '' || e.idHash !== '';
    if (!identified || (e.orgKey !== '' && e.orgKey === c.orgKey)) return 'name';
  }
  return null;
}

/** Spaces beside a Han character: a Chinese name is written with or without one after the surname. */
const SPACE_BY_HAN = /(?<=\p{Script=Han})\s+|\s+(?=\p{Script=Han})/gu;

/**
 * A name as the watchlist compares it: compatibility forms folded (full-width Ｌｅｅ = Lee), spaces
 * collapsed, lower case; a space beside a Han character dropped ("王 五" = "王五").
 */
export function watchNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(SPACE_BY_HAN, '').toLowerCase();
}
