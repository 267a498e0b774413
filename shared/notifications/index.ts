export { targetPath, type NotificationTarget } from './target';
