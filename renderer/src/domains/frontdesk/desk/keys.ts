import { useEffect, useEffectEvent } from 'react';
import { useNavigate } from 'react-router';

/** Where the on-site list (the evacuation list) opens: F2 from any front-desk screen. */
export const ON_SITE_PATH = '/frontdesk/print/on-site';
export const ON_SITE_KEY = 'F2';

/** The board's address for a day (today without `?day=`). */
export const boardPath = (day?: string) => (day ? `/frontdesk?day=${day}` : '/frontdesk');

/** The badges of a visit's visitors on a day (`seqs`: only these; else everyone inside). */
export const badgesPath = (day: string, requestId: number, seqs?: readonly number[]) =>
  `/frontdesk/print/badges/${day}/${requestId}${seqs ? `?seqs=${seqs.join(',')}` : ''}`;

/** A key on the window while the screen is shown (removed when it goes). */
function useWindowKey(handler: (e: KeyboardEvent) => void) {
  const onKey = useEffectEvent(handler);
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

/** F2 opens the on-site list, from anywhere on a front-desk screen (even from a field). */
export function useOnSiteKey() {
  const navigate = useNavigate();
  useWindowKey((e) => {
    if (e.key !== ON_SITE_KEY || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    void navigate(ON_SITE_PATH);
  });
}

/** An open dialog or dropdown owns the keyboard: the board's keys wait until it closes. */
function inOverlay(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  return !!target?.closest?.(
    '[role="dialog"], .ant-picker-dropdown, .ant-select-dropdown, .ant-popover',
  );
}

/**
 * The board's keys: Alt+→ / PageDown the next day, Alt+← / PageUp the day before (today and
 * tomorrow are one key apart); / and Ctrl+F put the cursor in the search box.
 */
export function useBoardKeys(step: (days: number) => void, focusSearch: () => void) {
  useWindowKey((e) => {
    if (e.defaultPrevented || inOverlay(e)) return;
    const target = e.target as HTMLElement | null;
    const typing = !!target?.closest?.('input, textarea, [contenteditable="true"]');
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey;
    if ((e.altKey && e.key === 'ArrowRight') || (plain && e.key === 'PageDown')) {
      e.preventDefault();
      step(1);
    } else if ((e.altKey && e.key === 'ArrowLeft') || (plain && e.key === 'PageUp')) {
      e.preventDefault();
      step(-1);
    } else if (
      (e.ctrlKey && !e.altKey && (e.key === 'f' || e.key === 'F')) ||
      (plain && e.key === '/' && !typing)
    ) {
      e.preventDefault();
      focusSearch();
    }
  });
}
