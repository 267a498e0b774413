/**
 * Phone numbers as clerks paste them ("138 0013 8000", "+86-138-0013-8000", "(010) 6552 9988")
 * are normalised to digits; what cannot be a Chinese mobile, a landline with area code or an
 * international number is rejected.
 */
export function normalizePhone(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  const plus = trimmed.startsWith('+');
  let digits = trimmed.replace(/[\s\-().\u3000（）－]/g, '').replace(/^\+/, '');
  if (/^(0086|86)1[3-9]\d{9}$/.test(digits)) digits = digits.replace(/^(0086|86)/, '');
  else if (plus && digits.startsWith('86') && /^860?\d{9,11}$/.test(digits)) {
    digits = '0' + digits.slice(2).replace(/^0/, '');
  } else if (plus) return '+' + digits;
  return digits;
}

export function isValidPhone(normalized: string): boolean {
  if (normalized === '') return true;
  return (
    /^1[3-9]\d{9}$/.test(normalized) || // mobile
    /^0\d{9,11}$/.test(normalized) || // landline with area code
    /^\+[1-9]\d{6,14}$/.test(normalized) // international (E.164)
  );
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Format of an 18-character resident identity card number (GB 11643). */
export function isResidentIdFormat(id: string): boolean {
  return /^\d{17}[\dXx]$/.test(id);
}

/** The check digit of a resident identity card number is right (a wrong one is only a warning). */
export function residentIdCheckDigitOk(id: string): boolean {
  if (!isResidentIdFormat(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}
