import type * as z from 'zod';
import type { Message } from '../result';

/** Turns zod issues into per-field i18n messages (first issue per field wins). */
export function fieldErrorsFromZod(error: z.ZodError): Record<string, Message> {
  const out: Record<string, Message> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    if (!(path in out)) out[path] = messageForIssue(issue);
  }
  return out;
}

export function messageForIssue(issue: z.core.$ZodIssue): Message {
  if (issue.message.startsWith('validation.')) {
    const params: Record<string, number> = {};
    if ('minimum' in issue) params.min = Number(issue.minimum);
    if ('maximum' in issue) params.max = Number(issue.maximum);
    return { key: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type':
      return {
        key: issue.message.includes('undefined') ? 'validation.required' : 'validation.invalidType',
      };
    case 'too_small':
      return { key: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'validation.tooBig', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'validation.invalidOption' };
    case 'unrecognized_keys':
      return { key: 'validation.unknownField', params: { fields: issue.keys.join(', ') } };
    case 'invalid_format':
      return { key: 'validation.invalidFormat' };
    default:
      return { key: 'validation.invalid' };
  }
}
