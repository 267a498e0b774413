import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';

/** Loads a list from main, with loading state and a translated error toast. */
export function useList<T>(load: () => Promise<Result<T[]>>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void load().then((r) => {
      if (cancelled) return;
      setLoading(false);
      if (r.ok) setItems(r.value);
      else void message.error(t(r.error.key, r.error.params));
    });
    return () => {
      cancelled = true;
    };
  }, [load, message, t, version]);

  const reload = useCallback(() => {
    setLoading(true);
    setVersion((v) => v + 1);
  }, []);
  return { items, loading, reload };
}
