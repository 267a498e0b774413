import { migration0010 } from './0010-foundation';
import type { Migration } from './types';

/** In order. Never edit a migration that has shipped: add the next one. */
export const MIGRATIONS: readonly Migration[] = [migration0010];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
