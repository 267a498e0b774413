import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia?.(QUERY);
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/**
 * True while the system asks for less motion (Windows: 显示动画 off; macOS: 减弱动态效果).
 * antd's CSS already drops its animations then, but its dialogs and dropdowns still wait for the
 * end of an animation that never runs; the theme's `motion: false` skips them outright.
 */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia?.(QUERY).matches ?? false,
    () => false,
  );
}
