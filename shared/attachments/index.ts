/** What other domains and the renderer may use of attachments. */
export * from './limits';
export * from './sniff';
export { displayFileName } from './file-name';
export { mayAttach, mayRemove, type AttachmentFacts, type AttachmentOwnerFacts } from './rights';
export { attachmentsOperations, OWNER_TYPES, type OwnerType } from './contract';
export type * from './views';
export { formatFileSize } from './size';
