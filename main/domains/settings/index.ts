export { settingsHandlers } from './handlers';
export { getSettings, putSettings, DEFAULT_SETTINGS } from './settings';
export { callSettings, companyToday, primeSettings } from './today';
