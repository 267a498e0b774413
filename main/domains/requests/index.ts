import { registerSubject } from '../approvals';
import { requestSubject } from './subject';

// Requests are approved through the generic engine: plug them in once, when the domain loads.
registerSubject(requestSubject);

export { requestsHandlers } from './handlers';
export { readableRequest, requestAsAttachmentOwner } from './access';
export { transition } from './status';
export { addEvent } from './events';
// The front desk's retention job rewrites anonymised visitors' search entries.
export { indexForSearch, maxStayDays } from './queries';
// An accepted walk-in becomes its host's retroactive draft.
export { saveDraft } from './write';
// Expenses read a visit's row (and body) to check its money against the approved request.
export { loadRow, toSummary, type SummaryRow } from './queries';
// Cash advances are decided on their visit's page: its dossier, and its summary in the inbox.
export { getDossier } from './dossier';
export { loadListRows } from './queries';
// Exports page through the lists as their readers see them.
export { listRequests } from './list';
