import ExcelJS from 'exceljs';

/** Test helpers: sheets as people fill them in, built with the same library Excel files come from. */

export type SheetRow = (string | number | null)[];

export const HEADER: SheetRow = [
  '登录名 / Login',
  '姓名 / Name',
  '部门 / Department',
  '角色 / Roles',
  '部门负责人 / Department head',
  '初始密码 / Initial password',
];

/** An xlsx with one sheet of these rows, as base64 (what the dialog sends). */
export async function xlsxBase64(rows: SheetRow[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/**
 * The 20 people of a small company: four departments, each with its head, an executive, the admin
 * office, hosts, a front desk and finance; passwords left blank but for one.
 */
export function twentyPeople(): SheetRow[] {
  const rows: SheetRow[] = [
    ['li.bu', '李部长', '销售部', '接待负责人', '是', null],
    ['zhao.jl', '赵经理', '技术部', 'host', 'yes', null],
    ['zhang.zong', '张总', null, '公司领导', null, null],
    ['liu.xz', '刘行政', '人事行政部', '人事行政部、接待负责人', '是', 'office-pass-2026'],
    ['qian.qt', '钱前台', '人事行政部', '前台', '否', null],
    ['sun.cw', '孙财务', '财务部', 'finance', '是', null],
  ];
  for (let i = 1; rows.length < 20; i++) {
    rows.push([
      `host${String(i).padStart(2, '0')}`,
      `接待员${i}`,
      i % 2 ? '销售部' : '技术部',
      '',
      '',
      null,
    ]);
  }
  return [HEADER, ...rows];
}
