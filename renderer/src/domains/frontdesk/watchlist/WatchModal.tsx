import { App, Input, Radio } from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import { frontdeskOperations } from '../../../../../shared/frontdesk/contract';
import type { WatchView } from '../../../../../shared/frontdesk/views';
import type { Result } from '../../../../../shared/result';
import { normalizePhone } from '../../../../../shared/validation/contact';
import { call } from '../../../api/client';
import { Field, useZodForm } from '../../../components/form';
import { FormModal, useFormSubmit } from '../../../components/FormModal';
import { useWatchRefusal } from './refusal';

/** What `frontdesk.saveWatch` takes; the form is that input, so main's field paths fit. */
export const saveWatchInput = frontdeskOperations['frontdesk.saveWatch'].input;
export type SaveWatchForm = z.input<typeof saveWatchInput>;

/**
 * 新增 / 编辑 a watchlist entry. The phone and the ID number are write-only on an edit: the list
 * shows the phone masked and the ID only as "on file"; left empty, they stay as they are.
 */
export function WatchModal({
  entry,
  onClose,
}: {
  entry: WatchView | null;
  onClose: (saved: WatchView | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refusal = useWatchRefusal();
  const form = useZodForm(saveWatchInput, {
    id: entry?.id ?? null,
    version: entry?.version ?? null,
    entry: {
      kind: entry?.kind ?? 'person',
      name: entry?.name ?? '',
      orgName: entry?.orgName ?? '',
      phone: '',
      idNumber: '',
      reason: entry?.reason ?? '',
    },
  });
  const kind = useWatch({ control: form.control, name: 'entry.kind' });
  const save = useFormSubmit(
    form,
    async (input): Promise<Result<WatchView | null>> => {
      const r = await call('frontdesk.saveWatch', input);
      // Changed or gone meanwhile: say so, reload the list and close.
      if (!r.ok && !r.error.fieldErrors && ['CONFLICT', 'NOT_FOUND'].includes(r.error.code)) {
        refusal(r.error);
        onClose(null);
        return { ok: true, value: null };
      }
      return r;
    },
    {
      onOk: (saved) => {
        if (!saved) return;
        void message.success(t('frontdeskWatch.saved'));
        onClose(saved);
      },
    },
  );
  const f = (key: string) => t(`frontdeskWatch.field.${key}`);
  const person = kind === 'person';
  const phoneKept = person && entry !== null && entry.kind === 'person' && entry.phoneMasked !== '';
  const idKept = person && entry !== null && entry.kind === 'person' && entry.hasId;

  return (
    <FormModal
      title={t(entry ? 'frontdeskWatch.editTitle' : 'frontdeskWatch.addTitle')}
      action={save}
      onCancel={() => onClose(null)}
    >
      <Field control={form.control} name="entry.kind" label={f('kind')} required>
        {(fld) => (
          <Radio.Group
            id="entry.kind"
            optionType="button"
            value={fld.value}
            aria-label={f('kind')}
            onChange={(e) => {
              fld.onChange(e.target.value);
              // An organisation is matched on its name alone: the person's fields go.
              if (e.target.value === 'org') {
                for (const k of ['name', 'phone', 'idNumber'] as const) {
                  form.setValue(`entry.${k}`, '');
                }
                form.clearErrors('entry');
              }
            }}
            options={(['person', 'org'] as const).map((k) => ({
              value: k,
              label: t(`frontdeskWatch.kind.${k}`),
            }))}
          />
        )}
      </Field>
      {person && (
        <Field control={form.control} name="entry.name" label={f('name')}>
          {(fld) => <Input {...fld} id="entry.name" autoComplete="off" autoFocus />}
        </Field>
      )}
      <Field
        control={form.control}
        name="entry.orgName"
        label={f('orgName')}
        required={!person}
        help={f(person ? 'orgNameHelpPerson' : 'orgNameHelpOrg')}
      >
        {(fld) => <Input {...fld} id="entry.orgName" autoComplete="off" autoFocus={!person} />}
      </Field>
      {person && (
        <>
          <Field
            control={form.control}
            name="entry.phone"
            label={f('phone')}
            help={
              phoneKept
                ? t('frontdeskWatch.field.phoneKept', { phone: entry.phoneMasked })
                : undefined
            }
          >
            {(fld) => (
              <Input
                {...fld}
                id="entry.phone"
                autoComplete="off"
                inputMode="tel"
                placeholder={phoneKept ? entry.phoneMasked : undefined}
                onBlur={() => {
                  const normal = normalizePhone(fld.value);
                  if (normal !== fld.value && normal !== '') fld.onChange(normal);
                  fld.onBlur();
                }}
              />
            )}
          </Field>
          <Field
            control={form.control}
            name="entry.idNumber"
            label={f('idNumber')}
            help={idKept ? f('idKept') : f('idNumberHelp')}
          >
            {(fld) => (
              <Input
                {...fld}
                id="entry.idNumber"
                autoComplete="off"
                spellCheck={false}
                data-testid="watch-id-number"
              />
            )}
          </Field>
        </>
      )}
      <Field
        control={form.control}
        name="entry.reason"
        label={f('reason')}
        required
        help={f('reasonHelp')}
      >
        {(fld) => <Input.TextArea {...fld} id="entry.reason" rows={3} maxLength={500} showCount />}
      </Field>
    </FormModal>
  );
}
