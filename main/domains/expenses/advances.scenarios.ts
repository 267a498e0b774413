import type { Scenarios } from '../../test-scenarios';

/** One successful call of each write operation of this area (see main/test-scenarios.ts). */
export const advanceScenarios: Scenarios = {};
