import type { PolicyView } from './views';

/**
 * The note migration 0020 wrote on the first policy version. The app wrote it, not a person, so
 * it is shown from the catalogs in the reader's language (versions are immutable: the stored
 * text stays). Every other note is what the sysadmin typed and shows as typed.
 */
export const SEED_POLICY_NOTE = '默认标准（《公务接待流程及标准》）';

/**
 * A version's note as the reader sees it: the catalog key of the seeded note (`{ key }`), the
 * note as typed (`{ text }`), or null when there is none.
 */
export function policyNote(
  view: Pick<PolicyView, 'version' | 'note'>,
): { key: string } | { text: string } | null {
  if (view.version === 1 && view.note === SEED_POLICY_NOTE) {
    return { key: 'requestAdmin.policy.seedNote' };
  }
  return view.note === '' ? null : { text: view.note };
}
