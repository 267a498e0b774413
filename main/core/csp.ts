/**
 * The one Content-Security-Policy of the renderer, for the Electron window (its `<meta>` tag in
 * renderer/index.html and a response header) and the browser-mode server's header alike:
 * - no 'unsafe-eval' anywhere and scripts only from the app itself;
 * - 'unsafe-inline' for styles only, because antd's CSS-in-JS injects `<style>` elements;
 * - no frames, plugins, <base> or form posts: the UI is one page that talks to its own API.
 * Written so it also works in a `<meta>` tag (no frame-ancestors, which a meta tag ignores).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * The same policy as an HTTP header, which can also forbid being framed by another site
 * (`frame-ancestors`, ignored in a `<meta>` tag).
 */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;
