/**
 * Vitest global setup (vitest.config.ts): one temporary folder per run for the template
 * databases that main/test-support.ts makes, removed when the run ends. With module isolation
 * off, a test file cannot clean up what the worker shares, so the run does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test-support puts its template databases (a folder per worker). */
    templateRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-templates-'));
  project.provide('templateRoot', root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
