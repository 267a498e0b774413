/**
 * Flight and train numbers as pasted ("CA 1234", "g 102", "ＭＵ５１０１"): full width folded,
 * spaces dropped, upper case. A flight is a two-character airline code and 1–4 digits (an
 * optional letter suffix); a train a letter (G D C Z T K Y S L) and digits, or digits alone.
 */
export function normalizeTransportNo(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function isTransportNo(no: string): boolean {
  // An airline code is two letters or a letter and a digit (CA, MU, 3U, 9C): never two digits.
  return /^(([A-Z]{2}|[A-Z]\d|\d[A-Z])\d{1,4}[A-Z]?|[GDCZTKYSL]\d{1,5}|\d{1,5})$/.test(no);
}

/** A rail number rather than a flight: the plan proposes a rail ticket for it. */
export function isTrainNo(no: string): boolean {
  return /^[GDCZTKYSL]?\d{1,5}$/.test(no);
}
