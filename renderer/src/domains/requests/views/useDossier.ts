import { useCallback, useEffect, useState } from 'react';
import type { RequestDossier } from '../../../../../shared/requests/views';
import type { Result } from '../../../../../shared/result';
import { call, subscribe } from '../../../api/client';

interface Loaded {
  id: number;
  result: Result<RequestDossier>;
}

const notFound = (): Result<RequestDossier> => ({
  ok: false,
  error: { code: 'NOT_FOUND', key: 'errors.requestNotFound', message: 'Not found' },
});

/**
 * One dossier by the id in the route: loads it, reloads when an approval event names it, and
 * takes the dossier an action returned without another round trip.
 */
export function useDossier(idParam: string | undefined) {
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let alive = true;
    const request = valid ? call('requests.get', { id }) : Promise.resolve(notFound());
    void request.then((result) => {
      if (alive) setLoaded({ id, result });
    });
    return () => {
      alive = false;
    };
  }, [id, valid, tick]);

  useEffect(
    () =>
      subscribe('approvals.changed', (p) => {
        if (p.requestId === id) setTick((n) => n + 1);
      }),
    [id],
  );

  const reload = useCallback(() => setTick((n) => n + 1), []);
  const replace = useCallback(
    (dossier: RequestDossier) =>
      setLoaded({ id: dossier.id, result: { ok: true, value: dossier } }),
    [],
  );
  const current = loaded && loaded.id === id ? loaded.result : null;
  return { id, result: current, reload, replace };
}
