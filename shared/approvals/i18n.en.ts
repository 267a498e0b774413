import type { approvalsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const approvalsEn: Shape<typeof approvalsZhCN> = {
  errors: {
    alreadyDecided: 'This step was already decided by {{by}}; nothing more to do.',
    notYourStep: 'You are not an approver of this step.',
    stepNotFound: 'The approval step does not exist.',
    transferTargetInvalid: 'Choose another person who may approve this step.',
    reassignTargetInvalid:
      'Choose an active person who holds the role of this step (not the requester).',
  },
  unstaffed: {
    title: 'Nobody can approve',
    empty: 'Every pending step has someone who can act on it.',
    request: 'Request',
    step: 'Step',
    assignee: 'Was assigned to',
    since: 'Waiting since',
    pool: 'any {{step}} (nobody)',
    reassign: 'Reassign',
    reassignTitle: 'Reassign {{code}}: {{step}}',
    to: 'Reassign to',
    reason: 'Reason',
    done: 'Reassigned',
  },
  stepImpact: {
    title_one: 'This change moves {{count}} open approval step',
    title_other: 'This change moves {{count}} open approval steps',
    confirm: 'Confirm and move',
    pool: 'any {{step}}',
    nobody: 'Nobody can approve: administrators will be told',
  },
  ops: {
    approvals: { decide: 'Decide', transfer: 'Transfer', comment: 'Comment', reassign: 'Reassign' },
  },
};
