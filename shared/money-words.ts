import type { Fen } from './money';

/**
 * 人民币大写: an amount in fen as the Chinese capital numerals a signed form, a voucher or a
 * cheque carries (120000 fen → 壹仟贰佰元整), so the figure cannot be altered by adding a digit.
 *
 * The rules, and where they come from:
 * - 中国人民银行《支付结算办法》附件《正确填写票据和结算凭证的基本规定》(银发〔1997〕393号):
 *   一、the characters 壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分零整; never 一二三, 两, 毛, 另.
 *   二、"到'元'为止的，在'元'之后，应写'整'"; "有'分'的，'分'后面不写'整'".
 *   四(一)(二) a 0 between digits is written 零, a run of 0s only once (¥6,007.14 → 陆仟零柒元壹角肆分).
 *   四(三) where the 万 or 元 place is 0 but the 仟 or 角 place is not, one 零 "或者不写" — either is
 *     correct; we leave it out, as Chinese reads the number (¥107,000.53 → 壹拾万柒仟元伍角叁分,
 *     ¥1,680.32 → 壹仟陆佰捌拾元叁角贰分). A 0 at the end of a 万 (or 亿) group is never read;
 *     a gap inside or right after a group is (¥100,010 → 壹拾万零壹拾元整).
 *   四(四) 角 is 0 and 分 is not: 零 after 元 is required (¥16,409.02 → 壹万陆仟肆佰零玖元零贰分).
 * - 财政部《会计基础工作规范》第五十二条(三): "大写金额数字到元或者角为止的，在'元'或者'角'字
 *   之后应当写'整'字或者'正'字" — the bank's rule lets 整 after 角 be left out, the accounting one
 *   asks for it, so an amount that ends in 角 gets 整 (¥101.50 → 壹佰零壹元伍角整).
 * - 拾 is always written with its digit (壹拾元整, not 拾元整), the form banks ask for on
 *   cheques so that nothing can be put in front of it.
 * - Under one 元 there is no 元 and no leading 零 (¥0.05 → 伍分); nothing at all is 零元整.
 *   A negative amount (a refund) is 负 in front.
 */
export function amountInCapitals(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`Not a whole number of fen: ${fen}`);
  if (fen < 0) return `负${amountInCapitals(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let words = yuan > 0 ? `${wholeNumber(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += '零';
  return words + (cents > 0 ? `${DIGITS[cents]}分` : '整');
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['仟', '佰', '拾', ''] as const;

/**
 * A positive whole number in capitals: groups of four digits under 万 and of eight under 亿 (so
 * 1,0000,0000,0000 is 壹万亿). A group that follows with a leading gap gets one 零.
 */
function wholeNumber(n: number): string {
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    return `${wholeNumber(high)}亿${low === 0 ? '' : (low < 1e7 ? '零' : '') + wholeNumber(low)}`;
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    return `${group(high)}万${low === 0 ? '' : (low < 1e3 ? '零' : '') + group(low)}`;
  }
  return group(n);
}

/** 1–9999: 零 once for a gap between digits, nothing for trailing zeros. */
function group(n: number): string {
  const digits = String(n).padStart(4, '0');
  let words = '';
  let gap = false;
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i]);
    if (d === 0) {
      gap = words !== '';
      continue;
    }
    words += `${gap ? '零' : ''}${DIGITS[d]}${PLACES[i]}`;
    gap = false;
  }
  return words;
}
