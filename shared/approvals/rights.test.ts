import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../auth/roles';
import {
  mayAct,
  mayCancel,
  mayRemind,
  type RemindFacts,
  mayView,
  poolKinds,
  type ActingRight,
  type ActorFacts,
  type DelegatorFacts,
  type StepFacts,
} from './rights';
import { STEP_KINDS, STEP_ROLE, STEP_STATUSES, type StepKind, type StepStatus } from './steps';

const OWNER = 1;
const ME = 2;
const OTHER = 3;
const BOSS = 4;
const BOSS2 = 5;

const step = (
  kind: StepKind,
  assigneeUserId: number | null,
  status: StepStatus = 'pending',
  decidedBy: number | null = null,
): StepFacts => ({ kind, status, assigneeUserId, decidedBy });
const me = (...roles: Role[]): ActorFacts => ({ userId: ME, roles });
const delegator = (
  userId: number,
  roles: Role[],
  disabled = false,
  displayName = `user ${userId}`,
): DelegatorFacts => ({ userId, displayName, roles, disabled });
const own: ActingRight = { onBehalfOf: null };
const forBoss: ActingRight = { onBehalfOf: { userId: BOSS, displayName: `user ${BOSS}` } };
const forBoss2: ActingRight = { onBehalfOf: { userId: BOSS2, displayName: `user ${BOSS2}` } };

describe('mayAct', () => {
  const cases: [string, StepFacts, ActorFacts, DelegatorFacts[], ActingRight | null][] = [
    // His own right.
    ['the assignee', step('dept_head', ME), me('dept_head'), [], own],
    ['the assignee, even without the role', step('executive', ME), me('host'), [], own],
    ['a pool step of a role he holds', step('executive', null), me('executive'), [], own],
    [
      'each kind pools its own role: admin office',
      step('admin_office', null),
      me('admin_office'),
      [],
      own,
    ],
    [
      'each kind pools its own role: head without a name',
      step('dept_head', null),
      me('dept_head'),
      [],
      own,
    ],
    [
      'a pool step of a role he lacks',
      step('executive', null),
      me('dept_head', 'admin_office'),
      [],
      null,
    ],
    [
      'assigned to someone else, though he holds the role',
      step('dept_head', OTHER),
      me('dept_head'),
      [],
      null,
    ],
    // Never the owner.
    [
      'the owner as assignee',
      step('dept_head', OWNER),
      { userId: OWNER, roles: ['dept_head'] },
      [],
      null,
    ],
    [
      'the owner in a pool of his role',
      step('admin_office', null),
      { userId: OWNER, roles: ['host', 'admin_office'] },
      [],
      null,
    ],
    [
      'the owner as a delegate',
      step('dept_head', BOSS),
      { userId: OWNER, roles: ['host'] },
      [delegator(BOSS, ['dept_head'])],
      null,
    ],
    // On behalf of a delegator.
    [
      'assigned to his delegator',
      step('dept_head', BOSS),
      me('host'),
      [delegator(BOSS, ['dept_head'])],
      forBoss,
    ],
    [
      'assigned to his delegator, who lacks the role',
      step('dept_head', BOSS),
      me(),
      [delegator(BOSS, [])],
      forBoss,
    ],
    [
      'assigned to his delegator, though he holds the role himself',
      step('dept_head', BOSS),
      me('dept_head'),
      [delegator(BOSS, ['dept_head'])],
      forBoss,
    ],
    [
      "a pool step of his delegator's role",
      step('executive', null),
      me('dept_head'),
      [delegator(BOSS, ['executive'])],
      forBoss,
    ],
    [
      'a pool step of a role neither holds',
      step('executive', null),
      me('dept_head'),
      [delegator(BOSS, ['admin_office'])],
      null,
    ],
    [
      'assigned to someone else, the delegator holds the role',
      step('dept_head', OTHER),
      me(),
      [delegator(BOSS, ['dept_head'])],
      null,
    ],
    [
      "his own right comes before a delegator's",
      step('executive', null),
      me('executive'),
      [delegator(BOSS, ['executive'])],
      own,
    ],
    [
      'a disabled delegator, assigned',
      step('dept_head', BOSS),
      me(),
      [delegator(BOSS, ['dept_head'], true)],
      null,
    ],
    [
      'a disabled delegator, pool',
      step('executive', null),
      me(),
      [delegator(BOSS, ['executive'], true)],
      null,
    ],
    [
      'the owner as delegator, assigned to him',
      step('dept_head', OWNER),
      me(),
      [delegator(OWNER, ['dept_head'])],
      null,
    ],
    [
      'the owner as delegator, pool of his role',
      step('admin_office', null),
      me(),
      [delegator(OWNER, ['admin_office'])],
      null,
    ],
    [
      'first matching delegator wins',
      step('executive', null),
      me(),
      [
        delegator(OTHER, ['dept_head']),
        delegator(BOSS, ['executive']),
        delegator(BOSS2, ['executive']),
      ],
      forBoss,
    ],
    [
      'a disabled match is passed over for the next',
      step('executive', null),
      me(),
      [delegator(BOSS, ['executive'], true), delegator(BOSS2, ['executive'])],
      forBoss2,
    ],
    [
      'the owner as delegator is passed over for the next',
      step('dept_head', null),
      me(),
      [delegator(OWNER, ['dept_head']), delegator(BOSS2, ['dept_head'])],
      forBoss2,
    ],
    [
      "an assigned step goes to its assignee's delegator, not an earlier one holding the role",
      step('dept_head', BOSS2),
      me(),
      [delegator(BOSS, ['dept_head']), delegator(BOSS2, [])],
      forBoss2,
    ],
  ];

  it.each(cases)('%s', (_name, s, actor, delegators, expected) => {
    expect(mayAct(s, actor, OWNER, delegators)).toEqual(expected);
  });

  it("uses the delegator's name as main loaded it", () => {
    const right = mayAct(step('dept_head', BOSS), me(), OWNER, [
      delegator(BOSS, ['dept_head'], false, '王部长'),
    ]);
    expect(right).toEqual({ onBehalfOf: { userId: BOSS, displayName: '王部长' } });
  });

  it.each(STEP_STATUSES.filter((s) => s !== 'pending'))(
    'a %s step gives nobody a right',
    (status) => {
      const everyone = delegator(BOSS, [...ROLES]);
      expect(mayAct(step('dept_head', ME, status), me(...ROLES), OWNER, [everyone])).toBeNull();
      expect(mayAct(step('executive', null, status), me(...ROLES), OWNER, [everyone])).toBeNull();
      expect(mayAct(step('dept_head', BOSS, status), me(), OWNER, [everyone])).toBeNull();
    },
  );
});

describe('mayView', () => {
  const subject = (over: Partial<Parameters<typeof mayView>[0]> = {}) => ({
    ownerUserId: OWNER,
    ownerOnly: false,
    departmentHeadUserId: null,
    actedOnIt: false,
    steps: [],
    ...over,
  });
  const viewer = (roles: Role[] = ['host'], readAll = false) => ({ userId: ME, roles, readAll });

  const cases: [
    string,
    Parameters<typeof mayView>[0],
    ReturnType<typeof viewer>,
    number[],
    boolean,
  ][] = [
    ['the owner', subject({ ownerUserId: ME }), viewer(), [], true],
    ['someone who reads all', subject(), viewer(['finance'], true), [], true],
    ['someone who acted on it', subject({ actedOnIt: true }), viewer(), [], true],
    ['the head of its department', subject({ departmentHeadUserId: ME }), viewer(), [], true],
    [
      'the head of another department',
      subject({ departmentHeadUserId: OTHER }),
      viewer(['dept_head']),
      [],
      false,
    ],
    ['nobody related', subject(), viewer(), [], false],
    [
      'a step assigned to him',
      subject({ steps: [step('dept_head', ME, 'waiting')] }),
      viewer(),
      [],
      true,
    ],
    [
      'a cancelled step once assigned to him',
      subject({ steps: [step('executive', ME, 'cancelled')] }),
      viewer(),
      [],
      true,
    ],
    [
      'a step he decided, assigned to someone else',
      subject({ steps: [step('dept_head', OTHER, 'approved', ME)] }),
      viewer(),
      [],
      true,
    ],
    [
      'a pool step he decided, without the role now',
      subject({ steps: [step('executive', null, 'rejected', ME)] }),
      viewer(),
      [],
      true,
    ],
    [
      'a step someone else decided',
      subject({ steps: [step('dept_head', OTHER, 'approved', OTHER)] }),
      viewer(),
      [],
      false,
    ],
    [
      'a step without decidedBy',
      subject({ steps: [{ kind: 'dept_head', status: 'pending', assigneeUserId: OTHER }] }),
      viewer(),
      [],
      false,
    ],
    [
      'a step assigned to his delegator',
      subject({ steps: [step('dept_head', BOSS)] }),
      viewer(),
      [BOSS],
      true,
    ],
    [
      'a step assigned to his delegator, any status',
      subject({ steps: [step('dept_head', BOSS, 'skipped')] }),
      viewer(),
      [BOSS],
      true,
    ],
    [
      'a step assigned to someone not his delegator',
      subject({ steps: [step('dept_head', OTHER)] }),
      viewer(),
      [BOSS],
      false,
    ],
    [
      'a step his delegator decided (events cover on-behalf decisions)',
      subject({ steps: [step('dept_head', OTHER, 'approved', BOSS)] }),
      viewer(),
      [BOSS],
      false,
    ],
    [
      'a pool step of a role he holds',
      subject({ steps: [step('admin_office', null, 'waiting')] }),
      viewer(['admin_office']),
      [],
      true,
    ],
    [
      'a pool step of his role, any status',
      subject({ steps: [step('dept_head', null, 'cancelled')] }),
      viewer(['dept_head']),
      [],
      true,
    ],
    [
      'a pool step of a role he lacks',
      subject({ steps: [step('executive', null)] }),
      viewer(['dept_head']),
      [],
      false,
    ],
    // Today's rule, pinned: a delegator's pool role does not open the subject to his delegate.
    [
      "a pool step of his delegator's role only",
      subject({ steps: [step('executive', null)] }),
      viewer(['dept_head']),
      [BOSS],
      false,
    ],
    [
      'an assigned step of his role, assigned to another',
      subject({ steps: [step('dept_head', OTHER)] }),
      viewer(['dept_head']),
      [],
      false,
    ],
    // The owner's alone (a draft): nobody else, whatever would otherwise open it.
    [
      'the owner, of his own draft',
      subject({ ownerUserId: ME, ownerOnly: true }),
      viewer(),
      [],
      true,
    ],
    [
      'someone who reads all, not a draft',
      subject({ ownerOnly: true }),
      viewer(['finance', 'executive', 'admin_office'], true),
      [],
      false,
    ],
    [
      'someone who acted on it, not a draft',
      subject({ ownerOnly: true, actedOnIt: true }),
      viewer(),
      [],
      false,
    ],
    [
      'the head of its department, not a draft',
      subject({ ownerOnly: true, departmentHeadUserId: ME }),
      viewer(['dept_head']),
      [],
      false,
    ],
    [
      'a step of his, not a draft',
      subject({ ownerOnly: true, steps: [step('admin_office', ME), step('executive', null)] }),
      viewer(['executive', 'sysadmin'], true),
      [ME],
      false,
    ],
    [
      'one matching step among others is enough',
      subject({
        steps: [
          step('dept_head', OTHER, 'approved', OTHER),
          step('executive', null, 'skipped'),
          step('admin_office', ME),
        ],
      }),
      viewer(),
      [],
      true,
    ],
  ];

  it.each(cases)('%s → %s', (_name, s, actor, delegatorIds, expected) => {
    expect(mayView(s, actor, delegatorIds)).toBe(expected);
  });
});

describe('mayCancel', () => {
  const submitted = { ownerUserId: OWNER, ownerOnly: false };
  const draft = { ownerUserId: OWNER, ownerOnly: true };
  const cases: [string, ActorFacts, boolean, boolean][] = [
    ['the owner', { userId: OWNER, roles: ['host'] }, true, true],
    ['the owner, whatever his roles', { userId: OWNER, roles: [] }, true, true],
    ['the admin office', me('admin_office'), true, true],
    [
      'the owner who is also admin office',
      { userId: OWNER, roles: ['host', 'admin_office'] },
      true,
      true,
    ],
    [
      'anyone else, even an approver or reader of all',
      me('host', 'dept_head', 'executive', 'finance', 'sysadmin'),
      true,
      false,
    ],
    ['the owner, when the life cycle forbids', { userId: OWNER, roles: ['host'] }, false, false],
    ['the admin office, when the life cycle forbids', me('admin_office'), false, false],
    ['anyone else, when the life cycle forbids', me('host'), false, false],
  ];

  it.each(cases)('%s (life cycle allows: %s) → %s', (_name, actor, allows, expected) => {
    expect(mayCancel(actor, submitted, allows)).toBe(expected);
  });

  const drafts: [string, ActorFacts, boolean, boolean][] = [
    ['the owner, his draft', { userId: OWNER, roles: ['host'] }, true, true],
    ['the admin office, not a draft of another', me('admin_office'), true, false],
    ['every role but the owner, not a draft', me(...ROLES), true, false],
    ['the owner, when the life cycle forbids', { userId: OWNER, roles: ['host'] }, false, false],
  ];
  it.each(drafts)('%s (life cycle allows: %s) → %s', (_name, actor, allows, expected) => {
    expect(mayCancel(actor, draft, allows)).toBe(expected);
  });
});

describe('poolKinds', () => {
  const cases: [string, Role[], DelegatorFacts[], StepKind[]][] = [
    ['no approver role, no delegator', ['host', 'front_desk'], [], []],
    ['finance decides the money steps', ['host', 'finance'], [], ['finance']],
    ['his own roles', ['dept_head', 'admin_office'], [], ['dept_head', 'admin_office']],
    [
      'every approver role, in step order',
      ['finance', 'admin_office', 'executive', 'dept_head'],
      [],
      [...STEP_KINDS],
    ],
    [
      "a delegator's role",
      ['dept_head'],
      [delegator(BOSS, ['executive'])],
      ['dept_head', 'executive'],
    ],
    [
      'several delegators, no duplicates',
      [],
      [delegator(BOSS, ['executive']), delegator(BOSS2, ['executive', 'host'])],
      ['executive'],
    ],
    [
      'a disabled delegator still widens the query (mayAct decides)',
      [],
      [delegator(BOSS, ['admin_office'], true)],
      ['admin_office'],
    ],
    ['a delegator without approver roles', ['host'], [delegator(BOSS, ['host', 'front_desk'])], []],
  ];

  it.each(cases)('%s', (_name, roles, delegators, expected) => {
    expect(poolKinds(me(...roles), delegators)).toEqual(expected);
  });
});

describe('properties', () => {
  const userId = fc.integer({ min: 1, max: 5 });
  const roles = fc.subarray([...ROLES]);
  const stepFacts = fc.record({
    kind: fc.constantFrom(...STEP_KINDS),
    status: fc.constantFrom(...STEP_STATUSES),
    assigneeUserId: fc.option(userId, { nil: null }),
    decidedBy: fc.option(userId, { nil: null }),
  });
  const actorFacts = fc.record({ userId, roles });
  // One entry per delegator, as main loads them (several delegations by one person are one
  // delegator): with a repeated id the properties would compare two different people.
  const delegators = fc.uniqueArray(
    fc.record({ userId, displayName: fc.string(), roles, disabled: fc.boolean() }),
    { maxLength: 4, selector: (d) => d.userId },
  );

  it('the owner never gets a right, whatever the step and delegators', () => {
    fc.assert(
      fc.property(stepFacts, roles, delegators, (s, r, ds) => {
        expect(mayAct(s, { userId: OWNER, roles: r }, OWNER, ds)).toBeNull();
      }),
    );
  });

  it('a step that is not pending never gives a right', () => {
    fc.assert(
      fc.property(stepFacts, actorFacts, userId, delegators, (s, a, owner, ds) => {
        fc.pre(s.status !== 'pending');
        expect(mayAct(s, a, owner, ds)).toBeNull();
      }),
    );
  });

  it('a right on behalf of someone names an enabled delegator, not the owner, whose step it is', () => {
    fc.assert(
      fc.property(stepFacts, actorFacts, userId, delegators, (s, a, owner, ds) => {
        const behalf = mayAct(s, a, owner, ds)?.onBehalfOf;
        if (!behalf) return;
        const d = ds.find((x) => x.userId === behalf.userId && !x.disabled);
        expect(d).toBeDefined();
        expect(behalf.userId).not.toBe(owner);
        const holds = (id: number, r: readonly Role[]) =>
          s.assigneeUserId === null ? r.includes(STEP_ROLE[s.kind]) : s.assigneeUserId === id;
        expect(d && holds(d.userId, d.roles)).toBe(true);
        // Had it been his own, he would act in his own name.
        expect(holds(a.userId, a.roles)).toBe(false);
      }),
    );
  });

  it("every step he may act on is found by the inbox query (his id, a delegator's, or a pool kind)", () => {
    fc.assert(
      fc.property(stepFacts, actorFacts, userId, delegators, (s, a, owner, ds) => {
        if (!mayAct(s, a, owner, ds)) return;
        const found =
          s.assigneeUserId === null
            ? poolKinds(a, ds).includes(s.kind)
            : [a.userId, ...ds.map((d) => d.userId)].includes(s.assigneeUserId);
        expect(found).toBe(true);
      }),
    );
  });

  it('whoever may act in his own name, or on an assigned step, may also view the subject', () => {
    fc.assert(
      fc.property(stepFacts, actorFacts, userId, delegators, (s, a, owner, ds) => {
        const right = mayAct(s, a, owner, ds);
        fc.pre(right !== null && (right.onBehalfOf === null || s.assigneeUserId !== null));
        const subject = {
          ownerUserId: owner,
          ownerOnly: false,
          departmentHeadUserId: null,
          actedOnIt: false,
          steps: [s],
        };
        const ids = ds.map((d) => d.userId);
        expect(mayView(subject, { ...a, readAll: false }, ids)).toBe(true);
      }),
    );
  });

  it('only the owner or (unless it is his alone) the admin office may cancel, and only when the life cycle allows', () => {
    fc.assert(
      fc.property(actorFacts, userId, fc.boolean(), fc.boolean(), (a, owner, ownerOnly, allows) => {
        const person = a.userId === owner || (!ownerOnly && a.roles.includes('admin_office'));
        expect(mayCancel(a, { ownerUserId: owner, ownerOnly }, allows)).toBe(person && allows);
      }),
    );
  });

  it("a subject that is the owner's alone is seen by him and nobody else", () => {
    fc.assert(
      fc.property(
        actorFacts,
        userId,
        fc.option(userId, { nil: null }),
        fc.boolean(),
        fc.array(stepFacts, { maxLength: 4 }),
        fc.boolean(),
        fc.array(userId, { maxLength: 3 }),
        (a, owner, head, actedOnIt, steps, readAll, ids) => {
          const subject = {
            ownerUserId: owner,
            ownerOnly: true,
            departmentHeadUserId: head,
            actedOnIt,
            steps,
          };
          expect(mayView(subject, { ...a, readAll }, ids)).toBe(a.userId === owner);
        },
      ),
    );
  });
});

describe('mayRemind', () => {
  const owner: ActorFacts = { userId: OWNER, roles: ['host'] };
  const base: RemindFacts = {
    step: { status: 'pending', revision: 2 },
    subject: { ownerUserId: OWNER, revision: 2 },
    remindedToday: false,
  };
  const cases: [string, ActorFacts, Partial<RemindFacts>, boolean][] = [
    ['the owner, a pending step of this round', owner, {}, true],
    ['the owner, a second time today', owner, { remindedToday: true }, false],
    [
      'the owner, a step of an earlier round',
      owner,
      { step: { status: 'pending', revision: 1 } },
      false,
    ],
    ['the owner, a step not yet open', owner, { step: { status: 'waiting', revision: 2 } }, false],
    ['the owner, a decided step', owner, { step: { status: 'approved', revision: 2 } }, false],
    ['an approver of it', me('dept_head'), {}, false],
    ['the admin office', me('admin_office'), {}, false],
  ];
  it.each(cases)('%s → %s', (_name, actor, over, expected) => {
    expect(mayRemind(actor, { ...base, ...over })).toBe(expected);
  });
});
