import { frontdeskDeskZhCN } from './i18n-desk.zh-CN';
import { frontdeskWalkInZhCN } from './i18n-walkin.zh-CN';
import { frontdeskWatchZhCN } from './i18n-watch.zh-CN';
import { frontdeskPrivacyZhCN } from './i18n-privacy.zh-CN';
/**
 * The front desk. Its keys must match i18n.en.ts (the typecheck and a test say so). The screens'
 * texts live in area parts, one top-level key each, spread in here.
 */
export const frontdeskZhCN = {
  ...frontdeskDeskZhCN,
  ...frontdeskWalkInZhCN,
  ...frontdeskWatchZhCN,
  ...frontdeskPrivacyZhCN,
  frontdesk: {
    notice: {
      guestsArrived: '{{code}} {{org}} 的 {{count}} 位访客已到前台',
      walkInWaiting: '有未预约访客来访：{{org}}，请确认是否接待',
      walkInAccepted: '{{host}} 已同意接待未预约访客（{{org}}）',
      walkInDeclined: '{{host}} 已婉拒未预约访客（{{org}}）',
      walkInHostGone: '被访人账户已停用，未预约访客（{{org}}）无法由其接待，请联系其部门',
      watchMatch: '{{code}} {{org}} 的访客与黑名单匹配，请核查',
    },
    errors: {
      badgeFormat: '胸卡号为 1–10 位字母、数字或短横线。',
      idLast4: '证件号只记录最后 4 位（字母或数字）。',
      noGuests: '请至少选择一位访客。',
      requestOrWalkIn: '请选择一个接待或一位未预约访客。',
      badgeTwice: '同一胸卡号不能发给两位访客。',
      retentionRange: '保存期限应在 30 至 3650 天之间。',
      noHost: '请选择被访人：未预约访客必须有人接待。',
      watchPersonEmpty: '请至少填写姓名、电话或证件号中的一项。',
      visitNotFound: '接待不存在，或尚未提交。',
      noSuchVisitor: '该访客不在这次接待的名单上，请刷新后再试。',
      consentRequired: '访客须先确认已阅读个人信息告知，才能签到。',
      notApproved: '接待 {{code}} 尚未审批通过或已取消：如确需放行，请填写放行理由。',
      notToday: '接待 {{code}} 不是今天到访：如确需签到，请填写理由。',
      watchMatch: '有 {{count}} 项黑名单匹配：如确需放行，请填写放行理由（将记入审计日志）。',
      alreadyIn: '{{name}} 已经签到，且尚未签退。',
      badgeInUse: '胸卡 {{badge}} 正在使用中，请换一个号码。',
      neverCheckedIn: '该访客尚未签到，不能签退。',
      alreadyLeft: '{{name}} 已经签退。',
      leftInFuture: '签退时间不能晚于现在。',
      leftBeforeArrival: '签退时间不能早于 {{name}} 的到达时间。',
      walkInNotAccepted: '被访人尚未同意接待这位访客，不能签到。',
      walkInNotFound: '未预约访客记录不存在。',
      walkInDraft: '这份事后补办申请记录了一次已发生的来访，不能删除：请补全并提交。',
      walkInAnswered: '这位访客已有答复（可能是刚刚答复的），请刷新。',
      notYourWalkIn: '只有被访人本人可以答复。',
      hostDisabled: '被访人账户已停用，请选择其他人。',
      watchNotFound: '黑名单条目不存在。',
      staleWatch: '该条目刚被他人修改，请刷新后再试。',
    },
  },
  entities: {
    frontdesk_visit: '前台签到',
    frontdesk_settings: '前台设置',
    frontdesk_walk_in: '未预约访客',
    frontdesk_retention: '访客个人信息匿名化',
    frontdesk_watch: '黑名单',
  },
  audit: {
    field: {
      day: '日期',
      seqs: '访客序号',
      badges: '胸卡号',
      overrideReason: '放行理由',
      watchIds: '黑名单条目',
      watchOverrideReason: '黑名单放行理由',
      guestIds: '签到记录',
      leftAtMs: '签退时间',
      codes: '接待编号',
      noticeEnabled: '签到时告知个人信息',
      noticeVersion: '告知书版本',
      retentionDays: '个人信息保存天数',
      accept: '同意接待',
      hostUserId: '被访人',
      requestId: '事后补办申请',
      anonymised: '已匿名化人数',
      keptFrom: '保留起始日期',
    },
  },
  ops: {
    frontdesk: {
      checkIn: '访客签到',
      checkOut: '访客签退',
      saveSettings: '修改前台设置',
      retention: '匿名化到期的访客个人信息',
      registerWalkIn: '登记未预约访客',
      answerWalkIn: '答复未预约访客',
      saveWatch: '保存黑名单条目',
      setWatchActive: '启用/停用黑名单条目',
    },
  },
};
