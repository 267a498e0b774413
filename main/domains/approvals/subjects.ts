import type { Kysely } from 'kysely';
import type { SubjectType } from '../../../shared/approvals/steps';
import type { InboxItem } from '../../../shared/approvals/views';
import type { EventPayload, OpOutput } from '../../../shared/contract/operations';
import type { MessageParams } from '../../../shared/result';
import type { DB } from '../../db/schema';
import type { Actor, ServiceContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { NotificationTarget } from '../../../shared/notifications';

/** A thing being approved. */
export interface SubjectRef {
  type: SubjectType;
  id: number;
}

/** What the engine must know of a subject to run its chain. */
export interface SubjectFacts {
  id: number;
  /** Who asked for it: told of every outcome, and never its approver. */
  ownerUserId: number;
  /** The current round: only its steps are live; earlier rounds are on record. */
  revision: number;
}

/** What an approver did, for the subject's own timeline. */
export interface TimelineEntry {
  kind: 'approved' | 'filed' | 'rejected' | 'returned' | 'transferred' | 'rerouted' | 'commented';
  actorUserId: number;
  onBehalfOfUserId: number | null;
  stepId: number | null;
  comment: string;
  data?: Record<string, unknown>;
}

/** What an approval operation answers with (the contract's choice: the subject's dossier). */
export type SubjectView = OpOutput<'approvals.decide'>;

/** The subject's part of an inbox row: everything but the step. */
export type InboxSubject = Omit<InboxItem, 'step' | 'onBehalfOfName'>;

/**
 * What a subject's domain plugs into the approval engine. The engine owns the steps (planning,
 * activation, decisions, transfer, delegation, rights, notifications of approvers); the subject
 * owns its life cycle, its timeline and what its people are told. Hooks run inside the
 * operation's transaction.
 */
export interface ApprovalSubject<F extends SubjectFacts = SubjectFacts> {
  readonly type: SubjectType;
  /** The i18n key of "not found" for this kind of subject. */
  readonly notFoundKey: string;
  /** Facts of these subjects in one statement; unknown ids are left out. */
  load(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, F>>;
  /** The department each subject belongs to (whose head decides its `dept_head` step). */
  departmentOf(db: Kysely<DB>, ids: readonly number[]): Promise<Map<number, number | null>>;
  /**
   * What the audit log names the subject by, kept in every entry about it (e.g. its code, which
   * never changes): the log is read a page at a time and looks nothing up per entry.
   */
  auditName(subject: F): Record<string, string>;
  /** Names the subject in a notification (e.g. its code and organisation). */
  noticeParams(subject: F): MessageParams;
  /** The params of "a task waits for you", which may say more (e.g. the tier). */
  taskParams(subject: F): MessageParams;
  /** Where its notifications lead (the bell opens it). */
  noticeTarget(subject: F): NotificationTarget;
  /** The payload of 'approvals.changed' for this subject. */
  changedPayload(subject: F): EventPayload<'approvals.changed'>;
  /** The subject as the caller sees it after an approval operation; NOT_FOUND if he may not. */
  view(ctx: ServiceContext, id: number): Promise<SubjectView>;
  /** The approvers' part of each subject's inbox row, for `viewerId`, in a constant number of statements. */
  inboxRows(
    ctx: ServiceContext,
    subjects: readonly F[],
    viewerId: number,
  ): Promise<Map<number, InboxSubject>>;
  /** When the subject is due (`YYYY-MM-DD`): the inbox lists the soonest first. */
  dueDate(row: InboxSubject): string;
  /** Adds an entry to the subject's timeline. */
  record(ctx: ServiceContext, subjectId: number, entry: TimelineEntry): Promise<void>;
  /** A step was approved and more follow (not called for the filing step). */
  onStepApproved(ctx: ServiceContext, subject: F, by: Actor): Promise<void>;
  /**
   * Every approval is in: either only the filing step is left (`filingLeft`), or the chain is
   * done. (Called once for each.)
   */
  onAllApproved(ctx: ServiceContext, subject: F, info: { filingLeft: boolean }): Promise<void>;
  /** The filing step was approved: the chain is done and the subject is on record. */
  onFiled(ctx: ServiceContext, subject: F): Promise<void>;
  /** A step was rejected or returned: the rest of the round is void. */
  onSentBack(
    ctx: ServiceContext,
    subject: F,
    decision: 'reject' | 'return',
    info: { by: Actor; comment: string },
  ): Promise<void>;
}

const registry = new Map<SubjectType, ApprovalSubject>();

/** A subject's domain registers its adapter once, when its index is loaded. */
export function registerSubject<F extends SubjectFacts>(adapter: ApprovalSubject<F>): void {
  registry.set(adapter.type, adapter);
}

export function subjectAdapter(type: SubjectType): ApprovalSubject {
  const adapter = registry.get(type);
  if (!adapter) throw new Error(`no approval subject registered for '${type}'`);
  return adapter;
}

/** One subject's facts, or its "not found". */
export async function loadSubject(
  db: Kysely<DB>,
  adapter: ApprovalSubject,
  id: number,
): Promise<SubjectFacts> {
  const subject = (await adapter.load(db, [id])).get(id);
  if (!subject) throw new AppError('NOT_FOUND', adapter.notFoundKey);
  return subject;
}
