import * as z from 'zod';
import { op } from '../contract/spec';
import { id, text } from '../validation/fields';
import { policySchema } from './schema';
import type { PolicyView } from './views';

export const policyOperations = {
  'policy.get': op<PolicyView>()({
    input: z.strictObject({ version: id.optional() }),
    access: 'session',
    write: false,
  }),
  'policy.update': op<PolicyView>()({
    input: z.strictObject({ policy: policySchema, note: text(200) }),
    access: 'policy.manage',
    write: true,
  }),
};
