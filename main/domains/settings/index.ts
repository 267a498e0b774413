export { settingsHandlers } from './handlers';
export {
  getSettings,
  getSetupMarks,
  putSettings,
  putSetupMark,
  DEFAULT_SETTINGS,
  type SetupMark,
} from './settings';
export { callSettings, companyToday, primeSettings } from './today';
