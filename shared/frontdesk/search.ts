import { keysMatch, queryWords } from './keys';
import type { BoardGuest, BoardVisit } from './views';

export interface BoardMatch {
  visit: BoardVisit;
  /** The visit's visitors the search found: all of them when the visit itself matched. */
  guests: BoardGuest[];
}

/**
 * The board's search box: visits whose organisation, code or car matches any word keep all their
 * visitors; otherwise a visit shows the visitors whose name, pinyin or phone tail matches ("zs ls"
 * finds 张三 and 李四 of the same group — the two who came). An empty query keeps everything.
 */
export function searchBoard(visits: readonly BoardVisit[], query: string): BoardMatch[] {
  const words = queryWords(query);
  const out: BoardMatch[] = [];
  for (const visit of visits) {
    if (words.length === 0 || keysMatch(visit.keys, words)) {
      out.push({ visit, guests: visit.guests });
      continue;
    }
    const guests = visit.guests.filter((g) => keysMatch(g.keys, words));
    if (guests.length > 0) out.push({ visit, guests });
  }
  return out;
}
