import { describe, expect, it } from 'vitest';
import {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  hasPermission,
  permissionsOf,
  type Permission,
  type Role,
} from './roles';

/** The permission set of each role, spelled out: a change here must be deliberate. */
const EXPECTED: Record<Role, Permission[]> = {
  host: ['directory.read', 'expenses.record', 'requests.create'],
  dept_head: ['approvals.decide', 'directory.read'],
  executive: [
    'approvals.decide',
    'directory.read',
    'expenses.except',
    'expenses.report',
    'requests.readAll',
  ],
  admin_office: [
    'approvals.decide',
    'approvals.reassign',
    'bookings.manage',
    'bookings.read',
    'directory.read',
    'expenses.report',
    'frontdesk.configure',
    'frontdesk.desk',
    'frontdesk.watch',
    'requests.readAll',
  ],
  front_desk: ['bookings.read', 'directory.read', 'frontdesk.desk'],
  finance: [
    'approvals.decide',
    'directory.read',
    'expenses.finance',
    'expenses.report',
    'requests.readAll',
  ],
  sysadmin: [
    'approvals.reassign',
    'audit.read',
    'backups.manage',
    'departments.manage',
    'directory.read',
    'expenses.reopen',
    'frontdesk.configure',
    'policy.manage',
    'sessions.manage',
    'settings.manage',
    'users.manage',
  ],
};

describe('roles and permissions', () => {
  it('has exactly the seven roles of DESIGN.md §1', () => {
    expect([...ROLES].sort()).toEqual(
      [
        'admin_office',
        'dept_head',
        'executive',
        'finance',
        'front_desk',
        'host',
        'sysadmin',
      ].sort(),
    );
  });

  it.each(Object.entries(EXPECTED))('role %s grants exactly %j', (role, permissions) => {
    expect([...permissionsOf([role as Role])].sort()).toEqual([...permissions].sort());
    for (const p of PERMISSIONS) {
      expect(hasPermission([role as Role], p), `${role} → ${p}`).toBe(permissions.includes(p));
    }
  });

  it('every role has an entry and grants only declared permissions', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it('only sysadmin manages users, departments, settings and reads the audit log', () => {
    for (const p of [
      'users.manage',
      'departments.manage',
      'settings.manage',
      'audit.read',
    ] as const) {
      expect(ROLES.filter((r) => hasPermission([r], p))).toEqual(['sysadmin']);
    }
  });

  it('several roles grant the union of their permissions', () => {
    expect([...permissionsOf(['host', 'sysadmin'])].sort()).toEqual(
      [...new Set([...EXPECTED.host, ...EXPECTED.sysadmin])].sort(),
    );
    expect([...permissionsOf(['host', 'finance'])].sort()).toEqual([
      'approvals.decide',
      'directory.read',
      'expenses.finance',
      'expenses.record',
      'expenses.report',
      'requests.create',
      'requests.readAll',
    ]);
    expect(hasPermission(['host', 'sysadmin'], 'users.manage')).toBe(true);
  });

  it('no roles grant nothing', () => {
    expect(permissionsOf([]).size).toBe(0);
    for (const p of PERMISSIONS) expect(hasPermission([], p)).toBe(false);
  });
});
