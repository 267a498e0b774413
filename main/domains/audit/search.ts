/**
 * The text an audit entry is found by: who, which operation, and every value of its summary
 * (not the summary's key names: "name" would match every entry that has one).
 */
export function auditSearchTexts(entry: {
  actorName: string | null;
  onBehalfOfName: string | null;
  operation: string;
  summary: unknown;
}): string[] {
  const out: string[] = [entry.operation];
  if (entry.actorName) out.push(entry.actorName);
  if (entry.onBehalfOfName) out.push(entry.onBehalfOfName);
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v !== '') out.push(v);
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      out.push(String(v));
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x);
    } else if (v !== null && typeof v === 'object') {
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(entry.summary);
  return out;
}
