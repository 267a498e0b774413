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
    staleRequest: '此申请已被他人修改，请刷新后再操作。',
    badTransition: '当前状态不允许此操作。',
    policyBlocks_other: '有 {{count}} 项接待标准检查未通过，申请未提交。',
    notYourDepartment: '只能以本人所在部门提交接待申请。',
  },
  ops: {
    requests: {
      saveDraft: '保存草稿',
      submit: '提交申请',
      cancel: '取消申请',
    },
  },
};
