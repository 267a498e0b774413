export { AttachmentsPanel, AttachmentsTabLabel } from './AttachmentsPanel';
