import { Form, Select, Typography } from 'antd';
import { Controller, useWatch, type ControllerRenderProps } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { companionsRatio, DEFAULT_POLICY } from '../../../../../shared/policy';
import { useDirectory, useErrorText, useRequestForm, type FormValues } from './common';
import { arrayError } from './VisitorsSection';

const USER = 'u:';

/** 陪同人员: colleagues picked from the directory, or anyone typed in by name. */
export function CompanionsSection() {
  const { control } = useRequestForm();
  return (
    <Controller
      control={control}
      name="companions"
      render={({ field }) => (
        <CompanionsPicker
          companions={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
          inputRef={field.ref}
        />
      )}
    />
  );
}

type Field = ControllerRenderProps<FormValues, 'companions'>;

function CompanionsPicker({
  companions,
  onChange: change,
  onBlur,
  inputRef,
}: {
  companions: Field['value'];
  onChange: Field['onChange'];
  onBlur: Field['onBlur'];
  inputRef: Field['ref'];
}) {
  const { t } = useTranslation();
  const form = useRequestForm();
  const errorText = useErrorText();
  const { users, policy } = useDirectory();
  const [tier, visitors] = useWatch({ control: form.control, name: ['tier', 'visitors'] });
  const byId = new Map(users.map((u) => [u.id, u]));

  const values = companions.map((c) => (c.userId !== null ? `${USER}${c.userId}` : c.name));
  const options = users
    .filter((u) => !u.disabled)
    .map((u) => ({
      value: `${USER}${u.id}`,
      label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName,
    }));

  const onChange = (next: string[]) => {
    change(
      next
        .map((v) => {
          if (v.startsWith(USER)) {
            const id = Number(v.slice(USER.length));
            const prior = companions.find((c) => c.userId === id);
            return { userId: id, name: byId.get(id)?.displayName ?? prior?.name ?? '' };
          }
          return { userId: null, name: v.trim() };
        })
        .filter((c) => c.name !== ''),
    );
  };

  // Errors of single entries (a typed name too long) are listed under the picker.
  const errors = form.formState.errors.companions;
  const rowErrors = Array.isArray(errors)
    ? errors
        .map((e: unknown, i: number) => {
          const msg = errorText(
            (e as { name?: { message?: string; type?: string } } | undefined)?.name,
          );
          return msg ? `${companions[i]?.name.slice(0, 20) ?? i + 1}: ${msg}` : null;
        })
        .filter((m): m is string => m !== null)
    : [];
  const rootError = errorText(arrayError(errors));
  const error = [rootError, ...rowErrors].filter(Boolean).join('；');

  const accompany = policy?.policy.tiers[tier].accompany ?? [];
  // The policy's own companions_ratio rule, live while typing (the same one the checks run).
  const { max, over: tooMany } = companionsRatio(
    visitors.length,
    companions.length,
    policy?.policy ?? DEFAULT_POLICY,
  );

  return (
    <Form.Item
      label={t('requestForm.companions.label')}
      htmlFor="companions"
      validateStatus={error ? 'error' : tooMany ? 'warning' : undefined}
      help={
        error ||
        (tooMany
          ? t('requestForm.companions.ratio', {
              companions: companions.length,
              visitors: visitors.length,
              max,
            })
          : undefined)
      }
      extra={
        accompany.length > 0 ? (
          <Typography.Text type="secondary">
            {t('requestForm.companions.help', {
              who: accompany
                .map((a) => t(`labels.accompany.${a}`))
                .join(t('requestForm.listSeparator')),
            })}
          </Typography.Text>
        ) : undefined
      }
    >
      <Select
        id="companions"
        ref={inputRef}
        mode="tags"
        value={values}
        onChange={onChange}
        onBlur={onBlur}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        tokenSeparators={['、', ',', '，', ';', '；']}
        placeholder={t('requestForm.companions.placeholder')}
        style={{ width: '100%' }}
        status={error ? 'error' : undefined}
        labelRender={(p) =>
          typeof p.value === 'string' && p.value.startsWith(USER) ? (
            (byId.get(Number(p.value.slice(USER.length)))?.displayName ??
            companions.find((c) => `${USER}${c.userId}` === p.value)?.name ??
            p.label)
          ) : (
            <span title={t('requestForm.companions.external')}>{p.value}</span>
          )
        }
      />
    </Form.Item>
  );
}
