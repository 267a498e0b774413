import { asAdmin, type Scenarios } from '../../test-scenarios';
import { twentyPeople, xlsxBase64 } from './test-sheets';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  'setup.reviewPolicy': asAdmin(async (t, a) => () => t.call('setup.reviewPolicy', {}, a.token)),
  'setup.import': asAdmin(async (t, a) => {
    const data = await xlsxBase64(twentyPeople());
    const preview = await t.ok('setup.importPreview', { fileName: '员工.xlsx', data }, a.token);
    const rows = preview.rows.map((r) => ({ ...r, password: r.password || 'made-up-pass-1' }));
    return () => t.call('setup.import', { fileName: '员工.xlsx', rows }, a.token);
  }),
};
