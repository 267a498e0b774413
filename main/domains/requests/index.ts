import { registerSubject } from '../approvals';
import { requestSubject } from './subject';

// Requests are approved through the generic engine: plug them in once, when the domain loads.
registerSubject(requestSubject);

export { requestsHandlers } from './handlers';
export { readableRequest, requestAsAttachmentOwner } from './access';
export { transition } from './status';
export { addEvent } from './events';
export { saveDraft } from './write';
