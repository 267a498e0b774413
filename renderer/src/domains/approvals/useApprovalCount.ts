import { useEffect, useState } from 'react';
import { call, subscribe } from '../../api/client';

/** The inbox count for the sidebar badge: on start, on every approvals event, and each minute. */
export function useApprovalCount(enabled: boolean, userId: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    const load = () =>
      void call('approvals.count', {}).then((r) => {
        if (alive && r.ok) setCount(r.value.count);
      });
    load();
    const timer = window.setInterval(load, 60_000);
    const stop = subscribe('approvals.changed', load);
    return () => {
      alive = false;
      window.clearInterval(timer);
      stop();
    };
  }, [enabled, userId]);
  return enabled ? count : 0;
}
