/** settings's tables as Kysely sees them (camelCase; CamelCasePlugin maps to snake_case columns). */
export interface SettingsTables {
  settings: { key: string; value: string };
}
