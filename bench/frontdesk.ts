import { performance } from 'node:perf_hooks';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { dispatch } from '../main/api/dispatcher';
import type { RunningApp } from '../main/app';
import {
  BRANCH_ROWS,
  directoryPrefixes,
  MAX_SUGGESTIONS,
} from '../main/domains/frontdesk/directory';
import { addDays } from '../shared/dates';
import { orgKey } from '../shared/requests';
import type { Case } from './cases';

/**
 * Issue 11's hot reads (the front desk):
 * - the board (`frontdesk.board`) of a day with 500 expected visitors — 100 filed requests of
 *   five visitors each, a fifth of them already arrived — among the file's ten years of requests,
 *   through the dispatcher, beside the same rows read by hand-written statements (the requests
 *   covering the day with their hosts, the day's attendance);
 * - the visitor directory's suggestions (`frontdesk.suggestVisitors`) at 1.5 million people
 *   (100,000 with `--quick`), by name, pinyin initials, phone and organisation prefix, beside the
 *   same prefix ranges run by hand (target of the issue: ≤ 20 ms).
 *
 * Both are written straight into the bench's file with SQL the first time (a file that has them
 * already is used as it is). The board's day is a month after the last generated arrival, so its
 * visits are exactly the bench's.
 */

/** A small deterministic generator (mulberry32): the same rows on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Surnames and given-name characters with their pinyin, so no row needs pinyin-pro. */
const SURNAMES: [string, string][] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['高', 'gao'],
  ['林', 'lin'],
  ['罗', 'luo'],
];
const GIVEN: [string, string][] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀', 'xiu'],
  ['霞', 'xia'],
  ['平', 'ping'],
  ['刚', 'gang'],
  ['桂', 'gui'],
  ['三', 'san'],
  ['四', 'si'],
  ['立', 'li'],
  ['华', 'hua'],
  ['建', 'jian'],
  ['文', 'wen'],
  ['斌', 'bin'],
  ['丽', 'li'],
  ['鹏', 'peng'],
  ['辉', 'hui'],
];
const ORG_STEMS = ['华东精密', '上海电气', '北方重工', '南方电网', '海天科技', '中科智能'];
const ORG_TAILS = ['仪器有限公司', '集团', '研究院', '股份有限公司'];
const ORGS = 5_000;

export interface SeededFrontdesk {
  boardDay: string;
  expected: number;
  directoryRows: number;
  seededMs: number | null;
}

const BOARD_REQUESTS = 100;
const PER_REQUEST = 5;
const CODE_PREFIX = 'FDBENCH';

/**
 * The board's day (100 filed requests × 5 visitors, 100 of them checked in) and the directory
 * (`directoryRows` people), unless the file has them already.
 */
export function seedFrontdesk(
  app: RunningApp,
  userId: number,
  directoryRows: number,
): SeededFrontdesk {
  const sqlite = app.sqlite;
  const t0 = performance.now();
  let wrote = false;

  const existing = sqlite
    .prepare('SELECT arrival_date AS day FROM requests WHERE code = ?')
    .get(`${CODE_PREFIX}-000`) as { day: string } | undefined;
  let boardDay = existing?.day ?? '';
  if (!existing) {
    const last = sqlite.prepare('SELECT max(departure_date) AS d FROM requests').get() as {
      d: string;
    };
    boardDay = addDays(last.d, 30);
    const template = sqlite
      .prepare("SELECT * FROM requests WHERE status = 'filed' AND revision > 0 LIMIT 1")
      .get() as Record<string, unknown> | undefined;
    if (!template) throw new Error('the bench database has no filed request to copy');
    const hosts = (
      sqlite
        .prepare(
          "SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id AND ur.role = 'host' WHERE u.disabled = 0 LIMIT 40",
        )
        .all() as { id: number }[]
    ).map((h) => h.id);
    const { id: _id, ...row } = template;
    const columns = Object.keys(row);
    const insert = sqlite.prepare(
      `INSERT INTO requests (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    const attend = sqlite.prepare(
      `INSERT INTO frontdesk_guests (request_id, seq, day, name, org_name, phone, arrived_at_ms,
         badge_no, checked_in_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const body = JSON.parse(String(template.body)) as Record<string, unknown>;
    const random = rng(11);
    sqlite.transaction(() => {
      for (let i = 0; i < BOARD_REQUESTS; i++) {
        const orgName = `${ORG_STEMS[i % ORG_STEMS.length]}${i}${ORG_TAILS[i % ORG_TAILS.length]}`;
        const visitors = Array.from({ length: PER_REQUEST }, (_, k) => {
          const s = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
          const g = GIVEN[Math.floor(random() * GIVEN.length)]!;
          return {
            name: s[0] + g[0],
            title: k === 0 ? '总经理' : '工程师',
            phone: `139${String(i * PER_REQUEST + k).padStart(8, '0')}`,
            idType: null,
            idNumber: '',
            notes: '',
          };
        });
        const id = Number(
          insert.run({
            ...row,
            code: `${CODE_PREFIX}-${String(i).padStart(3, '0')}`,
            status: 'filed',
            org_name: orgName,
            org_key: orgKey(orgName),
            host_user_id: hosts[i % hosts.length] ?? row.host_user_id,
            arrival_date: boardDay,
            departure_date: boardDay,
            body: JSON.stringify({
              ...body,
              orgName,
              arrivalDate: boardDay,
              departureDate: boardDay,
              visitors,
            }),
          }).lastInsertRowid,
        );
        // A fifth of the day has come in already (the board shows them arrived).
        if (i % 5 === 0) {
          visitors.forEach((v, seq) =>
            attend.run(
              id,
              seq,
              boardDay,
              v.name,
              orgName,
              v.phone,
              Date.now(),
              `${i}-${seq}`,
              userId,
            ),
          );
        }
      }
    })();
    wrote = true;
  }

  const have = (
    sqlite.prepare('SELECT count(*) AS n FROM frontdesk_directory').get() as { n: number }
  ).n;
  if (have < directoryRows) {
    writeDirectory(sqlite, have, directoryRows);
    wrote = true;
  }
  const expected =
    (
      sqlite.prepare("SELECT count(*) AS n FROM requests WHERE code LIKE 'FDBENCH-%'").get() as {
        n: number;
      }
    ).n * PER_REQUEST;
  return {
    boardDay,
    expected,
    directoryRows: Math.max(have, directoryRows),
    seededMs: wrote ? Math.round(performance.now() - t0) : null,
  };
}

/** People `from` … `to` − 1 of the directory, in one transaction (ten years of last visits). */
function writeDirectory(sqlite: SqliteDatabase, from: number, to: number) {
  const insert = sqlite.prepare(
    `INSERT INTO frontdesk_directory (name, name_key, initials, pinyin, org_name, org_key, title,
       phone, last_day, visits, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const orgs = Array.from({ length: ORGS }, (_, i) => {
    const name = `${ORG_STEMS[i % ORG_STEMS.length]}${i}${ORG_TAILS[i % ORG_TAILS.length]}`;
    return [name, orgKey(name)] as const;
  });
  const days = Array.from({ length: 3653 }, (_, i) => addDays('2016-12-01', i));
  const random = rng(20_261_202 + from);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;
  sqlite.transaction(() => {
    for (let i = from; i < to; i++) {
      const s = pick(SURNAMES);
      const parts = [s, pick(GIVEN), ...(random() < 0.6 ? [pick(GIVEN)] : [])];
      const name = parts.map((p) => p[0]).join('');
      const [orgName, key] = pick(orgs);
      insert.run(
        name,
        name,
        parts.map((p) => p[1][0]).join(''),
        parts.map((p) => p[1]).join(''),
        orgName,
        key,
        random() < 0.5 ? '经理' : '',
        // Unique phones (mobile numbers), so every row is its own person.
        `1${3 + (i % 7)}${String(i).padStart(9, '0')}`,
        pick(days),
        1 + Math.floor(random() * 5),
        0,
      );
    }
  })();
}

function cycle<T>(xs: readonly T[]): () => T {
  let i = 0;
  return () => xs[i++ % xs.length] as T;
}

async function ok(app: RunningApp, op: string, input: unknown, token: string) {
  const out = await dispatch(app, { op, input, token });
  if (!out.result.ok) throw new Error(`${op}: ${JSON.stringify(out.result.error)}`);
  return out.result.value;
}

/** The board and the directory's suggestions, each beside its hand-written floor. */
export function frontdeskCases(
  app: RunningApp,
  raw: SqliteDatabase,
  seeded: SeededFrontdesk,
  deskToken: string,
  hostToken: string,
): Case[] {
  const maxStay = () =>
    (
      raw.prepare("SELECT value FROM request_stats WHERE key = 'max_stay_days'").get() as
        { value: number } | undefined
    )?.value ?? 0;
  const visits = raw.prepare(`
    SELECT r.id, r.code, r.status, r.tier, r.org_name, r.org_key, r.host_user_id, r.arrival_date,
      r.departure_date, r.retroactive, r.body, u.display_name, u.phone
    FROM requests r CROSS JOIN users u
    WHERE u.id = r.host_user_id AND r.arrival_date >= ? AND r.arrival_date <= ?
      AND r.departure_date >= ? AND r.status <> 'draft' AND r.revision > 0`);
  const guests = raw.prepare(`
    SELECT id, request_id, seq, name, phone, version, arrived_at_ms, left_at_ms, badge_no
    FROM frontdesk_guests WHERE day = ?`);
  const day = seeded.boardDay;

  // Suggestions: by name (one and two characters), initials, phone and organisation prefix.
  const kinds: [string, string[]][] = [
    ['name', ['张', '王伟', '李华', '陈明', '刘芳', '周杰']],
    ['initials', ['zs', 'wwe', 'lh', 'cm', 'zjm', 'hl']],
    ['phone', ['1300000', '13512', '1390001', '1360004', '13800', '1370003']],
    ['org', ['华东精密1', '上海电气22', '北方重工3', '海天科技41', '中科智能5', '南方电网6']],
  ];
  const branch = {
    nameKey: raw.prepare(
      `SELECT id, name, org_name, title, phone, last_day, visits FROM frontdesk_directory
       WHERE name_key >= ? AND name_key < ? LIMIT ${BRANCH_ROWS}`,
    ),
    initials: raw.prepare(
      `SELECT id, name, org_name, title, phone, last_day, visits FROM frontdesk_directory
       WHERE initials >= ? AND initials < ? LIMIT ${BRANCH_ROWS}`,
    ),
    pinyin: raw.prepare(
      `SELECT id, name, org_name, title, phone, last_day, visits FROM frontdesk_directory
       WHERE pinyin >= ? AND pinyin < ? LIMIT ${BRANCH_ROWS}`,
    ),
    phone: raw.prepare(
      `SELECT id, name, org_name, title, phone, last_day, visits FROM frontdesk_directory
       WHERE phone >= ? AND phone < ? LIMIT ${BRANCH_ROWS}`,
    ),
    orgKey: raw.prepare(
      `SELECT id, name, org_name, title, phone, last_day, visits FROM frontdesk_directory
       WHERE org_key >= ? AND org_key < ? LIMIT ${BRANCH_ROWS}`,
    ),
  };
  const rawSuggest = (query: string) => {
    const seen = new Map<number, { id: number; last_day: string }>();
    for (const { column, prefix } of directoryPrefixes(query)) {
      for (const row of branch[column].all(prefix, `${prefix}\uffff`) as {
        id: number;
        last_day: string;
      }[]) {
        seen.set(row.id, row);
      }
    }
    return [...seen.values()]
      .sort((a, b) => b.last_day.localeCompare(a.last_day))
      .slice(0, MAX_SUGGESTIONS);
  };

  return [
    {
      name: `frontdesk.board (${seeded.expected} expected)`,
      app: () => ok(app, 'frontdesk.board', { day }, deskToken),
      raw: () => {
        const rows = visits.all(addDays(day, -maxStay()), day, day) as { body: string }[];
        for (const r of rows) JSON.parse(r.body);
        return guests.all(day);
      },
    },
    ...kinds.map(([kind, queries]): Case => {
      const appQuery = cycle(queries);
      const rawQuery = cycle(queries);
      return {
        name: `frontdesk.suggest.${kind}`,
        app: () => ok(app, 'frontdesk.suggestVisitors', { query: appQuery() }, hostToken),
        raw: () => rawSuggest(rawQuery()),
      };
    }),
  ];
}
