import type { Json } from '../../core/json';

/** settings's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface SettingsTables {
  /** One row per key; each value is checked against the default's type when read. */
  settings: { key: string; value: Json<unknown> };
}
