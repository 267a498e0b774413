import { describe, expect, it } from 'vitest';
import { matchWatch, watchNameKey, type WatchCandidate, type WatchEntry } from './watch';

const entry = (id: number, e: Partial<WatchEntry>): WatchEntry => ({
  id,
  kind: 'person',
  nameKey: '',
  orgKey: '',
  phone: '',
  idHash: '',
  reason: `理由 ${id}`,
  ...e,
});

const who = (c: Partial<WatchCandidate>): WatchCandidate => ({
  nameKey: '',
  orgKey: '',
  phone: '',
  idHash: '',
  ...c,
});

const ENTRIES: WatchEntry[] = [
  // 1: a person known by phone only.
  entry(1, { phone: '13912345678' }),
  // 2: a person known by ID hash and name.
  entry(2, { nameKey: '王五', idHash: 'h-wang5' }),
  // 3: a name alone (no phone, no ID): the name is all there is to go by.
  entry(3, { nameKey: 'anna müller' }),
  // 4: a name with a phone, at an organisation: the name counts there only.
  entry(4, { nameKey: '李四', phone: '13700000000', orgKey: '星河贸易' }),
  // 5: an organisation.
  entry(5, { kind: 'org', orgKey: '华东精密仪器' }),
];

describe('matchWatch', () => {
  const cases: [string, Partial<WatchCandidate>, [number, string][]][] = [
    ['nobody at all', {}, []],
    ['the phone', { phone: '13912345678', nameKey: '赵六' }, [[1, 'phone']]],
    ['another phone', { phone: '13912345679' }, []],
    ['the ID hash', { idHash: 'h-wang5' }, [[2, 'id']]],
    ['the name of an entry identified by ID: not enough', { nameKey: '王五' }, []],
    ['a name alone where the entry has nothing else', { nameKey: 'anna müller' }, [[3, 'name']]],
    ['the name at the same organisation', { nameKey: '李四', orgKey: '星河贸易' }, [[4, 'name']]],
    ['the name at another organisation', { nameKey: '李四', orgKey: '别家' }, []],
    ['the phone beats the name', { nameKey: '李四', phone: '13700000000' }, [[4, 'phone']]],
    ['the organisation', { orgKey: '华东精密仪器' }, [[5, 'org']]],
    ['another organisation', { orgKey: '华东精密' }, []],
    [
      'several entries at once, each once',
      { orgKey: '华东精密仪器', phone: '13912345678', idHash: 'h-wang5' },
      [
        [1, 'phone'],
        [2, 'id'],
        [5, 'org'],
      ],
    ],
    // Empty fields never match empty fields.
    ['empty fields', { nameKey: '', orgKey: '', phone: '', idHash: '' }, []],
  ];
  it.each(cases)('%s', (_, c, expected) => {
    expect(matchWatch(ENTRIES, who(c)).map((h) => [h.watchId, h.on])).toEqual(expected);
  });

  it('says the kind and the reason of each hit', () => {
    expect(matchWatch(ENTRIES, who({ orgKey: '华东精密仪器' }))).toEqual([
      { watchId: 5, kind: 'org', on: 'org', reason: '理由 5' },
    ]);
  });

  it('an organisation entry with no key matches nobody', () => {
    expect(matchWatch([entry(9, { kind: 'org' })], who({}))).toEqual([]);
  });
});

describe('watchNameKey', () => {
  it.each([
    ['王五', '王五'],
    ['  王 五 ', '王五'],
    ['王　五', '王五'],
    ['Anna  Müller', 'anna müller'],
    ['ＡＮＮＡ Müller', 'anna müller'],
    ['欧阳 Anna', '欧阳anna'],
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(watchNameKey(name)).toBe(key);
  });
});
