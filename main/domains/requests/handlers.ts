import type { requestsNames } from '../../../shared/requests/names';
import { requireActor } from '../../core/context';
import type { DomainHandlers } from '../../core/handler';
import { cancelRequest } from './cancel';
import { deleteDraft } from './delete';
import { getDossier } from './dossier';
import { listRequests } from './list';
import { previewRequest } from './preview';
import { saveDraft, submitRequest } from './write';

export const requestsHandlers: DomainHandlers<(typeof requestsNames.operations)[number]> = {
  'requests.preview': (ctx, input) =>
    previewRequest(ctx, input.body, input.id, requireActor(ctx).userId),
  'requests.saveDraft': (ctx, input) => saveDraft(ctx, input),
  'requests.submit': (ctx, input) => submitRequest(ctx, input),
  'requests.cancel': (ctx, input) => cancelRequest(ctx, input),
  'requests.deleteDraft': (ctx, input) => deleteDraft(ctx, input),
  'requests.get': (ctx, input) => getDossier(ctx, input.id),
  'requests.list': (ctx, input) => listRequests(ctx, input),
};
