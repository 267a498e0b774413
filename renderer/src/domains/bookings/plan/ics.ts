import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';

/** Hands text to the browser as a download under `fileName` (a Blob and a temporary URL). */
export function saveText(text: string, mime: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Exports a request's itinerary with its bookings (or one booking) as an .ics download. */
export function useIcsDownload(): (requestId: number, bookingId: number | null) => Promise<void> {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    async (requestId: number, bookingId: number | null) => {
      const r = await call('bookings.ics', { requestId, bookingId });
      if (!r.ok) {
        void message.error(t(r.error.key, r.error.params));
        return;
      }
      saveText(r.value.text, 'text/calendar;charset=utf-8', r.value.fileName);
    },
    [t, message],
  );
}
