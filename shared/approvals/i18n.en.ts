import type { approvalsZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const approvalsEn: Shape<typeof approvalsZhCN> = {
  errors: {
    alreadyDecided: 'This step was already decided by {{by}}; nothing more to do.',
    notYourStep: 'You are not an approver of this step.',
    stepNotFound: 'The approval step does not exist.',
    transferTargetInvalid: 'Choose another person who may approve this step.',
  },
  stepImpact: {
    title_one: 'This change moves {{count}} open approval step',
    title_other: 'This change moves {{count}} open approval steps',
    confirm: 'Confirm and move',
    pool: 'any {{step}}',
    nobody: 'Nobody can approve: administrators will be told',
  },
  ops: {
    approvals: { decide: 'Decide', transfer: 'Transfer', comment: 'Comment' },
  },
};
