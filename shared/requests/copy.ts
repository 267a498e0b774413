import type { RequestBody } from './schema';

/**
 * "复制为新申请": a new request's body from an earlier one. Who comes, what they do, what they need
 * and the budget carry over; every date is cleared (a new visit has its own), and so is what
 * belonged to the old visit alone: the retroactive filing and its reason. Meals are planned per
 * day of the stay, so they are planned again once the new dates are in. The department is the
 * copier's own (a host files for his department only).
 */
export function copyForNewRequest(body: RequestBody, departmentId: number | null): RequestBody {
  return {
    ...body,
    departmentId,
    arrivalDate: '',
    arrivalTime: '',
    departureDate: '',
    departureTime: '',
    visitors: body.visitors.map((v) => ({ ...v })),
    companions: body.companions.map((c) => ({ ...c })),
    itinerary: body.itinerary.map((i) => ({ ...i, date: '' })),
    needs: { ...body.needs, meals: [] },
    budget: body.budget.map((b) => ({ ...b })),
    retroactive: false,
    retroactiveReason: '',
  };
}
