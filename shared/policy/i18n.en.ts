import type { policyZhCN } from './i18n.zh-CN';
import type { Shape } from '../i18n/shape';

export const policyEn: Shape<typeof policyZhCN> = {
  checks: {
    arrival_in_past:
      'The arrival date has passed. For retroactive filing tick "Retroactive" and give the reason.',
    retroactive_in_future:
      'Retroactive filing is only for receptions that have already taken place: the arrival date must be today or earlier. For a visit still to come, untick "Retroactive" and file it in advance.',
    lead_time:
      'Tier {{tier}} receptions must be filed $t(common.units.day, {"count": {{days}} }) ahead (calendar days in the company’s time zone): the earliest arrival date is {{earliestDate}}. This one is only $t(common.units.day, {"count": {{lead}} }) ahead.',
    companions_ratio:
      '$t(common.units.person, {"count": {{companions}} }) accompanying $t(common.units.visitor, {"count": {{visitors}} }): no more than {{max}} should accompany.',
    repeat_visit_one:
      'The same organisation already has {{count}} reception within $t(common.units.day, {"count": {{days}} }): explain why in the purpose.',
    repeat_visit_other:
      'The same organisation already has {{count}} receptions within $t(common.units.day, {"count": {{days}} }): explain why in the purpose.',
    meal_over_cap_one:
      'Per person per meal, the company’s money for {{count}} meal is above the cap of {{capFen}} (highest {{worstFen}}). An executive must approve. Per-head amounts and the meals budget (spread over the meals × visitors and staff) count alike, tobacco, alcohol and gifts do not; for tier D the cap is the staff canteen rate.',
    meal_over_cap_other:
      'Per person per meal, the company’s money for {{count}} meals is above the cap of {{capFen}} (highest {{worstFen}}). An executive must approve. Per-head amounts and the meals budget (spread over the meals × visitors and staff) count alike, tobacco, alcohol and gifts do not; for tier D the cap is the staff canteen rate.',
    company_lodging: 'Visitors pay their own lodging; company-paid lodging needs an executive.',
    tier_override:
      'Tier changed from the suggested {{suggested}} to {{chosen}}: an executive must approve.',
    tier_override_reason: 'Give a reason for changing the tier.',
    budget_over_estimate:
      'The "{{category}}" budget is above the estimate ({{estimateFen}} estimated, {{amountFen}} planned): a reason is needed.',
    budget_over_threshold:
      'The total budget {{totalFen}} is above {{thresholdFen}}: an executive must approve.',
    no_leader_companion:
      'Tier {{tier}} receptions call for a company leader, but none of the accompanying staff is an executive.',
    vehicle_on_request: 'Tier {{tier}} gets a company car on request: say why one is needed.',
    vehicle_not_eligible:
      'Tier {{tier}} receptions get no company car as a rule: an executive must approve.',
    id_check_digit:
      'Visitor {{row}} ({{name}}): the ID number check digit is wrong. Please verify.',
  },
  errors: {
    policyNotFound: 'That policy version does not exist.',
  },
  ops: {
    policy: { update: 'Update policy' },
  },
};
