import type { settingsNames } from '../../../shared/settings/names';
import type { DomainHandlers } from '../../core/handler';
import { diffSettings, getSettings, putSetupMark, putSettings } from './settings';

export const settingsHandlers: DomainHandlers<(typeof settingsNames.operations)[number]> = {
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': async (ctx, input) => {
    const before = await getSettings(ctx.db);
    await putSettings(ctx.db, input);
    // The sysadmin has seen and saved the time zone: the setup checklist counts it as his.
    await putSetupMark(ctx.db, 'timeZoneConfirmedAtMs', ctx.nowMs);
    ctx.audit({ entityType: 'settings', summary: diffSettings(before, input) });
    return getSettings(ctx.db);
  },
};
