import { STEP_ROLE } from '../approvals';
import type { Role } from '../auth';
import { TIERS, type ChainRules, type Tier } from '../policy';
import type { MessageParams } from '../result';

/** A translator: the renderer's i18next `t`, or main's `translate` bound to a language. */
type Translate = (key: string, params?: MessageParams) => string;

/**
 * 开始使用: what a new company still lacks before its first request can be filed. Main loads the
 * facts (small tables: settings, departments, role counts) and this decides, so each rule is
 * written once and table-tested.
 */

/** A role the approval chains (or filing itself) need, and for which tiers. */
export interface NeededRole {
  role: Role;
  /** The tiers whose base chain has a step of this role; empty: only its exceptions (or filing). */
  tiers: Tier[];
}

export interface ChecklistFacts {
  companyName: string;
  timeZone: string;
  /** The sysadmin saved the settings page at least once (so the time zone is his, not the default). */
  timeZoneConfirmed: boolean;
  /** Every department, by name, with whether it has a head who can act (set and not disabled). */
  departments: readonly { name: string; hasActiveHead: boolean }[];
  /** Active (not disabled) holders of each role. */
  activeByRole: Partial<Record<Role, number>>;
  neededRoles: readonly NeededRole[];
  /** The reception standard was saved after the default, or confirmed as it is. */
  policyReviewed: boolean;
}

/** One thing still missing, as data: the renderer words it (see `missingText`). */
export interface Missing {
  key: string;
  count?: number;
  names?: string[];
  role?: Role;
  tiers?: Tier[];
  value?: string;
}

export const CHECKLIST_LINES = ['company', 'departments', 'roles', 'policy'] as const;
export type ChecklistLineKey = (typeof CHECKLIST_LINES)[number];

export interface ChecklistLine {
  key: ChecklistLineKey;
  done: boolean;
  missing: Missing[];
  /** The page that fixes it. */
  to: string;
}

export interface SetupChecklist {
  lines: ChecklistLine[];
  done: boolean;
}

/** How many department names a line spells out before "…" (a company may have 40). */
export const NAMES_SHOWN = 5;

/**
 * The roles a request needs on its way to filing: its host (who files it), and the role of each
 * step kind the policy's chains use — per tier for the base chains; an executive also when any of
 * the exceptions that add his step is on.
 */
export function neededRoles(chains: ChainRules): NeededRole[] {
  const out: NeededRole[] = [{ role: 'host', tiers: [] }];
  const add = (role: Role, tier: Tier | null) => {
    let entry = out.find((n) => n.role === role);
    if (!entry) {
      entry = { role, tiers: [] };
      out.push(entry);
    }
    if (tier && !entry.tiers.includes(tier)) entry.tiers.push(tier);
  };
  for (const tier of TIERS) for (const kind of chains.base[tier]) add(STEP_ROLE[kind], tier);
  const w = chains.executiveWhen;
  if (w.budgetOverFen !== null || w.companyPaidLodging || w.anyOverCap || w.tierOverride) {
    add(STEP_ROLE.executive, null);
  }
  return out;
}

const line = (key: ChecklistLineKey, to: string, missing: Missing[]): ChecklistLine => ({
  key,
  done: missing.length === 0,
  missing,
  to,
});

export function setupChecklist(f: ChecklistFacts): SetupChecklist {
  const company: Missing[] = [];
  if (f.companyName.trim() === '') company.push({ key: 'setup.missing.companyName' });
  if (!f.timeZoneConfirmed) company.push({ key: 'setup.missing.timeZone', value: f.timeZone });

  const departments: Missing[] = [];
  if (f.departments.length === 0) departments.push({ key: 'setup.missing.noDepartments' });
  const headless = f.departments.filter((d) => !d.hasActiveHead).map((d) => d.name);
  if (headless.length > 0) {
    departments.push({ key: 'setup.missing.heads', count: headless.length, names: headless });
  }

  const roles: Missing[] = f.neededRoles
    .filter((n) => (f.activeByRole[n.role] ?? 0) === 0)
    .map((n) =>
      n.role === 'host'
        ? { key: 'setup.missing.host', role: n.role }
        : n.tiers.length > 0
          ? { key: 'setup.missing.role', role: n.role, tiers: n.tiers }
          : { key: 'setup.missing.roleExceptions', role: n.role },
    );

  const policy: Missing[] = f.policyReviewed ? [] : [{ key: 'setup.missing.policy' }];

  const lines = [
    line('company', '/settings', company),
    line('departments', '/departments', departments),
    line('roles', '/users', roles),
    line('policy', '/policy', policy),
  ];
  return { lines, done: lines.every((l) => l.done) };
}

/** A missing thing in the reader's language: "2 个部门没有负责人：销售部、财务部". */
export function missingText(m: Missing, t: Translate): string {
  const sep = t('setup.listSeparator');
  const names = m.names ?? [];
  const shown = names.slice(0, NAMES_SHOWN).join(sep) + (names.length > NAMES_SHOWN ? '…' : '');
  return t(m.key, {
    ...(m.count !== undefined ? { count: m.count } : {}),
    names: shown,
    role: m.role ? t(`roles.${m.role}`) : '',
    // "各类" rather than "A 类、B 类、C 类、D 类" when every tier needs it.
    tiers:
      m.tiers?.length === TIERS.length
        ? t('setup.allTiers')
        : (m.tiers ?? []).map((tier) => t(`labels.tier.${tier}`)).join(sep),
    value: m.value ?? '',
  });
}
