/** The roles of DESIGN.md §1. A user may hold several. */
export const ROLES = [
  'host',
  'dept_head',
  'executive',
  'admin_office',
  'front_desk',
  'finance',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'users.manage',
  'departments.manage',
  'audit.read',
  'settings.manage',
  /** Read the people and departments lists (pickers, names on screens). */
  'directory.read',
  /** File reception requests as their host. */
  'requests.create',
  /** See every request, not only one's own or those one approves. */
  'requests.readAll',
  /** Decide approval steps (and name a delegate for them). */
  'approvals.decide',
  /** Edit the reception policy (a new version each time). */
  'policy.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * Which role grants which permission. The main process checks these on every call; the UI only
 * uses them to hide what the user could not do anyway.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  host: ['directory.read', 'requests.create'],
  dept_head: ['directory.read', 'approvals.decide'],
  executive: ['directory.read', 'approvals.decide', 'requests.readAll'],
  admin_office: ['directory.read', 'approvals.decide', 'requests.readAll'],
  front_desk: ['directory.read'],
  finance: ['directory.read', 'requests.readAll'],
  sysadmin: [
    'directory.read',
    'users.manage',
    'departments.manage',
    'audit.read',
    'settings.manage',
    'policy.manage',
  ],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
