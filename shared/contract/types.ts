import type { Permission, Role } from '../auth/roles';
import type { Language } from '../i18n/translate';
import type { NotificationTarget } from '../notifications/target';

export interface UserView {
  id: number;
  login: string;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
  roles: Role[];
  /** Work phone (digits), '' when none. */
  phone: string;
  language: Language;
  disabled: boolean;
  /** Set while a lockout from failed logins is in force. */
  lockedUntilMs: number | null;
  mustChangePassword: boolean;
  createdAtMs: number;
}

/**
 * A person as everyone signed in may see them (pickers, names on screens): no login name, lock
 * state or password state — those are for the user administrator (`users.list`).
 */
export interface DirectoryEntry {
  id: number;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
  roles: Role[];
  /** Disabled people stay in the directory (old records name them) but are not offered in pickers. */
  disabled: boolean;
}

export interface DepartmentView {
  id: number;
  name: string;
  headUserId: number | null;
  headName: string | null;
  memberCount: number;
}

export interface CompanySettings {
  companyName: string;
  timeZone: string;
  idleLockMinutes: number;
  /** Days after the departure day by which the host submits the reimbursement (a task's due day). */
  reimbursementDays: number;
  /** True when the database was filled by `npm run demo`. */
  demo: boolean;
}

export interface SessionInfo {
  user: UserView;
  permissions: Permission[];
  /**
   * The departments the user heads (departments.head_user_id), by id: 本部门接待 shows to them.
   * As of sign-in; requests.list reads the heads afresh.
   */
  headOf: number[];
  settings: CompanySettings;
  /** Locked sessions must be unlocked with the password before anything else. */
  locked: boolean;
}

export interface AuditEntry {
  id: number;
  atMs: number;
  actorUserId: number | null;
  actorName: string | null;
  onBehalfOfUserId: number | null;
  onBehalfOfName: string | null;
  operation: string;
  entityType: string;
  entityId: string | null;
  summary: unknown;
  /**
   * Where the call came from (issue 14): the HTTP peer address, 'local-app' for the desktop
   * window, 'unknown' when the transport named none; null for entries from before it was kept.
   */
  client: string | null;
}

/** Where the next page of a sorted list starts: the last row's sort value and id. */
export interface ListCursor {
  key: string | number;
  id: number;
}

/** How many rows a list's filters match. Counting stops at a cap: then `atLeast` is true. */
export interface ListTotal {
  count: number;
  atLeast: boolean;
}

/**
 * A page of a long list, read by keyset (the rows after the cursor, on an index in the list's
 * order) instead of by offset, so page 500 costs what page 1 does.
 */
export interface Page<T, C = ListCursor> {
  items: T[];
  /** Pass back as `after` for the following page; null when this page is the last. */
  next: C | null;
  /** On the first page only (no `after`); null on the following ones. */
  total: ListTotal | null;
}

export interface NotificationView {
  id: number;
  kind: string;
  /** i18n key and params of the title, so it shows in the reader's language. */
  titleKey: string;
  params: Record<string, string | number>;
  createdAtMs: number;
  readAtMs: number | null;
  /** Where it leads (the bell opens it); null: nowhere. */
  target: NotificationTarget | null;
}

export interface Health {
  schemaVersion: number;
  sqlite: string;
}
