/**
 * The write-audit check of the dispatcher (main/api/dispatcher.test.ts) runs one successful call
 * of every write operation. Each domain keeps its own scenarios in `audit.scenarios.ts`, so a new
 * domain adds a file of its own instead of editing the dispatcher's test.
 */
import type { OperationName } from '../shared/contract/names';
import type { CallOutcome } from './api/dispatcher';
import { createUser, signedInAdmin, type TestApp } from './test-support';

/** The call to check; it reports who the audit log should name as the actor. */
export type Run = () => Promise<{ outcome: CallOutcome; actorId: number }>;
/** Does its setup and returns the call to check. */
export type Scenario = (t: TestApp) => Promise<Run>;
export type Scenarios = Partial<Record<OperationName, Scenario>>;

export interface Admin {
  token: string;
  userId: number;
}

/** A scenario run by the first administrator. */
export const asAdmin =
  (prepare: (t: TestApp, admin: Admin) => Promise<() => Promise<CallOutcome>>): Scenario =>
  async (t) => {
    const admin = await signedInAdmin(t);
    const call = await prepare(t, admin);
    return async () => ({ outcome: await call(), actorId: admin.userId });
  };

export const newHost = (t: TestApp, token: string) =>
  createUser(t, token, { login: 'host1', roles: ['host'] });
