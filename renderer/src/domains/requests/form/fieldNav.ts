import { useTranslation } from 'react-i18next';
import type { RequestFormApi } from './common';

/** The sections of the form, in order: each is a card with the id `rf-<section>`. */
export const SECTIONS = [
  'basic',
  'visitors',
  'companions',
  'itinerary',
  'needs',
  'budget',
] as const;

export interface Issue {
  path: string;
  error: { message: string; type?: string };
}

/** Every error message in the form's error tree, with its dotted path. */
export function flattenErrors(node: unknown, prefix = '', out: Issue[] = []): Issue[] {
  if (typeof node !== 'object' || node === null) return out;
  const n = node as Record<string, unknown>;
  if (typeof n.message === 'string' && n.message !== '') {
    out.push({ path: prefix || '_', error: n as Issue['error'] });
  }
  for (const [k, v] of Object.entries(n)) {
    if (['message', 'type', 'ref', 'types'].includes(k)) continue;
    flattenErrors(v, k === 'root' ? prefix : prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

/** "来访人员 第 3 行 · 电话" for `visitors.2.phone`. */
export function useFieldLabel(form: RequestFormApi) {
  const { t } = useTranslation();
  return (path: string): string => {
    const [head = '', a, b, c] = path.split('.');
    const row = (i: string | undefined) =>
      t('requestForm.visitors.rowLabel', { row: Number(i ?? 0) + 1 });
    if (head === '_') return t('requestForm.messages.general');
    if (head === 'visitors' && b)
      return `${t('requestForm.fields.visitors')} ${row(a)} · ${t(`requestForm.visitors.${b}`)}`;
    if (head === 'companions' && a) return `${t('requestForm.fields.companions')} ${row(a)}`;
    if (head === 'itinerary' && b)
      return `${t('requestForm.fields.itinerary')} ${row(a)} · ${t(`requestForm.fields.${b}`)}`;
    if (head === 'needs' && a === 'meals') {
      const meal = b !== undefined ? form.getValues(`needs.meals.${Number(b)}`) : undefined;
      const which = meal ? ` ${meal.date} ${t(`labels.meal.${meal.meal}`)}` : '';
      return `${t('requestForm.fields.meals')}${which}${c ? ` · ${t(`requestForm.fields.${c}`)}` : ''}`;
    }
    if (head === 'needs' && a)
      return t(`requestForm.fields.${a}`, { defaultValue: t('requestForm.fields.needs') });
    if (head === 'budget' && a !== undefined && b) {
      const line = form.getValues(`budget.${Number(a)}`);
      return `${t('requestForm.fields.budget')} · ${line ? t(`requestForm.expense.${line.category}`) : row(a)} · ${t(`requestForm.fields.${b}`)}`;
    }
    return t(`requestForm.fields.${head}`, { defaultValue: head });
  };
}

/** Where to scroll for an error: the input itself when it has an id, else its section. */
export function targetOf(path: string, form: RequestFormApi): HTMLElement | null {
  let id = path;
  const budget = /^budget\.(\d+)\.(\w+)$/.exec(path);
  if (budget) {
    const line = form.getValues(`budget.${Number(budget[1])}`);
    if (line) id = `budget.${line.category}.${budget[2]}`;
  }
  const head = path.split('.')[0] ?? '';
  const section =
    head === 'needs'
      ? 'needs'
      : head === '_'
        ? 'basic'
        : (SECTIONS as readonly string[]).includes(head)
          ? head
          : 'basic';
  return document.getElementById(id) ?? document.getElementById(`rf-${section}`);
}

/** Brings a field into view and puts the cursor in it (a list without an input: into view). */
export function goToField(path: string, form: RequestFormApi) {
  targetOf(path, form)?.scrollIntoView({ block: 'center' });
  try {
    form.setFocus(path as 'orgName');
  } catch {
    /* not a focusable field */
  }
}
