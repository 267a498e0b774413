import type { settingsNames } from '../../../shared/settings/names';
import type { DomainHandlers } from '../../core/handler';
import { diffSettings } from './settings';
import { getSettings, putSettings } from './settings';

export const settingsHandlers: DomainHandlers<(typeof settingsNames.operations)[number]> = {
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': async (ctx, input) => {
    const before = await getSettings(ctx.db);
    await putSettings(ctx.db, input);
    ctx.audit({ entityType: 'settings', summary: diffSettings(before, input) });
    return getSettings(ctx.db);
  },
};
