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

/**
 * A schema's own message is an i18n key ("attachments.errors.empty"); zod's defaults are English
 * sentences. Keys outside `validation.` carry no limits of the issue (a bound on base64 characters
 * is not the limit a person should read): their schemas name keys that need no parameters.
 */
const OWN_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

export function messageForIssue(issue: z.core.$ZodIssue): Message {
  if (!issue.message.startsWith('validation.') && OWN_KEY.test(issue.message)) {
    return { key: issue.message };
  }
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
