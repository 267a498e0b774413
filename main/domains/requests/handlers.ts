import type { requestsNames } from '../../../shared/requests/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import * as requests from './requests';

export const requestsHandlers: DomainHandlers<(typeof requestsNames.operations)[number]> = {
  'requests.preview': (ctx, input) =>
    requests.previewRequest(ctx.db, ctx.nowMs, input.body, input.id, requireActor(ctx).userId),
  'requests.saveDraft': (ctx, input) => requests.saveDraft(ctx, input),
  'requests.submit': (ctx, input) => requests.submitRequest(ctx, input),
  'requests.cancel': (ctx, input) => requests.cancelRequest(ctx, input),
  'requests.get': (ctx, input) =>
    requests.getDossier(ctx.db, requireActor(ctx), ctx.nowMs, input.id),
  'requests.list': (ctx, input) => requests.listRequests(ctx.db, requireActor(ctx), input),
};
