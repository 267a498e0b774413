import { describe, expect, it } from 'vitest';
import { mayView } from '../approvals';
import { hasPermission } from '../auth';
import { ROLES, type Role } from '../auth/roles';
import { REQUEST_STATUSES, type RequestStatus } from './lifecycle';
import {
  departmentsListed,
  hostOnly,
  mayCancelAtAll,
  mayCancelRequest,
  mayDeleteDraft,
  mayList,
  type RequestListScope,
} from './rights';

const HOST = 1;
const ME = 2;
const HEAD = 3;

type Relation = 'host' | 'head of its department' | 'unrelated';

/** The facts main loads for a request with no steps yet, seen by `roles` in `relation`. */
function facts(status: RequestStatus, revision: number, relation: Relation, roles: Role[]) {
  const actor = { userId: relation === 'host' ? HOST : ME, roles };
  const request = { hostUserId: HOST, status, revision };
  const view = mayView(
    {
      ownerUserId: HOST,
      ownerOnly: hostOnly(request),
      departmentHeadUserId: relation === 'head of its department' ? ME : HEAD,
      actedOnIt: false,
      steps: [],
    },
    { ...actor, readAll: hasPermission(roles, 'requests.readAll') },
    [],
  );
  return { view, cancel: mayCancelRequest(actor, request), gate: mayCancelAtAll(actor, request) };
}

describe('hostOnly', () => {
  it.each([
    ['draft', 0, true],
    ['cancelled', 0, true],
    ['cancelled', 1, false],
    ['submitted', 1, false],
    ['approving', 1, false],
    ['returned', 1, false],
    ['approved', 2, false],
    ['filed', 1, false],
    ['rejected', 1, false],
  ] as const)('a %s request at revision %s → %s', (status, revision, expected) => {
    expect(hostOnly({ status, revision })).toBe(expected);
  });
});

describe('request rights: role × status × relation', () => {
  // [role, status, revision, relation, may view, may cancel]
  const cases: [Role, RequestStatus, number, Relation, boolean, boolean][] = [
    // The host: always sees it; cancels while the life cycle allows.
    ['host', 'draft', 0, 'host', true, true],
    ['host', 'approving', 1, 'host', true, true],
    ['host', 'cancelled', 0, 'host', true, false],
    ['host', 'rejected', 1, 'host', true, false],
    // A draft: nobody else, whatever the role or relation.
    ['admin_office', 'draft', 0, 'unrelated', false, false],
    ['executive', 'draft', 0, 'unrelated', false, false],
    ['finance', 'draft', 0, 'unrelated', false, false],
    ['sysadmin', 'draft', 0, 'unrelated', false, false],
    ['dept_head', 'draft', 0, 'head of its department', false, false],
    ['host', 'draft', 0, 'unrelated', false, false],
    // A draft its host cancelled was never anyone else's either.
    ['admin_office', 'cancelled', 0, 'unrelated', false, false],
    ['dept_head', 'cancelled', 0, 'head of its department', false, false],
    // Submitted: readers of all and its head see it; the admin office may cancel.
    ['admin_office', 'approving', 1, 'unrelated', true, true],
    ['admin_office', 'returned', 1, 'unrelated', true, true],
    ['admin_office', 'filed', 1, 'unrelated', true, true],
    ['admin_office', 'rejected', 1, 'unrelated', true, false],
    ['admin_office', 'cancelled', 1, 'unrelated', true, false],
    ['executive', 'approving', 1, 'unrelated', true, false],
    ['finance', 'filed', 1, 'unrelated', true, false],
    ['dept_head', 'approving', 1, 'head of its department', true, false],
    ['dept_head', 'approving', 1, 'unrelated', false, false],
    ['host', 'approving', 1, 'unrelated', false, false],
    ['sysadmin', 'approving', 1, 'unrelated', false, false],
  ];

  it.each(cases)(
    '%s, a %s request (revision %s), %s: view %s, cancel %s',
    (role, status, revision, relation, view, cancel) => {
      const got = facts(status, revision, relation, [role]);
      expect({ view: got.view, cancel: got.cancel }).toEqual({ view, cancel });
    },
  );

  // Every combination, against the rule as the issue states it.
  const revisions = (s: RequestStatus) => (s === 'draft' ? [0] : s === 'cancelled' ? [0, 1] : [1]);
  const relations: Relation[] = ['host', 'head of its department', 'unrelated'];
  const all = ROLES.flatMap((role) =>
    REQUEST_STATUSES.flatMap((status) =>
      revisions(status).flatMap((revision) =>
        relations.map((relation) => [role, status, revision, relation] as const),
      ),
    ),
  );

  it.each(all)('%s, %s (revision %s), %s', (role, status, revision, relation) => {
    const { view, cancel, gate } = facts(status, revision, relation, [role]);
    const isHost = relation === 'host';
    const never = revision === 0;
    // Nobody but the host ever sees, or may cancel, what he never submitted.
    if (!isHost && never) expect([view, cancel, gate]).toEqual([false, false, false]);
    if (isHost) expect(view).toBe(true);
    // Whoever may cancel may see; whoever may cancel passes cancel's "not found" gate.
    if (cancel) expect(view && gate).toBe(true);
    if (gate) expect(isHost || (role === 'admin_office' && !never)).toBe(true);
  });
});

describe('mayDeleteDraft', () => {
  const host = { userId: 1 };
  it.each([
    ['draft', 0, 1, true],
    ['draft', 0, 2, false], // someone else
    ['cancelled', 0, 1, false], // a cancelled draft stays on record
    ['returned', 1, 1, false], // submitted once: cancelled, never deleted
    ['approving', 1, 1, false],
  ] as const)('%s, revision %i, by user %i → %s', (status, revision, by, allowed) => {
    expect(mayDeleteDraft({ userId: by }, { hostUserId: host.userId, status, revision })).toBe(
      allowed,
    );
  });
});

describe('the head of a department reads its requests (本部门接待 opens them)', () => {
  // Set as the department's head, whatever his roles: every request of it once submitted, none
  // its host never submitted.
  it.each(
    (['host', 'dept_head', 'front_desk'] as const).flatMap((role) =>
      REQUEST_STATUSES.flatMap((status) =>
        (status === 'draft' ? [0] : status === 'cancelled' ? [0, 1] : [1]).map(
          (revision) => [role, status, revision, revision > 0 && status !== 'draft'] as const,
        ),
      ),
    ),
  )('a %s heading it, a %s request (revision %s) → view %s', (role, status, revision, view) => {
    expect(facts(status, revision, 'head of its department', [role]).view).toBe(view);
    // Heading another department gives nothing (and these roles read no one's else).
    expect(facts(status, revision, 'unrelated', [role]).view).toBe(false);
  });
});

describe('mayList: who reads which list', () => {
  const reader = { readAll: true, headOf: [] };
  const head = { readAll: false, headOf: [7] };
  const headOfTwo = { readAll: false, headOf: [7, 9] };
  const host = { readAll: false, headOf: [] };
  // [scope, actor, allowed]
  it.each([
    ['mine', host, true],
    ['mine', head, true],
    ['mine', reader, true],
    ['department', head, true],
    ['department', headOfTwo, true],
    ['department', host, false], // heads nothing: the dept_head role alone does not do
    ['department', reader, false], // reading all is not heading one
    ['all', reader, true],
    ['all', head, false],
    ['all', host, false],
  ] as [RequestListScope, { readAll: boolean; headOf: number[] }, boolean][])(
    '%s for %o → %s',
    (scope, actor, allowed) => {
      expect(mayList(scope, actor)).toBe(allowed);
    },
  );
});

describe('departmentsListed', () => {
  it.each([
    [[7], undefined, [7]],
    [[7, 9], undefined, [7, 9]],
    [[7, 9], 9, [9]],
    [[7, 9], 8, []], // another department's: nothing, not its requests
    [[], undefined, []],
  ] as [number[], number | undefined, number[]][])(
    'heads %o, filter %s → %o',
    (headOf, id, out) => {
      expect(departmentsListed(headOf, id)).toEqual(out);
    },
  );
});
