import type { frontdeskNames } from '../../../shared/frontdesk/names';
import type { DomainHandlers } from '../../core/handler';
import { checkIn, checkOut, onSite } from './attendance';
import { board } from './board';
import { directoryHandlers } from './directory';
import { callFrontdeskSettings, saveFrontdeskSettings } from './settings';
import { walkInHandlers } from './walk-ins';
import { watchHandlers } from './watchlist';

type Op = (typeof frontdeskNames.operations)[number];

export const frontdeskHandlers: DomainHandlers<Op> = {
  'frontdesk.board': (ctx, input) => board(ctx, input.day),
  'frontdesk.checkIn': (ctx, input) => checkIn(ctx, input),
  'frontdesk.checkOut': (ctx, input) => checkOut(ctx, input),
  'frontdesk.onSite': (ctx, input) => onSite(ctx, input.arrivedBefore),
  'frontdesk.settings': (ctx) => callFrontdeskSettings(ctx),
  'frontdesk.saveSettings': (ctx, input) => saveFrontdeskSettings(ctx, input),
  ...walkInHandlers,
  ...watchHandlers,
  ...directoryHandlers,
};
