export { notificationsHandlers } from './handlers';
export { notify } from './notifications';
