/**
 * IPC channel names, shared by main and the preload. Kept in a file with no imports so the
 * preload bundle stays tiny.
 */
export const INVOKE_CHANNEL = 'rm:invoke';
export const SUBSCRIBE_CHANNEL = 'rm:subscribe';
export const UNSUBSCRIBE_CHANNEL = 'rm:unsubscribe';
export const EVENT_CHANNEL = 'rm:event';
