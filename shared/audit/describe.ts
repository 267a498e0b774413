import { isFilingStep, isStepKind } from '../approvals';
import { LOCAL_APP_CLIENT } from '../auth';
import type { AuditEntry } from '../contract/types';

/** A translator: the renderer's i18next `t`, or main's `translate` bound to a language. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The message at `key`, or `fallback` where the catalogs have none (a translator answers a missing
 * key with the key itself): an unknown value shows as it is rather than as a key.
 */
function orElse(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text === key ? fallback : text;
}

/** What the audit log shows of an entry: the record it is about and its details, one per line. */
export interface AuditText {
  entity: string;
  lines: string[];
}

type Entry = Pick<
  AuditEntry,
  'operation' | 'entityType' | 'entityId' | 'actorUserId' | 'actorName' | 'summary'
> &
  Partial<Pick<AuditEntry, 'client'>>;

/** Summary keys shown as a label alone when true ("已解锁"): a flag, not a value. */
const FLAGS = new Set(['unlocked', 'locked', 'signedOut', 'passwordChanged', 'lockedOut']);

/** Keys that name the record itself: the record column shows them, the details do not repeat them. */
const NAMING: Readonly<Record<string, string>> = {
  request: 'code',
  user: 'login',
  department: 'name',
  session: 'displayName',
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  isRecord(v) && Object.keys(v).length === 2 && 'from' in v && 'to' in v;

/**
 * An entry's record and details in the reader's language: step kinds, roles, tiers, statuses and
 * languages by their labels, a chain as "部门负责人审批 → 公司领导审批", a request by its code
 * (kept in the entry when it was written; an entry from before says "#id"), a sign-in by whose it
 * was. Text people typed (names, comments, reasons) is shown as typed. Pure: the page reads the
 * log a page at a time and looks nothing up per entry.
 */
export function describeAuditEntry(entry: Entry, t: Translate): AuditText {
  const summary = filingAsFiled(isRecord(entry.summary) ? entry.summary : {});
  const skip = NAMING[entry.entityType];
  // A sign-in's summary names its client, which the log shows beside every entry (issue 14).
  const shown = (key: string) =>
    key !== skip &&
    !(key === 'client' && typeof entry.client === 'string' && summary.client === entry.client);
  const lines = Object.entries(summary)
    .filter(([key]) => shown(key))
    .flatMap(([key, value]) => fieldLines(key, value, t));
  if (!isRecord(entry.summary) && entry.summary !== undefined && entry.summary !== null) {
    lines.push(String(plain(entry.summary, t)));
  }
  return { entity: entityText(entry, summary, t), lines };
}

/**
 * Approving the admin office's step files the request (备案): the entry says 备案, not 通过, as
 * the chain strip and the dossier do. The stored entry keeps what was called (`approve`).
 */
function filingAsFiled(summary: Record<string, unknown>): Record<string, unknown> {
  return summary.action === 'approve' && isStepKind(summary.step) && isFilingStep(summary.step)
    ? { ...summary, action: 'file' }
    : summary;
}

function entityText(entry: Entry, summary: Record<string, unknown>, t: Translate): string {
  const type = orElse(t, `entities.${entry.entityType}`, entry.entityType);
  const self =
    entry.entityId !== null &&
    entry.actorName !== null &&
    entry.entityId === String(entry.actorUserId);
  const named = (name: string) => t('audit.entityNamed', { type, name });
  const of = (name: string) => t('audit.entityOf', { type, name });
  const byId = entry.entityId === null ? type : named(`#${entry.entityId}`);
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  switch (entry.entityType) {
    case 'request': {
      const code = text(summary.code);
      return code ? named(code) : byId;
    }
    case 'session': {
      // Signed in, locked, unlocked, signed out: the actor's own session. Ended by an
      // administrator (sessions.revoke): the person's whose session it was.
      if (self) return of(entry.actorName ?? '');
      const name = text(summary.displayName);
      return name ? of(name) : type;
    }
    case 'user': {
      const login = text(summary.login);
      if (login) return named(login);
      return self ? of(entry.actorName ?? '') : byId;
    }
    case 'department': {
      const name = text(summary.name);
      return name ? named(name) : byId;
    }
    case 'policy':
      return entry.entityId === null
        ? type
        : t('audit.policyVersion', { type, version: entry.entityId });
    default:
      return byId;
  }
}

/** The label of a summary key; an unknown key shows as it is rather than not at all. */
function label(key: string, t: Translate): string {
  return orElse(t, `audit.field.${key}`, key);
}

function line(key: string, value: string, t: Translate): string {
  return t('audit.line', { label: label(key, t), value });
}

function fieldLines(key: string, value: unknown, t: Translate): string[] {
  if (FLAGS.has(key) && value === true) return [orElse(t, `audit.flag.${key}`, key)];
  if (key === 'changes' && isRecord(value)) {
    // One line per changed field: "角色：接待负责人 → 接待负责人、财务".
    return Object.entries(value).map(([k, v]) =>
      isChange(v)
        ? line(
            k,
            t('audit.change', { from: valueText(k, v.from, t), to: valueText(k, v.to, t) }),
            t,
          )
        : line(k, valueText(k, v, t), t),
    );
  }
  if (isChange(value)) {
    return [
      line(
        key,
        t('audit.change', { from: valueText(key, value.from, t), to: valueText(key, value.to, t) }),
        t,
      ),
    ];
  }
  // `from` is the version a policy was edited from, or the status a request was cancelled in.
  if (key === 'from' && typeof value === 'number') {
    return [line('fromVersion', t('audit.version', { version: value }), t)];
  }
  return [line(key, valueText(key, value, t), t)];
}

/** A value in words, by what its key says it is. */
function valueText(key: string, value: unknown, t: Translate): string {
  const list = (items: string[]) => items.join(t('audit.listSeparator'));
  const labelled = (prefix: string) => (v: unknown) =>
    typeof v === 'string' ? orElse(t, `${prefix}.${v}`, v) : String(plain(v, t));
  if (value === null || value === undefined || value === '') return t('common.none');
  switch (key) {
    case 'step':
    case 'notSubmitted':
      return labelled('labels.stepKind')(value);
    case 'chain':
      return Array.isArray(value)
        ? value.map(labelled('labels.stepKind')).join(' → ')
        : String(plain(value, t));
    case 'roles':
      return Array.isArray(value) ? list(value.map(labelled('roles'))) : String(plain(value, t));
    case 'tier':
      return labelled('labels.tier')(value);
    case 'category':
      return labelled('labels.expense')(value);
    case 'exceptionKind':
      return labelled('expenses.exceptionKind')(value);
    case 'task':
      return labelled('tasks.kind')(value);
    case 'from':
      return labelled('labels.status')(value);
    case 'action':
      return labelled('audit.action')(value);
    case 'language':
      return labelled('audit.language')(value);
    case 'issueMethod':
      return labelled('expenses.issueMethod')(value);
    case 'revision':
    case 'policyVersion':
      return typeof value === 'number' ? t('audit.version', { version: value }) : String(value);
    case 'failedAttempt':
      return typeof value === 'number' ? t('audit.attempt', { n: value }) : String(value);
    case 'ids':
      return Array.isArray(value) ? t('audit.count', { count: value.length }) : String(value);
    case 'all':
      return typeof value === 'number' ? t('audit.count', { count: value }) : String(value);
    case 'to':
    case 'reassignedFrom':
    case 'reroutedFrom':
      // Nobody in particular: the step waits for any holder of its role.
      return value === 'pool' ? t('audit.value.pool') : String(plain(value, t));
    case 'client':
    case 'signedInFrom':
      return clientText(value, t);
    default:
      if (Array.isArray(value)) return list(value.map((v) => String(plain(v, t))));
      if (isRecord(value)) {
        return Object.entries(value)
          .map(([k, v]) => t('audit.line', { label: label(k, t), value: valueText(k, v, t) }))
          .join(t('audit.listSeparator'));
      }
      return String(plain(value, t));
  }
}

/** The dispatcher's client when the transport named none (main/api/dispatcher.ts). */
const UNKNOWN_CLIENT = 'unknown';

/**
 * Where a call came from: the desktop window and "not known" in words, an address as it is.
 * Shared by the audit log and the sessions list.
 */
export function clientText(value: unknown, t: Translate): string {
  if (value === LOCAL_APP_CLIENT) return t('audit.value.localApp');
  if (value === UNKNOWN_CLIENT) return t('audit.value.unknownClient');
  return String(plain(value, t));
}

/** A scalar as text: yes/no for booleans, as it is otherwise. */
function plain(value: unknown, t: Translate): string | number {
  if (value === true) return t('common.yes');
  if (value === false) return t('common.no');
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}
