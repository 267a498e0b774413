import type { approvalsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const approvalsEn: Shape<typeof approvalsZhCN> = {
  errors: {
    remindNotAllowed: 'Only the requester can chase the current step of this request.',
    remindedToday: 'This step was already chased today. Try again tomorrow.',
    remindNobody:
      'Nobody can act on this step now; the administrators see it under "Nobody to approve".',
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
  remind: {
    button: 'Chase',
    sent: 'The approvers were reminded.',
    done: 'Chased today',
    doneHint: 'Each approval step can be chased once a day.',
  },
  verdict: {
    returned: '{{name}} returned the request ({{step}}, {{time}})',
    rejected: '{{name}} rejected the request ({{step}}, {{time}})',
    noReason: 'No reason was given.',
    returnedHint: 'Change it as asked and submit it again.',
  },
  waiting: {
    minute_one: 'waiting {{count}} minute',
    minute_other: 'waiting {{count}} minutes',
    hour_one: 'waiting {{count}} hour',
    hour_other: 'waiting {{count}} hours',
    day_one: 'waiting {{count}} day',
    day_other: 'waiting {{count}} days',
  },
  decided: {
    nav: 'Decided',
    title: 'Decided by me',
    intro: 'The approvals you decided, the latest first.',
    empty: 'You have not decided any approval yet.',
    time: 'Decided',
    request: 'Request',
    org: 'Organisation',
    step: 'Step',
    decision: 'Decision',
    comment: 'Comment',
    onBehalf: 'for {{name}}',
    filingOnly: 'Filing only',
    showAll: 'Show all tasks',
  },
  stepImpact: {
    title_one: 'This change moves {{count}} open approval step',
    title_other: 'This change moves {{count}} open approval steps',
    confirm: 'Confirm and move',
    pool: 'any {{step}}',
    nobody: 'Nobody can approve: administrators will be told',
  },
  ops: {
    approvals: {
      remind: 'Chase approval',
      decide: 'Decide',
      transfer: 'Transfer',
      comment: 'Comment',
      reassign: 'Reassign',
    },
  },
};
