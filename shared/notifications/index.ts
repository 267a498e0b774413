export { ACCOUNT_LOCKED_KIND } from './contract';
export { targetPath, type NotificationTarget } from './target';
