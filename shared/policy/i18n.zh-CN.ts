/** The reception policy: policy check messages (`checks.<code>`). Its keys must match i18n.en.ts (the typecheck and a test say so). */
export const policyZhCN = {
  checks: {
    arrival_in_past: '到达日期已过。事后补办请勾选“事后补办”并说明原因。',
    retroactive_in_future:
      '事后补办仅适用于已发生的接待：到访日期须为今天或更早。接待尚未发生的，请取消勾选“事后补办”，按时报备。',
    lead_time:
      '{{tier}} 类接待须提前 {{days}} 天报备（按公司所在时区的日历日计算），到访日期最早为 {{earliestDate}}；当前仅提前 {{lead}} 天。',
    companions_ratio:
      '陪同人员 {{companions}} 人、来访 {{visitors}} 人：陪同一般不超过 {{max}} 人。',
    repeat_visit_other: '同一单位在 {{days}} 天内已有 {{count}} 次接待，请在用途中说明原因。',
    meal_over_cap_other:
      '按每人每餐计，{{count}} 餐的公司餐费超过上限 {{capFen}}（最高 {{worstFen}}），需公司领导审批。人均标准和餐费预算（按餐次 × 来访及陪同人数分摊）一并计算，不含烟酒和礼品；D 类的上限为员工食堂标准。',
    company_lodging: '住宿原则上由来宾自理；公司承担住宿需公司领导审批。',
    tier_override: '已将建议的 {{suggested}} 类改为 {{chosen}} 类，需公司领导审批。',
    tier_override_reason: '更改接待等级时必须填写原因。',
    budget_over_estimate:
      '“{{category}}”预算高于测算（测算 {{estimateFen}}，计划 {{amountFen}}），需说明原因。',
    budget_over_threshold: '预算合计 {{totalFen}}，超过 {{thresholdFen}} 的需公司领导审批。',
    no_leader_companion: '{{tier}} 类接待须有公司领导出面，但陪同人员中没有公司领导。',
    vehicle_on_request: '{{tier}} 类接待用车需说明必要性，请填写用车理由。',
    vehicle_not_eligible: '{{tier}} 类接待原则上不派车，需公司领导审批。',
    id_check_digit: '第 {{row}} 位来访人员（{{name}}）的身份证号校验位不对，请核对。',
  },
  errors: {
    policyNotFound: '接待标准版本不存在。',
  },
  ops: {
    policy: {
      update: '修改接待标准',
    },
  },
};
