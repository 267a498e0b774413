import type { EventName } from '../../shared/contract/names';
import type { EventPayload } from '../../shared/contract/operations';

export interface AppEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
  /** Who may receive it. Transports deliver only to sessions of these users. */
  userIds: number[];
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
