import { describe, expect, it } from 'vitest';
import { mayAttach, mayRemove, type AttachmentOwnerFacts } from './rights';

const HOST = 1;
const UPLOADER = 2;
const OTHER = 3;
const open: AttachmentOwnerFacts = { ownerUserId: HOST, open: true };
const closed: AttachmentOwnerFacts = { ownerUserId: HOST, open: false };

/** Whoever may read the record (checked before) sees its files; its owner adds them. */
describe('mayAttach', () => {
  const cases: [string, number, AttachmentOwnerFacts, boolean][] = [
    ['the owner, an open record', HOST, open, true],
    ['the owner, a closed record', HOST, closed, false],
    ['another reader (an approver), an open record', OTHER, open, false],
  ];
  it.each(cases)('%s → %s', (_name, userId, owner, expected) => {
    expect(mayAttach({ userId }, owner)).toBe(expected);
  });
});

describe('mayRemove', () => {
  const cases: [string, number, AttachmentOwnerFacts, number, boolean, boolean][] = [
    ['the owner, his own upload', HOST, open, HOST, false, true],
    ['the owner, someone else’s upload', HOST, open, UPLOADER, false, true],
    ['the uploader, not the owner', UPLOADER, open, UPLOADER, false, true],
    ['another reader', OTHER, open, UPLOADER, false, false],
    ['the owner, a closed record', HOST, closed, HOST, false, false],
    ['the owner, a file already removed', HOST, open, HOST, true, false],
  ];
  it.each(cases)('%s → %s', (_name, userId, owner, uploadedBy, removed, expected) => {
    expect(mayRemove({ userId }, owner, { uploadedBy, removed })).toBe(expected);
  });
});
