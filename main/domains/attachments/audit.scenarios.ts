import { type Scenarios } from '../../test-scenarios';
import { receptionCompany, submitted } from '../../test-support';
import { samplePdf, samplePng } from './test-files';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'attachments.upload': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    return async () => ({
      outcome: await t.call(
        'attachments.upload',
        {
          ownerType: 'request',
          ownerId: d.id,
          fileName: '名片.png',
          dataBase64: samplePng(20, 10).toString('base64'),
        },
        r.host.token,
      ),
      actorId: r.host.userId,
    });
  },
  'attachments.remove': async (t) => {
    const r = await receptionCompany(t);
    const d = await submitted(t, r);
    const view = await t.ok(
      'attachments.upload',
      {
        ownerType: 'request',
        ownerId: d.id,
        fileName: '邀请函.pdf',
        dataBase64: samplePdf().toString('base64'),
      },
      r.host.token,
    );
    return async () => ({
      outcome: await t.call('attachments.remove', { id: view.id }, r.host.token),
      actorId: r.host.userId,
    });
  },
};
