import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/result';
import { useInvalidate } from '../../../api/queries';

/** A refusal as a toast; a stale or vanished entry also reloads the list. */
export function useWatchRefusal(): (error: ApiError) => void {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return useCallback(
    (error: ApiError) => {
      void message.error(t(error.key, error.params));
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        void invalidate('frontdesk.watchlist').then(
          () => void message.info(t('frontdeskWatch.refreshed')),
        );
      }
    },
    [t, message, invalidate],
  );
}
