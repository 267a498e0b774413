import type { Permission, Role } from '../auth/roles';
import type { Language } from '../i18n/translate';

export interface UserView {
  id: number;
  login: string;
  displayName: string;
  departmentId: number | null;
  departmentName: string | null;
  roles: Role[];
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
  /** True when the database was filled by `npm run demo`. */
  demo: boolean;
}

export interface SessionInfo {
  user: UserView;
  permissions: Permission[];
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
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface NotificationView {
  id: number;
  kind: string;
  /** i18n key and params of the title, so it shows in the reader's language. */
  titleKey: string;
  params: Record<string, string | number>;
  createdAtMs: number;
  readAtMs: number | null;
}

export interface Health {
  schemaVersion: number;
  sqlite: string;
}
