/**
 * Vitest global setup (vitest.config.ts): one temporary folder per run for the template
 * databases that main/test-support.ts makes, removed when the run ends. With module isolation
 * off, a test file cannot clean up what the worker shares, so the run does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openPostgres } from './db/postgres/open';
import {
  createDatabase,
  databaseUrl,
  dropDatabases,
  forget,
  runSql,
  TEST_FUNCTIONS,
  TEST_STORE,
} from './test-postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test-support puts its template databases (a folder per worker). */
    templateRoot: string;
    /** The run's PostgreSQL databases start with this (RM_TEST_STORE=postgres). */
    postgresPrefix: string;
    /** The empty PostgreSQL template's rows (rm_test_dump), each test database's start. */
    postgresEmpty: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-templates-'));
  project.provide('templateRoot', root);
  const prefix = `rmt_${crypto.randomBytes(4).toString('hex')}`;
  project.provide('postgresPrefix', prefix);
  // The project's env (vitest.config.ts) reaches its workers, not this process: ask the project.
  const store = project.config.env?.RM_TEST_STORE ?? TEST_STORE;
  if (store === 'postgres') {
    // The empty template every test database is copied from: migrated once per run.
    const empty = databaseUrl(`${prefix}_empty`);
    createDatabase(`${prefix}_empty`, 'template0');
    const store = await openPostgres(empty, { max: 1 });
    await store.close();
    runSql(empty, TEST_FUNCTIONS);
    project.provide('postgresEmpty', runSql(empty, 'SELECT rm_test_dump()').trim());
    // A template is copied only while no session is on it.
    forget(empty);
  } else {
    project.provide('postgresEmpty', '{}');
  }
  return () => {
    fs.rmSync(root, { recursive: true, force: true });
    if (store === 'postgres') dropDatabases(prefix);
  };
}
