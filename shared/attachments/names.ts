import { defineNames } from '../contract/define';

/**
 * Files attached to a record (a request's 邀请函, 名片, 行程单, photos; next, an expense line's
 * receipts). No permission of their own: who may see or attach follows the record they belong to.
 */
export const attachmentsNames = defineNames({
  operations: [
    'attachments.list',
    'attachments.upload',
    'attachments.download',
    'attachments.remove',
  ],
  events: [],
  permissions: [],
  grants: {},
});
