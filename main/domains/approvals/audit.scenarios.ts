import { type Scenarios } from '../../test-scenarios';
import { createUser, decision, receptionCompany, submitted } from '../../test-support';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'approvals.decide': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    const step = d.steps.find((s) => s.status === 'pending')!;
    return async () => ({
      outcome: await t.call('approvals.decide', decision(step), r.head.token),
      actorId: r.head.userId,
    });
  },
  'approvals.transfer': async (t) => {
    const r = await receptionCompany(t);
    const other = await createUser(t, r.admin.token, { login: 'head2', roles: ['dept_head'] });
    const d = await submitted(t, r);
    const step = d.steps.find((s) => s.status === 'pending')!;
    return async () => ({
      outcome: await t.call(
        'approvals.transfer',
        { stepId: step.id, version: step.version, toUserId: other, comment: '出差' },
        r.head.token,
      ),
      actorId: r.head.userId,
    });
  },
  'approvals.comment': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    return async () => ({
      outcome: await t.call(
        'approvals.comment',
        { requestId: d.id, comment: '请补充议程' },
        r.head.token,
      ),
      actorId: r.head.userId,
    });
  },
  'approvals.remind': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    const step = d.steps.find((s) => s.status === 'pending')!;
    return async () => ({
      outcome: await t.call('approvals.remind', { stepId: step.id }, r.host.token),
      actorId: r.host.userId,
    });
  },
  'approvals.reassign': async (t) => {
    const r = await receptionCompany(t);
    const other = await createUser(t, r.admin.token, { login: 'head2', roles: ['dept_head'] });
    const d = await submitted(t, r);
    const step = d.steps.find((s) => s.status === 'pending')!;
    return async () => ({
      outcome: await t.call(
        'approvals.reassign',
        { stepId: step.id, version: step.version, toUserId: other, reason: '李部长休假' },
        r.office.token,
      ),
      actorId: r.office.userId,
    });
  },
};
