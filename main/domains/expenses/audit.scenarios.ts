import type { Scenarios } from '../../test-scenarios';
import { advanceScenarios } from './advances.scenarios';
import { lineScenarios } from './lines.scenarios';
import { reconciliationScenarios } from './reconciliation.scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {
  ...lineScenarios,
  ...advanceScenarios,
  ...reconciliationScenarios,
};
