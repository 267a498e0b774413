import { DOMAIN_NAMES, PERMISSION_NAMES, type PermissionName } from '../contract/names';

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

/** Every permission, as the domains declare them in their `names.ts`. */
export const PERMISSIONS: readonly PermissionName[] = PERMISSION_NAMES;
export type Permission = PermissionName;

const isPermission = (p: string): p is Permission => (PERMISSIONS as readonly string[]).includes(p);

/**
 * Which role grants which permission, collected from every domain's grants. The main process
 * checks these on every call; the UI only uses them to hide what the user could not do anyway.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.fromEntries(
  ROLES.map((role) => {
    const granted = new Set<Permission>();
    for (const domain of DOMAIN_NAMES) {
      for (const p of (domain.grants as Partial<Record<Role, readonly string[]>>)[role] ?? []) {
        // A grant of an undeclared permission is a programming error: fail at start, loudly.
        if (!isPermission(p)) throw new Error(`role ${role} is granted unknown permission ${p}`);
        granted.add(p);
      }
    }
    return [role, [...granted]];
  }),
) as Record<Role, Permission[]>;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) out.add(p);
  return out;
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
