import { Checkbox, Col, Form, Input, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import type { SessionInfo } from '../../../../../shared/contract/types';
import {
  CHECK_FIELD,
  ORG_CATEGORIES,
  TIERS,
  type OrgCategory,
  type Tier,
} from '../../../../../shared/policy';
import { departsBeforeArrival } from '../../../../../shared/requests';
import { RField, useCheckText, useDirectory, usePreview, useRequestForm } from './common';
import { DateTimeField } from '../../../components/DateTimeField';

const count = { show: true, max: 2000, strategy: (s: string) => s.length };
const reasonCount = { show: true, max: 500, strategy: (s: string) => s.length };

/** 基本信息: who hosts, who visits, the tier, why and when. */
export function BasicSection({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const form = useRequestForm();
  const { policy, departments } = useDirectory();
  const { preview } = usePreview();
  const checkText = useCheckText();
  const [
    category,
    tier,
    overrideReason,
    retroactive,
    arrivalDate,
    arrivalTime,
    departureDate,
    departureTime,
  ] = useWatch({
    control: form.control,
    name: [
      'orgCategory',
      'tier',
      'tierOverrideReason',
      'retroactive',
      'arrivalDate',
      'arrivalTime',
      'departureDate',
      'departureTime',
    ],
  });
  const suggestedFor = (c: OrgCategory): Tier | undefined =>
    policy?.policy.suggestedTier[c] ?? preview?.suggestedTier;
  const suggested = suggestedFor(category);
  const overridden = suggested !== undefined && tier !== suggested;

  // The live checks that concern a field are shown on it, before anyone presses submit (the
  // same check → field map main uses to place a blocked submit's messages).
  const arrivalCheck = preview?.checks.find((c) => CHECK_FIELD[c.code] === 'arrivalDate');
  // The schema's own departure-order rule, live (submit reports it as departureAfterArrival).
  const reversed = departsBeforeArrival({
    arrivalDate,
    arrivalTime,
    departureDate,
    departureTime,
  });

  const departmentOptions = departments.map((d) => ({ value: d.id, label: d.name }));
  if (
    session.user.departmentId !== null &&
    !departments.some((d) => d.id === session.user.departmentId)
  ) {
    departmentOptions.push({
      value: session.user.departmentId,
      label: session.user.departmentName ?? '—',
    });
  }

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label={t('requestForm.basic.host')} htmlFor="hostName">
            <Input id="hostName" value={session.user.displayName} disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <RField name="departmentId" label={t('requestForm.basic.department')}>
            {(f, invalid) => (
              <Select
                id="departmentId"
                ref={f.ref}
                value={f.value ?? undefined}
                onChange={(v: number | undefined) => f.onChange(v ?? null)}
                onBlur={f.onBlur}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('requestForm.basic.departmentPlaceholder')}
                options={departmentOptions}
                status={invalid ? 'error' : undefined}
              />
            )}
          </RField>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <RField name="orgName" label={t('requestForm.basic.orgName')} required>
            {(f, invalid) => (
              <Input
                {...f}
                id="orgName"
                placeholder={t('requestForm.basic.orgNamePlaceholder')}
                status={invalid ? 'error' : undefined}
                autoComplete="off"
              />
            )}
          </RField>
        </Col>
        <Col xs={12} md={6}>
          <RField name="orgCategory" label={t('requestForm.basic.orgCategory')} required>
            {(f) => (
              <Select
                id="orgCategory"
                ref={f.ref}
                value={f.value}
                onBlur={f.onBlur}
                onChange={(next: OrgCategory) => {
                  // Follow the suggestion unless the host already chose another tier.
                  const before = suggestedFor(form.getValues('orgCategory'));
                  f.onChange(next);
                  const after = suggestedFor(next);
                  if (after && form.getValues('tier') === before) {
                    form.setValue('tier', after, { shouldDirty: true });
                  }
                }}
                options={ORG_CATEGORIES.map((c) => ({
                  value: c,
                  label: t(`labels.category.${c}`),
                }))}
              />
            )}
          </RField>
        </Col>
        <Col xs={12} md={6}>
          <RField
            name="tier"
            label={t('requestForm.basic.tier')}
            required
            help={suggested ? t('requestForm.basic.suggestedTier', { tier: suggested }) : undefined}
            warning={overridden ? t('requestForm.basic.overrideHelp') : undefined}
          >
            {(f) => (
              <Select
                id="tier"
                ref={f.ref}
                value={f.value}
                onBlur={f.onBlur}
                onChange={f.onChange}
                popupMatchSelectWidth={280}
                options={TIERS.map((x) => ({
                  value: x,
                  label: t(`labels.tier.${x}`),
                  hint: t(`requestForm.tierHints.${x}`),
                }))}
                optionRender={(o) => (
                  <div>
                    <div>
                      {o.label}
                      {o.value === suggested && (
                        <Tag color="green" style={{ marginInlineStart: 6 }}>
                          {t('requestForm.basic.suggested')}
                        </Tag>
                      )}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {o.data.hint}
                    </Typography.Text>
                  </div>
                )}
              />
            )}
          </RField>
        </Col>
      </Row>
      {overridden && (
        <RField
          name="tierOverrideReason"
          label={t('requestForm.basic.overrideReason')}
          required
          warning={overrideReason.trim() === '' ? t('checks.tier_override_reason') : undefined}
        >
          {(f, invalid) => (
            <Input.TextArea
              {...f}
              id="tierOverrideReason"
              autoSize={{ minRows: 2, maxRows: 4 }}
              count={reasonCount}
              placeholder={t('requestForm.basic.overrideReasonPlaceholder')}
              status={invalid ? 'error' : undefined}
            />
          )}
        </RField>
      )}
      <RField name="purpose" label={t('requestForm.basic.purpose')} required>
        {(f, invalid) => (
          <Input.TextArea
            {...f}
            id="purpose"
            autoSize={{ minRows: 2, maxRows: 6 }}
            count={count}
            placeholder={t('requestForm.basic.purposePlaceholder')}
            status={invalid ? 'error' : undefined}
          />
        )}
      </RField>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <WhenField
            name="arrivalDate"
            mode="date"
            warning={arrivalCheck ? checkText(arrivalCheck).text : undefined}
            flagged={arrivalCheck?.severity === 'block'}
          />
        </Col>
        <Col xs={12} md={6}>
          <WhenField name="arrivalTime" mode="time" />
        </Col>
        <Col xs={12} md={6}>
          <WhenField
            name="departureDate"
            mode="date"
            warning={reversed ? t('requestForm.basic.departureBeforeArrival') : undefined}
            flagged={Boolean(reversed)}
          />
        </Col>
        <Col xs={12} md={6}>
          <WhenField name="departureTime" mode="time" />
        </Col>
      </Row>
      <RField name="retroactive" help={t('requestForm.basic.retroactiveHelp')}>
        {(f) => (
          <Checkbox
            id="retroactive"
            ref={f.ref}
            checked={Boolean(f.value)}
            onChange={(e) => f.onChange(e.target.checked)}
            onBlur={f.onBlur}
          >
            {t('requestForm.basic.retroactive')}
          </Checkbox>
        )}
      </RField>
      {retroactive && (
        <RField name="retroactiveReason" label={t('requestForm.basic.retroactiveReason')} required>
          {(f, invalid) => (
            <Input.TextArea
              {...f}
              id="retroactiveReason"
              autoSize={{ minRows: 2, maxRows: 4 }}
              count={reasonCount}
              placeholder={t('requestForm.basic.retroactiveReasonPlaceholder')}
              status={invalid ? 'error' : undefined}
            />
          )}
        </RField>
      )}
    </>
  );
}

/**
 * One of the four arrival/departure pickers: a required date or time field whose label and
 * placeholder follow its name; `flagged` marks it red for a rule the panel reports (notice,
 * departure before arrival) although the value itself is well-formed.
 */
function WhenField({
  name,
  mode,
  warning,
  flagged = false,
}: {
  name: 'arrivalDate' | 'arrivalTime' | 'departureDate' | 'departureTime';
  mode: 'date' | 'time';
  warning?: string | undefined;
  flagged?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <RField name={name} label={t(`requestForm.basic.${name}`)} required warning={warning}>
      {(f, invalid) => (
        <DateTimeField
          mode={mode}
          id={name}
          ref={f.ref}
          value={f.value}
          onChange={f.onChange}
          onBlur={f.onBlur}
          invalid={invalid || flagged}
          placeholder={t(
            mode === 'date'
              ? 'requestForm.basic.datePlaceholder'
              : 'requestForm.basic.timePlaceholder',
          )}
        />
      )}
    </RField>
  );
}
