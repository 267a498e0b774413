import { LOCAL_APP_CLIENT } from '../../../../shared/auth/sessions';

/** The dispatcher's client when the transport named none (main/api/dispatcher.ts). */
const UNKNOWN_CLIENT = 'unknown';

/**
 * Where a session was opened from, in words where it is not an address: the desktop window, or
 * nothing recorded (sessions from before addresses were kept; calls whose transport named none).
 * `recorded` false: shown greyed, as a note rather than a value.
 */
export function clientLabel(
  client: string | null,
  t: (key: string) => string,
): { text: string; recorded: boolean } {
  if (client === LOCAL_APP_CLIENT) return { text: t('sessions.localApp'), recorded: true };
  if (client === null || client === UNKNOWN_CLIENT) {
    return { text: t('sessions.unknownClient'), recorded: false };
  }
  return { text: client, recorded: true };
}
