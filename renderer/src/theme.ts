import { theme, type ThemeConfig } from 'antd';

/**
 * The app's one antd theme. antd's default text and status colours are too light to read
 * (WCAG 2.1 AA asks 4.5:1 for text; secondary text #8c8c8c on white is 3.4:1, links #1677ff
 * 3.9:1, green/cyan/orange tags about 3:1). They are darkened here, once, for every page —
 * never page by page. theme.test.ts checks every text colour against the backgrounds it is
 * drawn on, and the browser journeys run axe on every screen.
 */
export const TEXT_TOKENS = {
  colorPrimary: '#0f766e',
  // Links and link buttons in the brand's teal (antd derives them from its blue info colour).
  colorLink: '#0f766e',
  colorLinkHover: '#115e59',
  colorLinkActive: '#134e4a',
  // Secondary text, descriptions' labels, form help, steps waiting their turn.
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  // Placeholders stay lighter than what is typed, but legible.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  // Status colours double as text (status tags, form warnings, danger buttons).
  colorError: '#c81e1e',
  colorWarning: '#a15c07',
  colorSuccess: '#15803d',
  colorInfo: '#1d4ed8',
  // antd derives the light tints from the status colour; from these darker ones it would mix
  // greys, so the tints are given too (Tailwind's 50 and 200 shades).
  colorErrorBg: '#fef2f2',
  colorErrorBorder: '#fecaca',
  colorWarningBg: '#fffbeb',
  colorWarningBorder: '#fde68a',
  colorSuccessBg: '#f0fdf4',
  colorSuccessBorder: '#bbf7d0',
  colorInfoBg: '#eff6ff',
  colorInfoBorder: '#bfdbfe',
} as const;

/** Preset tag colours: antd writes a tag's text in the palette's 7th shade. */
export const TAG_TEXT_TOKENS = {
  green7: '#237804',
  cyan7: '#006d75',
  orange7: '#ad4e00',
  volcano7: '#ad2102',
  gold7: '#8c5a00',
  lime7: '#3f6600',
  yellow7: '#7a5d00',
} as const;

/**
 * antd keeps each palette shade twice, as green7 and green-7, and both become the one CSS
 * variable --ant-green-7 (the later key wins): the override has to name both.
 */
function bothSpellings(tokens: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tokens).flatMap(([k, v]) => [
      [k, v],
      [k.replace(/(\d+)$/, '-$1'), v],
    ]),
  );
}

export const APP_THEME: ThemeConfig = {
  algorithm: theme.compactAlgorithm,
  token: { ...TEXT_TOKENS, ...bothSpellings(TAG_TEXT_TOKENS), borderRadius: 6 },
};

/** The app's theme, without any animation when the system asks for reduced motion. */
export function appTheme(reducedMotion: boolean): ThemeConfig {
  return reducedMotion ? { ...APP_THEME, token: { ...APP_THEME.token, motion: false } } : APP_THEME;
}
