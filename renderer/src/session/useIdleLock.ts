import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * Locks the shared front-desk screen after `idleMinutes` without keyboard or mouse activity and
 * reports activity to main, whose own idle check is the one that counts.
 */
export function useIdleLock(active: boolean, idleMinutes: number, lock: () => Promise<void>) {
  const lastActivity = useRef(0);
  const lastReported = useRef(0);

  useEffect(() => {
    if (!active) return;
    lastActivity.current = Date.now();
    lastReported.current = Date.now();
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current >= idleMinutes * 60_000) {
        void lock();
      } else if (lastActivity.current > lastReported.current) {
        lastReported.current = now;
        void call('auth.touch', {});
      }
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [active, idleMinutes, lock]);
}
