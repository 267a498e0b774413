import type { Scenarios } from '../../test-scenarios';

/** One successful call of each write operation of this domain (see main/test-scenarios.ts). */
export const auditScenarios: Scenarios = {};
