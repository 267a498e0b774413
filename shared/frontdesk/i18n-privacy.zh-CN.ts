/**
 * The front desk's privacy screens. Its keys must match i18n-privacy.en.ts (the typecheck and a test say so).
 */
export const frontdeskPrivacyZhCN = {
  frontdeskPrivacy: {
    nav: '个人信息保护',
    title: '访客个人信息保护',
    intro:
      '依据《个人信息保护法》，前台签到时向访客告知收集哪些信息、用于何处、保存多久；访问结束后超过保存期限的个人信息由系统每日自动匿名化。',
    notice: {
      title: '签到告知书',
      enabled: '签到时须访客确认告知书',
      enabledHint: '开启后，访客确认告知书才能签到；系统记录确认时间和告知书版本。',
      version: '当前版本：第 {{version}} 版',
      versionNext: '保存后为第 {{version}} 版',
      zh: '告知书（中文）',
      en: '告知书（英文）',
      previewZh: '中文预览（访客看到的样子）',
      previewEn: '英文预览（访客看到的样子）',
      previewEmpty: '（未填写）',
      restore: '恢复默认文本',
      restoreConfirm: '用系统默认文本替换两种语言的告知书？尚未保存的改动将丢失。',
    },
    retention: {
      title: '保存期限',
      days: '访问结束后保存天数',
      daysUnit: '天',
      hint: '可设 30 至 3650 天，默认 180 天。',
      effect:
        '超过期限后，访客的姓名、职务、电话、证件信息和备注将被匿名化（显示为“访客 1”等）；人数、费用和预订金额保留，供财务统计。',
      cutoff: '按此设置，{{date}} 以前结束的来访将由下一次每日任务匿名化。',
    },
    confirm: {
      title: '确认保存前台隐私设置？',
      noticeOff: '关闭后，签到时不再要求访客确认告知书。',
      shorter:
        '保存期限从 {{from}} 天缩短为 {{to}} 天：{{date}} 以前结束的来访将被匿名化，无法恢复。',
      newVersion: '告知书文本已修改，将成为第 {{version}} 版；此后签到的访客确认新版本。',
      ok: '确认保存',
    },
    unsaved: '有未保存的修改',
  },
};
