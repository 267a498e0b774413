import type { RequestBody } from './schema';

/**
 * The text a request is found by in the lists' search box: what the host wrote, field by field.
 * Not codes of choices (tier, meal, equipment), dates or ID numbers (personal data no list search
 * needs); the request's code and its host's name are matched beside this (requests' queries).
 */
export function requestSearchTexts(code: string, body: RequestBody): string[] {
  const out = [code, body.orgName, body.purpose, body.tierOverrideReason, body.retroactiveReason];
  for (const v of body.visitors) out.push(v.name, v.title, v.phone, v.notes);
  for (const c of body.companions) out.push(c.name);
  for (const i of body.itinerary) out.push(i.activity, i.place, i.owner);
  out.push(body.needs.carJustification);
  for (const b of body.budget) out.push(b.reason);
  return out.filter((s) => s !== '');
}
