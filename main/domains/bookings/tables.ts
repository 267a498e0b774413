import type { Generated } from 'kysely';
import type {
  BookingKind,
  BookingStatus,
  ResourceInput,
  ResourceKind,
} from '../../../shared/bookings';
import type { Need } from '../../../shared/bookings/plan';
import type { StoredDetail } from '../../../shared/bookings/views';
import type { Json } from '../../core/json';

/** bookings's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface BookingsTables {
  bookingResources: {
    id: Generated<number>;
    kind: ResourceKind;
    name: string;
    /** What the unique index compares: the name (the plate for a vehicle) without case or spaces. */
    nameKey: string;
    capacity: number;
    stock: number;
    details: Json<ResourceInput>;
    active: 0 | 1;
    lockVersion: Generated<number>;
    version: Generated<number>;
    createdAtMs: number;
    updatedAtMs: number;
  };
  bookings: {
    id: Generated<number>;
    requestId: number;
    kind: BookingKind;
    status: BookingStatus;
    needKey: string | null;
    need: Json<Need> | null;
    resourceId: number | null;
    startMs: number;
    endMs: number;
    detail: Json<StoredDetail>;
    amountFen: number;
    version: Generated<number>;
    createdBy: number;
    createdAtMs: number;
    updatedAtMs: number;
  };
  bookingSlots: {
    bookingId: number;
    resourceId: number;
    startMs: number;
    endMs: number;
    blocking: 0 | 1;
  };
}
