import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { APP_THEME, appTheme } from './theme';

type Rgb = [number, number, number];

/** '#rrggbb' or 'rgba(r, g, b, a)' laid over a background, as the screen shows it. */
function parse(colour: string, over: Rgb = [255, 255, 255]): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  if (hex?.[1]) {
    const n = parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgba = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(colour);
  if (!rgba) throw new Error(`unreadable colour ${colour}`);
  const a = rgba[4] === undefined ? 1 : Number(rgba[4]);
  return [1, 2, 3].map((i) => Number(rgba[i]) * a + over[i - 1]! * (1 - a)) as Rgb;
}

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(fg: string, bg: string): number {
  const back = parse(bg);
  const [l1, l2] = [luminance(parse(fg, back)), luminance(back)].sort((a, b) => b - a);
  return (l1! + 0.05) / (l2! + 0.05);
}

const token = theme.getDesignToken(APP_THEME) as unknown as Record<string, string>;
const tok = (name: string) => {
  const v = token[name];
  if (typeof v !== 'string') throw new Error(`no token ${name}`);
  return v;
};

describe('the theme', () => {
  it('measures contrast the way WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // antd's own secondary text fails: the reason this file exists.
    expect(contrast('rgba(0, 0, 0, 0.45)', '#ffffff')).toBeLessThan(4.5);
  });

  // Every text colour on the backgrounds it is drawn on: the page, a table's header and
  // the grey of a filled select, and its own light tint for tags and alerts.
  const plain = ['#ffffff', '#fafafa', '#f5f5f5', '#f2f3f3', '#f6f8fa'];
  const cases: [string, string[]][] = [
    ['colorText', plain],
    ['colorTextSecondary', plain],
    ['colorTextTertiary', plain],
    ['colorTextDescription', plain],
    ['colorTextPlaceholder', ['#ffffff', '#fafafa', '#f2f3f3']],
    ['colorLink', ['#ffffff', '#fafcfc']],
    ['colorError', ['#ffffff', tok('colorErrorBg')]],
    ['colorWarning', ['#ffffff', tok('colorWarningBg')]],
    ['colorSuccess', ['#ffffff', tok('colorSuccessBg')]],
    ['colorInfo', ['#ffffff', tok('colorInfoBg')]],
    ...[
      'green',
      'cyan',
      'orange',
      'volcano',
      'gold',
      'lime',
      'yellow',
      'blue',
      'red',
      'purple',
      'magenta',
      'geekblue',
    ].map((c): [string, string[]] => [`${c}7`, ['#ffffff', tok(`${c}1`)]]),
  ];
  it('gives both spellings of a palette shade one colour (they share a CSS variable)', () => {
    for (const c of ['green', 'cyan', 'orange', 'volcano', 'gold', 'lime', 'yellow']) {
      expect(tok(`${c}-7`), c).toBe(tok(`${c}7`));
    }
  });

  it.each(cases)('%s is legible (≥ 4.5:1)', (name, backgrounds) => {
    for (const bg of backgrounds) {
      expect(contrast(tok(name), bg), `${name} ${tok(name)} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps placeholders lighter than typed text', () => {
    expect(contrast(tok('colorTextPlaceholder'), '#ffffff')).toBeLessThan(
      contrast(tok('colorText'), '#ffffff'),
    );
  });

  it('turns every animation off for reduced motion, and changes nothing else', () => {
    expect(appTheme(false)).toBe(APP_THEME);
    const reduced = appTheme(true);
    expect(reduced.token?.motion).toBe(false);
    expect({ ...reduced.token, motion: undefined }).toEqual({
      ...APP_THEME.token,
      motion: undefined,
    });
    expect(reduced.algorithm).toBe(APP_THEME.algorithm);
  });
});
