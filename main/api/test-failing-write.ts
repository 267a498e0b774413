/**
 * A trigger that makes every INSERT into `table` fail with `message`, on either store, for the
 * tests of a write that fails inside its transaction (a full disk, say). Returns its removal:
 * call it before the test ends — on PostgreSQL the test databases are reused, schema and all.
 */
import { TEST_STORE } from '../test-postgres';
import type { TestApp } from '../test-support';

export function failingInserts(t: TestApp, name: string, table: string, message: string) {
  if (!/^[a-z_]+$/.test(name) || !/^[a-z_]+$/.test(table) || /'/.test(message)) {
    throw new Error('a plain name, table and message');
  }
  if (TEST_STORE === 'sqlite') {
    t.exec(
      `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`,
    );
    return () => t.exec(`DROP TRIGGER IF EXISTS ${name}`);
  }
  t.exec(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`);
  t.exec(
    `CREATE TRIGGER ${name} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return () => {
    t.exec(`DROP TRIGGER IF EXISTS ${name} ON ${table}`);
    t.exec(`DROP FUNCTION IF EXISTS ${name}()`);
  };
}
