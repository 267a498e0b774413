import { requestFormZhCN } from './i18n/requestForm.zh-CN';
import { requestViewsZhCN } from './i18n/requestViews.zh-CN';
import { requestAdminZhCN } from './i18n/requestAdmin.zh-CN';

/** Reception requests: the form, the dossier views and the admin screens (requestAdmin also holds the delegation and policy pages). Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const requestsZhCN = {
  requestForm: requestFormZhCN,
  requestViews: requestViewsZhCN,
  requestAdmin: requestAdminZhCN,
  errors: {
    requestNotFound: '接待申请不存在，或您无权查看。',
    notYourRequest: '只有接待负责人本人可以修改此申请。',
    notEditable: '当前状态下不能修改此申请。',
    notDeletable: '只有从未提交过的草稿可以删除；已提交的申请请取消。',
    staleRequest: '此申请已被他人修改，请刷新后再操作。',
    badTransition: '当前状态不允许此操作。',
    policyBlocks_other: '有 {{count}} 项接待标准检查未通过，申请未提交。',
    notYourDepartment: '只能以本人所在部门提交接待申请。',
    // A step of the chain has nobody who could act on it (the host never approves his own).
    noApprover: {
      dept_head:
        '无法提交：没有人可以进行“部门负责人审批”——本部门没有在职的部门负责人，系统中也没有其他在职的部门负责人。请联系系统管理员设置部门负责人后再提交。',
      executive:
        '无法提交：此申请需要公司领导审批，但系统中没有可以审批的在职公司领导。请联系系统管理员为公司领导开通账号（角色“公司领导”）后再提交。',
      admin_office:
        '无法提交：此申请需要人事行政部备案，但系统中没有可以备案的在职人事行政部人员。请联系系统管理员为人事行政部开通账号（角色“人事行政部”）后再提交。',
    },
    noApproverDraftSaved: {
      dept_head: '$t(errors.noApprover.dept_head)您填写的内容已保存，申请尚未提交。',
      executive: '$t(errors.noApprover.executive)您填写的内容已保存，申请尚未提交。',
      admin_office: '$t(errors.noApprover.admin_office)您填写的内容已保存，申请尚未提交。',
    },
  },
  ops: {
    requests: {
      saveDraft: '保存草稿',
      submit: '提交申请',
      cancel: '取消申请',
      deleteDraft: '删除草稿',
    },
  },
};
