import * as z from 'zod';
import type { Page } from '../contract/types';
import { op } from '../contract/spec';
import { TIERS } from '../policy';
import { calendarDate, id, requiredMultilineText, text } from '../validation/fields';
import { REQUEST_STATUSES } from './lifecycle';
import { REQUEST_LIST_SCOPES } from './rights';
import { requestBodySchema } from './schema';
import type { RequestDossier, RequestPreview, RequestListItem } from './views';

/** Save or submit: a new request (`id` null) or a change to one at the version the editor saw. */
export const requestWriteInput = z.strictObject({
  id: id.nullable(),
  version: z.number().int().positive().nullable(),
  body: requestBodySchema,
});

export const requestListInput = z.strictObject({
  scope: z.enum(REQUEST_LIST_SCOPES),
  statuses: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).optional(),
  tiers: z.array(z.enum(TIERS)).max(4).optional(),
  departmentId: id.optional(),
  fromDate: calendarDate.optional(),
  toDate: calendarDate.optional(),
  search: text(100).optional(),
  sort: z
    .enum(['arrival_desc', 'arrival_asc', 'updated_desc', 'budget_desc'])
    .default('updated_desc'),
  /**
   * The last row shown (its sort value and id): the page holds the rows after it. A text key is
   * an arrival date (YYYY-MM-DD, or '' for a draft without one): nothing else, so no character a
   * store may refuse (PostgreSQL's text takes no NUL) reaches the query.
   */
  after: z
    .strictObject({ key: z.union([z.string().regex(/^[0-9-]{0,10}$/), z.number().int()]), id })
    .optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const requestsOperations = {
  /** Checks, budget and chain of a request being typed; nothing is saved. */
  'requests.preview': op<RequestPreview>()({
    input: z.strictObject({ id: id.nullable(), body: requestBodySchema }),
    access: 'requests.create',
    write: false,
  }),
  'requests.saveDraft': op<RequestDossier>()({
    input: requestWriteInput,
    access: 'requests.create',
    write: true,
  }),
  'requests.submit': op<RequestDossier>()({
    input: requestWriteInput,
    access: 'requests.create',
    write: true,
  }),
  'requests.cancel': op<RequestDossier>()({
    input: z.strictObject({
      id,
      version: z.number().int().positive(),
      reason: requiredMultilineText(500),
    }),
    access: 'session',
    write: true,
  }),
  /** A draft never submitted, by its host: gone, with its history (see mayDeleteDraft). */
  'requests.deleteDraft': op<null>()({
    input: z.strictObject({ id, version: z.number().int().positive() }),
    access: 'requests.create',
    write: true,
  }),
  'requests.get': op<RequestDossier>()({
    input: z.strictObject({ id }),
    access: 'session',
    write: false,
  }),
  'requests.list': op<Page<RequestListItem>>()({
    input: requestListInput,
    access: 'session',
    write: false,
  }),
};
