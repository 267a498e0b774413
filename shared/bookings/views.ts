import type { Fen } from '../money';
import type { RequestStatus } from '../requests';
import type { Tier } from '../policy';
import type { Need, PlanLine } from './plan';
import type {
  BookingDetail,
  BookingKind,
  BookingStatus,
  ResourceInput,
  ResourceKind,
  StoredSupplyLine,
} from './schema';

export interface ResourceView {
  id: number;
  kind: ResourceKind;
  name: string;
  /** Seats, room capacity or the restaurant's largest private room. */
  capacity: number;
  stock: number;
  active: boolean;
  version: number;
  details: ResourceInput;
}

/** A booking as stored: supplies also say what came back after the visit. */
export type StoredDetail =
  | Exclude<BookingDetail, { kind: 'supply' }>
  | { kind: 'supply'; date: string; items: StoredSupplyLine[] };

/** Another booking of the same resource at the same time (a tentative booking only warns). */
export interface Clash {
  bookingId: number;
  requestId: number;
  requestCode: string;
  resourceName: string;
  status: BookingStatus;
  startMs: number;
  endMs: number;
}

export interface BookingView {
  id: number;
  requestId: number;
  requestCode: string;
  orgName: string;
  kind: BookingKind;
  status: BookingStatus;
  needKey: string | null;
  need: Need | null;
  startMs: number;
  endMs: number;
  detail: StoredDetail;
  amountFen: Fen;
  version: number;
  /** Catalogue names of the ids in `detail`. */
  names: Record<number, string>;
  /**
   * Resources of a live booking deactivated since it was made (a car sold, a driver gone): the
   * booking still names them, and the office must book another.
   */
  deactivated: string[];
  /** Cars: when the driver must be at the pickup point. */
  driverCallMs: number | null;
  /** Restaurants: the price per head against the tier's cap of the request's policy version. */
  mealCap: { capFen: Fen | null; overPerHeadFen: Fen; overTotalFen: Fen } | null;
  clashes: Clash[];
  createdAtMs: number;
  updatedAtMs: number;
}

/** A resource offered for a line or a time, best first; `fits` false ones come last, with why. */
export interface Candidate {
  id: number;
  name: string;
  capacity: number;
  fits: boolean;
  /** Why it does not fit (an i18n key), or null. */
  misfit: string | null;
  /** Hotels: room types and agreed prices; restaurants: the set price per head. */
  priceFen: Fen | null;
  roomTypes?: { name: string; priceFen: Fen }[];
  privateRooms?: { name: string; capacity: number }[];
  stock?: number;
}

export interface PlanLineView extends PlanLine {
  /** The live booking made for this line, if any. */
  booking: BookingView | null;
  /** That booking no longer matches what the line asks (the request changed). */
  stale: boolean;
  candidates: Candidate[];
  /** Cars: the drivers, ranked the same way. */
  drivers: Candidate[];
  /** Why the plan cannot satisfy the line (an i18n key), or null. */
  unmet: string | null;
}

export interface PlanRequest {
  id: number;
  code: string;
  orgName: string;
  tier: Tier;
  status: RequestStatus;
  arrivalDate: string;
  departureDate: string;
  visitorCount: number;
  /** Confirmed bookings may be made (approved, filed or under way). */
  bookable: boolean;
}

export interface PlanView {
  request: PlanRequest;
  lines: PlanLineView[];
  /** Live bookings whose plan line is gone (the request changed) or that were made by hand. */
  others: BookingView[];
}

export interface ToPlanRow {
  requestId: number;
  code: string;
  orgName: string;
  tier: Tier;
  status: RequestStatus;
  arrivalDate: string;
  departureDate: string;
  /** Live bookings made so far. */
  booked: number;
}

export interface ToPlanPage {
  rows: ToPlanRow[];
  next: string | null;
}

export interface FreeView {
  vehicles: Candidate[];
  drivers: Candidate[];
  rooms: Candidate[];
}

export interface CalendarSlot {
  resourceId: number;
  bookingId: number;
  requestId: number;
  requestCode: string;
  orgName: string;
  kind: BookingKind;
  status: BookingStatus;
  startMs: number;
  endMs: number;
}

export interface CalendarView {
  fromMs: number;
  toMs: number;
  resources: { id: number; name: string; capacity: number; active: boolean }[];
  slots: CalendarSlot[];
}

export interface DayView {
  date: string;
  bookings: BookingView[];
  /** The catalogue entries the bookings name, by id (plate and model, a driver's phone…). */
  resources: Record<number, ResourceView>;
  /** The host (接待负责人) of each request the bookings belong to, by request id. */
  hosts: Record<number, string>;
}

export interface IcsView {
  fileName: string;
  text: string;
}
