/**
 * The tests' PostgreSQL databases are reused within a worker (main/test-support.ts): a test that
 * leaves a change to the schema behind — a trigger it meant to drop, had it not failed first —
 * must not hand it to the next test. Two tests in order: the first leaves one, the second looks.
 */
import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-support';

describe("a test's schema change stays with it", () => {
  it('leaves a trigger behind', () => {
    const t = makeTestApp();
    t.exec(`CREATE FUNCTION rm_left_behind() RETURNS trigger LANGUAGE plpgsql
              AS $$ BEGIN RAISE EXCEPTION 'left behind'; END $$`);
    t.exec(`CREATE TRIGGER rm_left_behind BEFORE INSERT ON departments
              FOR EACH ROW EXECUTE FUNCTION rm_left_behind()`);
    expect(t.count('pg_trigger', "tgname = 'rm_left_behind'")).toBe(1);
  });

  it('the next test app does not have it', async () => {
    const t = makeTestApp();
    expect(t.count('pg_trigger', "tgname = 'rm_left_behind'")).toBe(0);
    expect(t.count('pg_proc', "proname = 'rm_left_behind'")).toBe(0);
    expect(t.count('departments')).toBe(0);
    await t.ok('setup.status', {});
  });
});
