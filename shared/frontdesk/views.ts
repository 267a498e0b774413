import type { Tier } from '../policy';
import type { RequestStatus } from '../requests';
import type { ID_TYPES } from '../requests';

export type IdType = (typeof ID_TYPES)[number];

/** Where a visitor stands on a day: `no_show` is an expected visitor of a day that has passed. */
export type GuestState = 'expected' | 'arrived' | 'left' | 'no_show';

/** A watchlist entry a visitor (or the visit's organisation) matches: what the desk is told. */
export interface WatchHit {
  watchId: number;
  kind: 'person' | 'org';
  /** What matched: the phone, the ID number (by its hash), the name or the organisation. */
  on: 'phone' | 'id' | 'name' | 'org';
  reason: string;
}

/** One visitor of a visit on the board. Phones are masked (138****5678); ID numbers never sent. */
export interface BoardGuest {
  /** The visitor's place in the request's list (0-based): with the request, who he is. */
  seq: number;
  name: string;
  title: string;
  phoneMasked: string;
  state: GuestState;
  /** The day's attendance record (check-out, badge); null while expected. */
  guestId: number | null;
  version: number | null;
  arrivedAtMs: number | null;
  leftAtMs: number | null;
  badgeNo: string;
  /** What the search box matches, lower case: name, pinyin initials and syllables, phone tail. */
  keys: string;
  watch: WatchHit[];
}

/** A visit on the board of one day. */
export interface BoardVisit {
  requestId: number;
  code: string;
  status: RequestStatus;
  /** The status lets the desk check in without an override (approved, filed, under way). */
  cleared: boolean;
  retroactive: boolean;
  tier: Tier;
  orgName: string;
  hostUserId: number;
  hostName: string;
  hostPhone: string;
  arrivalDate: string;
  arrivalTime: string;
  departureDate: string;
  departureTime: string;
  /** Booked meeting rooms and cars (plate, driver) of the day, as the admin office booked them. */
  rooms: string[];
  cars: string[];
  /** Lower-case keys of the visit itself: organisation, code, plates. */
  keys: string;
  watch: WatchHit[];
  guests: BoardGuest[];
}

export interface BoardView {
  day: string;
  /** Today in the company's time zone: no-show is only said of days before it. */
  today: string;
  visits: BoardVisit[];
  /** The notice must be acknowledged at check-in. */
  noticeRequired: boolean;
}

/** Someone checked in and not out: the evacuation list and the end-of-day sweep. */
export interface OnSiteGuest {
  guestId: number;
  version: number;
  requestId: number;
  code: string;
  day: string;
  name: string;
  orgName: string;
  phoneMasked: string;
  badgeNo: string;
  arrivedAtMs: number;
  hostName: string;
  hostPhone: string;
  walkIn: boolean;
}

export interface OnSiteView {
  atMs: number;
  guests: OnSiteGuest[];
}

export interface FrontdeskSettings {
  /** The privacy notice is shown at check-in and must be acknowledged. */
  noticeEnabled: boolean;
  noticeZh: string;
  noticeEn: string;
  /** Goes up whenever the text changes: each acknowledgement records the version it saw. */
  noticeVersion: number;
  /** Days after a visit ends before its visitors' personal data is anonymised. */
  retentionDays: number;
}

export type WalkInStatus = 'pending' | 'accepted' | 'declined';

export interface WalkInView {
  id: number;
  version: number;
  day: string;
  name: string;
  orgName: string;
  phoneMasked: string;
  purpose: string;
  hostUserId: number;
  hostName: string;
  status: WalkInStatus;
  registeredAtMs: number;
  answeredAtMs: number | null;
  answerComment: string;
  /** The retroactive request accepting it created (the host completes it); null otherwise. */
  requestId: number | null;
  /** The host still has to complete and submit that request. */
  toComplete: boolean;
  /** The day's attendance record once the desk checked the walk-in in. */
  guestId: number | null;
  arrivedAtMs: number | null;
  leftAtMs: number | null;
  badgeNo: string;
  watch: WatchHit[];
}

export interface MyWalkInsView {
  /** Walk-ins waiting for the caller's answer. */
  waiting: WalkInView[];
  /** Accepted walk-ins whose retroactive request the caller has not yet completed. */
  toComplete: WalkInView[];
}

export interface HostOption {
  userId: number;
  displayName: string;
  departmentName: string;
  phone: string;
}

export interface WatchView {
  id: number;
  version: number;
  kind: 'person' | 'org';
  name: string;
  orgName: string;
  phoneMasked: string;
  /** An ID number was given (only its hash is kept). */
  hasId: boolean;
  reason: string;
  active: boolean;
  createdAtMs: number;
  updatedAtMs: number;
}

/** A visitor the directory remembers from earlier visits. */
export interface VisitorSuggestion {
  id: number;
  name: string;
  orgName: string;
  title: string;
  phone: string;
  lastDay: string;
  visits: number;
}
