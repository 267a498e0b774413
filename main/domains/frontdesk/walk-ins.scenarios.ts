import type { Scenarios } from '../../test-scenarios';

// PLACEHOLDER (issue 11, in progress): one successful call of each write operation of this area.
export const walkInScenarios: Scenarios = {};
