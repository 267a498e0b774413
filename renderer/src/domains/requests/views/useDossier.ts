import { useCallback } from 'react';
import type { RequestDossier } from '../../../../../shared/requests/views';
import type { Result } from '../../../../../shared/result';
import { isSessionError, useAcceptDossier, useOp } from '../../../api/queries';

const notFound = (): Result<RequestDossier> => ({
  ok: false,
  error: { code: 'NOT_FOUND', key: 'errors.requestNotFound', message: 'Not found' },
});

/**
 * One dossier by the id in the route, through the query cache: read on open, read again when an
 * approval event names it (the invalidation table), and replaced by the dossier an action
 * returned without another round trip.
 */
export function useDossier(idParam: string | undefined) {
  const id = Number(idParam);
  const valid = Number.isSafeInteger(id) && id > 0;
  const query = useOp('requests.get', { id }, { enabled: valid });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  const replace = useAcceptDossier();

  let result: Result<RequestDossier> | null = null;
  if (!valid) result = notFound();
  // A failed re-read while locked keeps what is shown; the lock screen covers it anyway.
  else if (query.error && !(query.data && isSessionError(query.error))) {
    result = { ok: false, error: query.error };
  } else if (query.data) result = { ok: true, value: query.data };
  return { id, result, reload, replace };
}
