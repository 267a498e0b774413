/** What other domains may use of the front desk's shared rules and views. */
export {
  DEFAULT_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  maskIdNumber,
  maskPhone,
  phoneTail,
  retentionCutoff,
} from './rules';
export type { VisitorSuggestion } from './views';
