import * as z from 'zod';
import { STEP_KINDS } from '../approvals';
import { fen } from '../validation/fields';
import { ACCOMPANY_CODES, DEFAULT_POLICY, ORG_CATEGORIES, TIERS, type Policy } from './policy';

const tierPolicy = z.strictObject({
  mealCapFen: fen.nullable(),
  mealStandardFen: z
    .strictObject({ min: fen, max: fen })
    .refine((r) => r.min <= r.max, { message: 'validation.rangeOrder', path: ['max'] })
    .nullable(),
  canteenMealFen: fen.nullable(),
  accompany: z.array(z.enum(ACCOMPANY_CODES)).max(ACCOMPANY_CODES.length),
  minLeadDays: z.number().int({ message: 'validation.integer' }).min(0).max(60),
  vehicle: z.enum(['yes', 'on_request', 'no']),
});

const stepKinds = z.array(z.enum(STEP_KINDS)).min(1, { message: 'validation.required' }).max(5);

const byTier = <T extends z.ZodType>(s: T) =>
  z.strictObject({ A: s, B: s, C: s, D: s }) as unknown as z.ZodType<
    Record<(typeof TIERS)[number], z.output<T>>
  >;

/** What a sysadmin may save as a new policy version. */
export const policySchema: z.ZodType<Policy> = z.strictObject({
  tiers: byTier(tierPolicy),
  // A category added after a version was stored takes its default suggestion when it loads.
  suggestedTier: z.strictObject(
    Object.fromEntries(
      ORG_CATEGORIES.map((c) => [c, z.enum(TIERS).default(DEFAULT_POLICY.suggestedTier[c])]),
    ) as Record<
      (typeof ORG_CATEGORIES)[number],
      z.ZodDefault<z.ZodEnum<{ A: 'A'; B: 'B'; C: 'C'; D: 'D' }>>
    >,
  ),
  companionRatioMax: z.number().min(0).max(10),
  repeatVisitDays: z.number().int({ message: 'validation.integer' }).min(0).max(365),
  estimates: z.strictObject({
    lodgingPerRoomNightFen: fen,
    carPerTripFen: fen,
    giftPerVisitorFen: fen,
    ticketPerVisitorFen: fen,
    bannerAndSignsFen: fen,
    photographerFen: fen,
    sightseeingPerPersonFen: fen,
    meetingRoomFen: fen,
  }),
  chains: z.strictObject({
    base: byTier(stepKinds),
    executiveWhen: z.strictObject({
      budgetOverFen: fen.nullable(),
      companyPaidLodging: z.boolean(),
      anyOverCap: z.boolean(),
      tierOverride: z.boolean(),
    }),
  }),
  // Settings added later: versions stored before them load with these defaults.
  leaderCompanionTiers: z
    .array(z.enum(TIERS))
    .max(TIERS.length)
    .default([...DEFAULT_POLICY.leaderCompanionTiers]),
  delegationMaxDays: z
    .number()
    .int({ message: 'validation.integer' })
    .min(1)
    .max(366)
    .default(DEFAULT_POLICY.delegationMaxDays),
  advanceShareBp: z
    .number()
    .int({ message: 'validation.integer' })
    .min(0)
    .max(10000)
    .default(DEFAULT_POLICY.advanceShareBp),
});
