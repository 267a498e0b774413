/**
 * The choice window's IPC channels and how its language reaches its preload. No imports, so the
 * sandboxed connect preload bundles nothing else; channel names of their own, so the choice window
 * and the app's window can never reach each other's handlers.
 */
export const CONNECT_PROBE_CHANNEL = 'rm-connect:probe';
export const CONNECT_CHOOSE_CHANNEL = 'rm-connect:choose';

/**
 * The language goes to the preload as a command-line switch of its renderer
 * (`webPreferences.additionalArguments`, which Electron appends to the preload's `process.argv`):
 * it is known before the page loads, and asking main for it would need another channel.
 */
const LANGUAGE_SWITCH = '--rm-connect-language=';

export function languageArgument(language: 'zh-CN' | 'en'): string {
  return `${LANGUAGE_SWITCH}${language}`;
}

/** Chinese unless the switch says English (a missing or odd switch is not a reason for English). */
export function languageFromArgv(argv: readonly string[]): 'zh-CN' | 'en' {
  const found = argv.find((a) => typeof a === 'string' && a.startsWith(LANGUAGE_SWITCH));
  return found === `${LANGUAGE_SWITCH}en` ? 'en' : 'zh-CN';
}
