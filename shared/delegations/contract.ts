import * as z from 'zod';
import { empty, op } from '../contract/spec';
import { calendarDate, id } from '../validation/fields';
import type { DelegationView } from './views';

export const delegationInput = z
  .strictObject({ delegateUserId: id, fromDate: calendarDate, toDate: calendarDate })
  .refine((v) => v.fromDate <= v.toDate, { message: 'validation.rangeOrder', path: ['toDate'] });

export const delegationsOperations = {
  'delegations.list': op<DelegationView[]>()({
    input: empty,
    access: 'approvals.decide',
    write: false,
  }),
  'delegations.create': op<DelegationView>()({
    input: delegationInput,
    access: 'approvals.decide',
    write: true,
  }),
  'delegations.revoke': op<null>()({
    input: z.strictObject({ id }),
    access: 'approvals.decide',
    write: true,
  }),
};
