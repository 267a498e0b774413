export { attachmentsHandlers } from './handlers';
export { forgetAttachmentsOf } from './forget';
