import type { EventName } from '../../shared/contract/names';
import type { EventPayload } from '../../shared/contract/operations';

export interface AppEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
  /** Who may receive it. Transports deliver only to live sessions of these users. */
  userIds: number[];
  /**
   * The sessions (token hashes) it is for, whatever their state: when set, these get it and no
   * one else (`userIds` is not consulted). A revocation needs it: the sessions it tells are
   * ended, and by user an event reaches live sessions only. Never sent to a client; the rule is
   * `eventIsFor` (main/api/delivery.ts).
   */
  sessions?: readonly string[];
}

type Listener = (event: AppEvent) => void;

/** In-process fan-out from services (after commit) to the transports' subscribers. */
export class EventBus {
  private listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: AppEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (e) {
        console.error('event listener failed', e);
      }
    }
  }
}
