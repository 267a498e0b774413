/**
 * The organisations that visit: a pool per category (government offices, key clients, suppliers,
 * universities, foreign firms…) with made-up but plausible names, a few coming again and again
 * and most a few times (Zipf-like), and which department receives which kind of visitor. The
 * pool comes from its own random stream; `visitorOf` and `typedName` then draw from the stream of
 * the request being made, in the order that request needs them.
 */
import type { OrgCategory, Tier } from '../../shared/policy';
import { orgKey } from '../../shared/requests/org';
import { ADMIN_OFFICE_DEPARTMENT, DEPARTMENTS, deptOf } from './company';
import * as W from './names';
import { Rng, STREAM, Weighted } from './random';

type OrgKind = 'business' | 'government' | 'academic' | 'supplier' | 'other';

export interface Org {
  name: string;
  category: OrgCategory;
  kind: OrgKind;
  foreign: boolean;
  /** Arrival days of its recent live requests (the repeat-visit check). */
  recent: number[];
}

/** Which departments receive which kind of visitor (weights), beside the general mix. */
const DEPT_BY_KIND: Readonly<Record<OrgKind, readonly (readonly [string, number])[]>> = {
  government: [
    ['总经办', 40],
    ['战略投资部', 20],
    [ADMIN_OFFICE_DEPARTMENT, 15],
    ['品牌公关部', 15],
    ['安全环保部', 10],
  ],
  academic: [
    ['研发中心', 60],
    ['工程技术部', 20],
    [ADMIN_OFFICE_DEPARTMENT, 10],
    ['信息技术部', 10],
  ],
  supplier: [
    ['采购部', 40],
    ['供应链管理部', 20],
    ['生产部', 15],
    ['质量管理部', 10],
    ['物流部', 10],
    ['工程技术部', 5],
  ],
  business: DEPARTMENTS.map((d) => [d.name, d.hosts] as const),
  other: [
    ['品牌公关部', 40],
    ['市场部', 30],
    [ADMIN_OFFICE_DEPARTMENT, 30],
  ],
};

/** Organisation categories per tier they suggest, with their share of that tier's visits. */
const CATEGORIES_BY_TIER: Readonly<Record<Tier, readonly (readonly [OrgCategory, number])[]>> = {
  A: [
    ['government', 70],
    ['top_leaders', 30],
  ],
  B: [
    ['key_client', 65],
    ['prospect', 35],
  ],
  C: [
    ['client', 65],
    ['partner', 25],
    ['other', 10],
  ],
  D: [['supplier', 100]],
};

/** Share of the organisation pool per category (prospects and others visit few times each). */
const ORG_SHARE: Readonly<Record<OrgCategory, number>> = {
  government: 4,
  top_leaders: 1,
  key_client: 5,
  prospect: 12,
  client: 33,
  partner: 12,
  other: 8,
  supplier: 25,
};

/** A tier chosen against the organisation's suggestion: which category such visits come from. */
const OVERRIDE_SOURCE: Readonly<Record<Tier, readonly OrgCategory[]>> = {
  A: ['key_client'],
  B: ['client', 'government'],
  C: ['supplier', 'prospect', 'key_client'],
  D: ['client', 'partner'],
};

const SUPPLIER_INDUSTRIES = [
  '物流',
  '材料',
  '包装',
  '模具',
  '化工',
  '机械',
  '电子',
  '检测技术',
  '自动化',
];

const companySuffix = Weighted.of(W.CN_COMPANY_SUFFIXES);

export interface Organisations {
  /**
   * Who comes on a visit of this tier and whom they visit: mostly a category the tier suggests,
   * sometimes (8 %) one chosen against the suggestion; the department by the organisation's kind.
   */
  visitorOf(rng: Rng, tier: Tier): { category: OrgCategory; org: Org; dept: number };
  /** The name as the host types it: a few drop or shorten 有限公司 (the org key still matches). */
  typedName(rng: Rng, org: Org): string;
  /** orgKey of a name, cached. */
  keyOf(name: string): string;
}

/** The pool of organisations for `visits` visits (150 to 12,000 of them). */
export function gatherOrganisations(seed: number, visits: number): Organisations {
  const rngOrgs = new Rng(seed, STREAM.organisations);
  const orgTotal = Math.min(12_000, Math.max(150, Math.round(visits / 60)));
  const orgNames = new Set<string>();
  const orgKeys = new Set<string>();
  const cities = W.CN_PLACES.slice(10);
  const fill = (template: string) =>
    template
      .replace('{place}', rngOrgs.pick(cities))
      .replace('{brand}', rngOrgs.pick(W.CN_BRANDS))
      .replace('{industry}', rngOrgs.pick(W.CN_INDUSTRIES));
  const chineseCompany = (industries: readonly string[]) => {
    const industry = rngOrgs.pick(industries);
    const suffix = companySuffix.pick(rngOrgs);
    return `${rngOrgs.pick(W.CN_PLACES)}${rngOrgs.pick(W.CN_BRANDS)}${industry}${
      industry.endsWith('科技') || suffix.startsWith('集团')
        ? ''
        : rngOrgs.chance(0.3)
          ? '科技'
          : ''
    }${suffix}`;
  };
  const foreignCompany = () =>
    `${rngOrgs.pick(W.EN_ORG_WORDS)} ${rngOrgs.pick(W.EN_ORG_TRADES)} ${rngOrgs.pick(W.EN_LEGAL_FORMS)}`;
  const orgsByCategory = new Map<OrgCategory, { orgs: Org[]; pick: Weighted<Org> }>();
  const shareTotal = Object.values(ORG_SHARE).reduce((a, b) => a + b, 0);
  for (const [category, share] of Object.entries(ORG_SHARE) as [OrgCategory, number][]) {
    const n = Math.max(4, Math.round((orgTotal * share) / shareTotal));
    const orgs: Org[] = [];
    for (let i = 0; i < n; i++) {
      let org: Org | null = null;
      for (let attempt = 0; attempt < 40 && !org; attempt++) {
        let name: string;
        let kind: OrgKind = 'business';
        let foreign = false;
        switch (category) {
          case 'government':
            kind = 'government';
            name = fill(rngOrgs.pick(W.CN_GOVERNMENT));
            break;
          case 'top_leaders':
            kind = 'government';
            name = fill(rngOrgs.pick(W.CN_TOP_LEADERS));
            break;
          case 'partner':
            if (rngOrgs.chance(0.6)) {
              kind = 'academic';
              name = fill(rngOrgs.pick(W.CN_ACADEMIC));
            } else {
              foreign = rngOrgs.chance(0.25);
              name = foreign ? foreignCompany() : chineseCompany(W.CN_INDUSTRIES);
            }
            break;
          case 'other':
            kind = 'other';
            name = fill(rngOrgs.pick(W.CN_OTHER));
            break;
          case 'supplier':
            kind = 'supplier';
            foreign = rngOrgs.chance(0.05);
            name = foreign ? foreignCompany() : chineseCompany(SUPPLIER_INDUSTRIES);
            break;
          default:
            foreign = rngOrgs.chance(0.25);
            name = foreign ? foreignCompany() : chineseCompany(W.CN_INDUSTRIES);
        }
        const key = orgKey(name);
        if (orgNames.has(name) || orgKeys.has(key)) continue;
        orgNames.add(name);
        orgKeys.add(key);
        org = { name, category, kind, foreign, recent: [] };
      }
      if (org) orgs.push(org);
    }
    // Zipf-like: a few organisations come again and again, most come a few times.
    orgsByCategory.set(category, {
      orgs,
      pick: new Weighted(
        orgs,
        orgs.map((_o, rank) => 1 / (rank + 8) ** 0.95),
      ),
    });
  }
  const pickOrg = (rng: Rng, category: OrgCategory): Org => {
    const group = orgsByCategory.get(category);
    if (!group || group.orgs.length === 0) throw new Error(`no organisations for ${category}`);
    return group.pick.pick(rng);
  };
  const categoryByTier = Object.fromEntries(
    (Object.keys(CATEGORIES_BY_TIER) as Tier[]).map((t) => [
      t,
      new Weighted(
        CATEGORIES_BY_TIER[t].map(([c]) => c),
        CATEGORIES_BY_TIER[t].map(([, w]) => w),
      ),
    ]),
  ) as Record<Tier, Weighted<OrgCategory>>;
  const deptByKind = Object.fromEntries(
    (Object.keys(DEPT_BY_KIND) as OrgKind[]).map((k) => [
      k,
      new Weighted(
        DEPT_BY_KIND[k].map(([name]) => deptOf(name)),
        DEPT_BY_KIND[k].map(([, w]) => w),
      ),
    ]),
  ) as Record<OrgKind, Weighted<number>>;
  const orgKeyCache = new Map<string, string>();

  return {
    visitorOf: (rng, tier) => {
      const override = rng.chance(0.08);
      const category = override ? rng.pick(OVERRIDE_SOURCE[tier]) : categoryByTier[tier].pick(rng);
      const org = pickOrg(rng, category);
      const dept = deptByKind[org.kind].pick(rng);
      return { category, org, dept };
    },
    typedName: (rng, org) => {
      let typedName = org.name;
      if (rng.chance(0.05) && /有限公司$/.test(typedName)) {
        typedName = rng.chance(0.5)
          ? typedName.replace(/(股份)?有限公司$/, '')
          : typedName.replace(/有限公司$/, '公司');
      }
      return typedName;
    },
    keyOf: (name) => {
      let k = orgKeyCache.get(name);
      if (k === undefined) {
        k = orgKey(name);
        orgKeyCache.set(name, k);
      }
      return k;
    },
  };
}
