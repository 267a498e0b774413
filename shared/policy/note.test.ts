import { describe, expect, it } from 'vitest';
import { CATALOGS, lookup } from '../i18n/translate';
import { policyNote, SEED_POLICY_NOTE } from './note';

describe('a policy version’s note', () => {
  it.each([
    [
      'the seeded note of version 1: catalog text',
      1,
      SEED_POLICY_NOTE,
      { key: 'requestAdmin.policy.seedNote' },
    ],
    [
      'the same words typed on a later version: as typed',
      4,
      SEED_POLICY_NOTE,
      { text: SEED_POLICY_NOTE },
    ],
    ['another note on version 1: as typed', 1, '按新标准', { text: '按新标准' }],
    ['a typed note: as typed', 2, 'Meals +10%', { text: 'Meals +10%' }],
    ['no note', 3, '', null],
  ] as const)('%s', (_, version, note, expected) => {
    expect(policyNote({ version, note })).toEqual(expected);
  });

  it('the seeded note reads in both languages', () => {
    expect(lookup(CATALOGS['zh-CN'], 'requestAdmin.policy.seedNote')).toContain(
      '公务接待流程及标准',
    );
    expect(lookup(CATALOGS.en, 'requestAdmin.policy.seedNote')).toMatch(/^[\x20-\x7e]+$/);
  });
});
