// @vitest-environment jsdom
import './test/jsdom';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { usePrefersReducedMotion } from './reducedMotion';

/** A system setting the test can flip, as the user would in the OS's display settings. */
function systemSetting(initial: boolean) {
  let matches = initial;
  const listeners = new Set<() => void>();
  const original = window.matchMedia;
  window.matchMedia = (query: string) =>
    ({
      get matches() {
        return query === '(prefers-reduced-motion: reduce)' && matches;
      },
      media: query,
      addEventListener: (_: string, l: () => void) => listeners.add(l),
      removeEventListener: (_: string, l: () => void) => listeners.delete(l),
    }) as unknown as MediaQueryList;
  return {
    set(value: boolean) {
      matches = value;
      for (const l of listeners) l();
    },
    listeners,
    restore: () => {
      window.matchMedia = original;
    },
  };
}

let restore = () => undefined as void;
afterEach(() => restore());

describe('usePrefersReducedMotion', () => {
  it('is off unless the system asks for less motion', () => {
    restore = systemSetting(false).restore;
    expect(renderHook(() => usePrefersReducedMotion()).result.current).toBe(false);
  });

  it('follows the setting when it changes, and stops listening once unmounted', () => {
    const setting = systemSetting(true);
    restore = setting.restore;
    const { result, unmount } = renderHook(() => usePrefersReducedMotion());
    expect(result.current).toBe(true);
    act(() => setting.set(false));
    expect(result.current).toBe(false);
    unmount();
    expect(setting.listeners.size).toBe(0);
  });
});
