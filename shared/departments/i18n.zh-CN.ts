/** Departments. Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const departmentsZhCN = {
  departments: {
    title: '部门管理',
    create: '新建部门',
    edit: '编辑部门',
    name: '部门名称',
    head: '部门负责人',
    members: '人数',
    deleteConfirm: '确定删除部门“{{name}}”吗？此操作不可撤销。',
    deleted: '部门已删除。',
    empty: '还没有部门，先新建一个吧',
  },
  errors: {
    departmentNotFound: '部门不存在。',
    departmentHasMembers_other: '该部门还有 {{count}} 名成员，请先调整他们的部门。',
    headInvalid: '负责人必须是有效的在职用户。',
  },
  ops: {
    departments: {
      create: '新建部门',
      update: '修改部门',
      delete: '删除部门',
    },
  },
};
