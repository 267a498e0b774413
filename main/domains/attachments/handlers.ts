import type { attachmentsNames } from '../../../shared/attachments/names';
import type { DomainHandlers } from '../../core/handler';
import {
  downloadAttachment,
  listAttachments,
  removeAttachment,
  uploadAttachment,
} from './attachments';

export const attachmentsHandlers: DomainHandlers<(typeof attachmentsNames.operations)[number]> = {
  'attachments.list': (ctx, input, env) => listAttachments(ctx, env.files, input),
  'attachments.upload': (ctx, input, env) => uploadAttachment(ctx, env.files, input),
  'attachments.download': (ctx, input, env) => downloadAttachment(ctx, env.files, input.id),
  'attachments.remove': (ctx, input) => removeAttachment(ctx, input.id),
};
