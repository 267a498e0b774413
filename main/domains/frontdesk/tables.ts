import type { Generated } from 'kysely';
import type { IdType, WalkInStatus } from '../../../shared/frontdesk/views';

/** frontdesk's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface FrontdeskTables {
  /** A visitor's attendance on one day (migration 0150): made at check-in. */
  frontdeskGuests: {
    id: Generated<number>;
    requestId: number;
    /** The visitor's place in the request's list; 0 for a walk-in. */
    seq: number;
    day: string;
    name: string;
    orgName: Generated<string>;
    /** Normalised phone; '' when none. Masked wherever shown. */
    phone: Generated<string>;
    walkInId: number | null;
    arrivedAtMs: number;
    leftAtMs: number | null;
    badgeNo: string;
    idType: IdType | null;
    idLast4: Generated<string>;
    consentAtMs: number | null;
    noticeVersion: number | null;
    overrideReason: Generated<string>;
    watchOverrideReason: Generated<string>;
    checkedInBy: number;
    checkedOutBy: number | null;
    anonymised: Generated<0 | 1>;
    version: Generated<number>;
  };
  frontdeskWalkIns: {
    id: Generated<number>;
    day: string;
    name: string;
    orgName: Generated<string>;
    orgKey: Generated<string>;
    phone: Generated<string>;
    purpose: Generated<string>;
    hostUserId: number;
    status: WalkInStatus;
    registeredBy: number;
    registeredAtMs: number;
    answeredAtMs: number | null;
    answerComment: Generated<string>;
    requestId: number | null;
    anonymised: Generated<0 | 1>;
    version: Generated<number>;
  };
  frontdeskWatchlist: {
    id: Generated<number>;
    kind: 'person' | 'org';
    name: Generated<string>;
    nameKey: Generated<string>;
    orgName: Generated<string>;
    orgKey: Generated<string>;
    phone: Generated<string>;
    idHash: Generated<string>;
    reason: string;
    active: Generated<0 | 1>;
    createdBy: number;
    createdAtMs: number;
    updatedAtMs: number;
    version: Generated<number>;
  };
  frontdeskDirectory: {
    id: Generated<number>;
    name: string;
    nameKey: string;
    initials: string;
    pinyin: string;
    orgName: Generated<string>;
    orgKey: Generated<string>;
    title: Generated<string>;
    phone: Generated<string>;
    lastDay: string;
    visits: Generated<number>;
    updatedAtMs: number;
  };
}
