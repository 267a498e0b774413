export { settingsHandlers } from './handlers';
export { getSettings, putSettings, DEFAULT_SETTINGS } from './settings';
