import {
  requestBodySchema,
  submitIssues,
  type FieldIssue,
  type ItineraryItem,
} from '../../../../../shared/requests/schema';
import { fieldErrorsFromZod } from '../../../../../shared/validation/zod-errors';
import type { FormValues } from './common';
import { isBlankVisitor } from './paste';
import { toPreviewBody } from './previewBody';

/** An itinerary row nothing was typed into (the date alone is prefilled when a row is added). */
export const isBlankItineraryItem = (
  i: Pick<ItineraryItem, 'activity' | 'place' | 'owner'> & {
    time: string;
  },
) => i.activity.trim() === '' && i.place.trim() === '' && i.owner.trim() === '' && i.time === '';

/** Nothing the host has to type yet: no organisation, purpose, dates, times or visitors. */
export function isBlankForm(values: FormValues): boolean {
  return (
    values.orgName.trim() === '' &&
    values.purpose.trim() === '' &&
    values.arrivalDate === '' &&
    values.arrivalTime === '' &&
    values.departureDate === '' &&
    values.departureTime === '' &&
    values.visitors.every(isBlankVisitor)
  );
}

/**
 * What stands between the form as it is now and a submit that goes through, field by field:
 * the format of every field (the schema) and what a complete request needs (`submitIssues`), the
 * same two rules submit applies. Blank grid rows are left out, as submit drops them; paths keep
 * the row numbers the host sees. `null` while the form is still blank: nothing to judge yet.
 */
export function formIssues(values: FormValues): FieldIssue[] | null {
  if (isBlankForm(values)) return null;
  const keptVisitors = values.visitors.flatMap((v, i) => (isBlankVisitor(v) ? [] : [i]));
  const keptItinerary = values.itinerary.flatMap((v, i) => (isBlankItineraryItem(v) ? [] : [i]));
  const cleaned: FormValues = {
    ...values,
    visitors: keptVisitors.map((i) => values.visitors[i]!),
    itinerary: keptItinerary.map((i) => values.itinerary[i]!),
  };
  const parsed = requestBodySchema.safeParse(cleaned);
  const found: FieldIssue[] = parsed.success
    ? []
    : Object.entries(fieldErrorsFromZod(parsed.error)).map(([path, m]) => ({
        path,
        key: m.key,
        ...(m.params && Object.keys(m.params).length > 0 ? { params: m.params } : {}),
      }));
  // Completeness of what is well-formed so far (a malformed phone does not hide a missing date).
  const body = parsed.success ? parsed.data : toPreviewBody(cleaned);
  if (body) {
    for (const issue of submitIssues(body)) {
      if (!found.some((f) => f.path === issue.path)) found.push(issue);
    }
  }
  const back = (path: string) =>
    path.replace(/^(visitors|itinerary)\.(\d+)(?=\.|$)/, (_, list: string, k: string) => {
      const rows = list === 'visitors' ? keptVisitors : keptItinerary;
      return `${list}.${rows[Number(k)] ?? k}`;
    });
  // In the order the form shows them: by section, then by row.
  const order = Object.keys(requestBodySchema.shape);
  const rank = (path: string) => {
    const [head = '', row] = path.split('.');
    const at = order.indexOf(head);
    return [at < 0 ? order.length : at, /^\d+$/.test(row ?? '') ? Number(row) : -1] as const;
  };
  return found
    .map((f) => ({ ...f, path: back(f.path) }))
    .sort((a, b) => {
      const [x, y] = [rank(a.path), rank(b.path)];
      return x[0] - y[0] || x[1] - y[1];
    });
}
