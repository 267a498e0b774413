export { auditHandlers } from './handlers';
export { appendAudit, type AuditInsert } from './audit';
export { auditSearchTexts } from './search';
