import {
  ArrowDownOutlined,
  ArrowRightOutlined,
  ArrowUpOutlined,
  CloseOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  ConfigProvider,
  Dropdown,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import type { ReactElement, ReactNode } from 'react';
import {
  useController,
  useFormContext,
  useWatch,
  type ControllerRenderProps,
  type FieldError,
  type Path,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import * as z from 'zod';
import { fenToYuan, yuanToFen, type Fen } from '../../../../shared/money';
import {
  ACCOMPANY_CODES,
  ORG_CATEGORIES,
  TIERS,
  type ChainStepKind,
  type Policy,
  type Tier,
} from '../../../../shared/policy/policy';
import { policySchema } from '../../../../shared/policy/schema';
import { STEP_KINDS } from '../../../../shared/approvals';
import { requiredText } from '../../../../shared/validation/fields';
import { TierTag as ColouredTierTag } from '../../components/StatusTag';
import './policy.css';

/** `policy.update`'s input, with the note required: every version says why it exists. */
export const policyFormSchema = z.strictObject({
  policy: policySchema as z.ZodType<Policy, Policy>,
  note: requiredText(200),
});
export type PolicyForm = z.input<typeof policyFormSchema>;
type Name = Path<PolicyForm>;

const MAX_STEPS = 5;

const ESTIMATE_KEYS = [
  'lodgingPerRoomNightFen',
  'carPerTripFen',
  'giftPerVisitorFen',
  'ticketPerVisitorFen',
  'sightseeingPerPersonFen',
  'bannerAndSignsFen',
  'meetingRoomFen',
  'photographerFen',
] as const satisfies readonly (keyof Policy['estimates'])[];

/** The first message anywhere under a field (a range's error sits on its `max`). */
function firstError(error: unknown): FieldError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const e = error as Record<string, unknown>;
  if (typeof e.message === 'string' && e.message !== '') return e as unknown as FieldError;
  for (const [k, v] of Object.entries(e)) {
    if (k === 'ref') continue;
    const found = firstError(v);
    if (found) return found;
  }
  return undefined;
}

/** Counts the fields with an error under `error` (for the "n fields need attention" toast). */
export function countErrors(error: unknown): number {
  if (!error || typeof error !== 'object') return 0;
  const e = error as Record<string, unknown>;
  if (typeof e.message === 'string' && e.message !== '') return 1;
  return Object.entries(e).reduce((n, [k, v]) => (k === 'ref' ? n : n + countErrors(v)), 0);
}

function paramsOf(error: FieldError): Record<string, unknown> {
  return error.type?.startsWith('{') ? (JSON.parse(error.type) as Record<string, unknown>) : {};
}

/** A form row bound to one policy field; shows the first error under it, translated. */
function PField<N extends Name>({
  name,
  label,
  help,
  extra,
  children,
}: {
  name: N;
  label?: ReactNode;
  help?: ReactNode;
  extra?: ReactNode;
  children: (field: ControllerRenderProps<PolicyForm, N>) => ReactElement;
}) {
  const { t } = useTranslation();
  const { control } = useFormContext<PolicyForm>();
  const { field, fieldState } = useController({ control, name });
  const error = firstError(fieldState.error);
  return (
    <Form.Item
      label={label}
      htmlFor={name}
      validateStatus={error ? 'error' : undefined}
      help={error ? t(error.message ?? '', paramsOf(error)) : help}
      extra={extra}
    >
      {children(field)}
    </Form.Item>
  );
}

/** The tier's tag keeps its colour when the editor is disabled (an older version, read-only). */
function TierTag({ tier }: { tier: Tier }) {
  return (
    <ConfigProvider componentDisabled={false}>
      <ColouredTierTag tier={tier} />
    </ConfigProvider>
  );
}

/** An amount typed in 元 and kept in integer fen. */
function YuanInput({
  id,
  value,
  onChange,
  onBlur,
  disabled,
  width = 140,
  ariaLabel,
}: {
  id?: string;
  /** For an input without a form label of its own (the range's maximum). */
  ariaLabel?: string;
  value: Fen | null | undefined;
  onChange: (fen: Fen | null) => void;
  onBlur?: () => void;
  disabled?: boolean;
  width?: number | string;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={fenToYuan(value)}
      min={0}
      max={10_000_000}
      step={10}
      disabled={disabled}
      aria-label={ariaLabel}
      style={{ width }}
      onChange={(v) => onChange(yuanToFen(v))}
      onBlur={onBlur}
    />
  );
}

function TierCard({ tier }: { tier: Tier }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PolicyForm>();
  const base = `policy.tiers.${tier}` as const;
  const visitorPays = useWatch({ control, name: `${base}.mealCapFen` }) === null;
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <TierTag tier={tier} />
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t(`requestAdmin.tierHint.${tier}`)}
          </Typography.Text>
        </Space>
      }
      style={{ height: '100%' }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <PField
            name={`${base}.mealCapFen`}
            label={t('requestAdmin.policy.mealCap')}
            help={t('requestAdmin.policy.mealCapHint')}
          >
            {(f) => (
              <Space size={8}>
                {!visitorPays && (
                  <YuanInput
                    id={f.name}
                    value={f.value}
                    onChange={f.onChange}
                    onBlur={f.onBlur}
                    width={110}
                  />
                )}
                <Checkbox
                  checked={visitorPays}
                  onChange={(e) => {
                    const prev = f.value;
                    f.onChange(e.target.checked ? null : (prev ?? 0));
                  }}
                >
                  {t('requestAdmin.policy.visitorPays')}
                </Checkbox>
              </Space>
            )}
          </PField>
        </Col>
        <Col span={12}>
          {visitorPays ? (
            <PField
              name={`${base}.canteenMealFen`}
              label={t('requestAdmin.policy.canteen')}
              help={t('requestAdmin.policy.canteenHint')}
            >
              {(f) => <YuanInput id={f.name} value={f.value} onChange={f.onChange} width={110} />}
            </PField>
          ) : (
            <PField name={`${base}.mealStandardFen`} label={t('requestAdmin.policy.standardRange')}>
              {(f) => (
                <Space size={6} wrap>
                  {f.value && (
                    <>
                      <YuanInput
                        id={f.name}
                        value={f.value.min}
                        onChange={(min) => f.onChange({ min, max: f.value?.max ?? 0 })}
                        width={76}
                      />
                      <span>–</span>
                      <YuanInput
                        ariaLabel={t('requestAdmin.policy.rangeMax')}
                        value={f.value.max}
                        onChange={(max) => f.onChange({ min: f.value?.min ?? 0, max })}
                        width={76}
                      />
                    </>
                  )}
                  <Checkbox
                    checked={f.value === null}
                    onChange={(e) => f.onChange(e.target.checked ? null : { min: 0, max: 0 })}
                  >
                    {t('requestAdmin.policy.noRange')}
                  </Checkbox>
                </Space>
              )}
            </PField>
          )}
        </Col>
      </Row>
      <PField name={`${base}.accompany`} label={t('requestAdmin.policy.accompany')}>
        {(f) => (
          <Select
            id={f.name}
            mode="multiple"
            value={f.value}
            onChange={f.onChange}
            onBlur={f.onBlur}
            options={ACCOMPANY_CODES.map((c) => ({
              value: c,
              label: t(`labels.accompany.${c}`),
            }))}
          />
        )}
      </PField>
      <Row gutter={16}>
        <Col span={9}>
          <PField
            name={`${base}.minLeadDays`}
            label={t('requestAdmin.policy.minLeadDays')}
            help={t('requestAdmin.policy.minLeadDaysHint')}
          >
            {(f) => (
              <Space size={6}>
                <InputNumber<number>
                  id={f.name}
                  value={f.value}
                  min={0}
                  max={60}
                  precision={0}
                  style={{ width: 64 }}
                  onChange={(v) => f.onChange(v ?? undefined)}
                  onBlur={f.onBlur}
                />
                <span>{t('requestAdmin.policy.days')}</span>
              </Space>
            )}
          </PField>
        </Col>
        <Col span={15}>
          <PField name={`${base}.vehicle`} label={t('requestAdmin.policy.vehicle')}>
            {(f) => (
              <Radio.Group
                id={f.name}
                optionType="button"
                value={f.value}
                onChange={(e) => f.onChange(e.target.value)}
                options={(['yes', 'on_request', 'no'] as const).map((v) => ({
                  value: v,
                  label: t(`labels.vehicle.${v}`),
                }))}
              />
            )}
          </PField>
        </Col>
      </Row>
    </Card>
  );
}

/** One tier's approval chain: ordered steps, each movable and removable. */
function ChainEditor({
  value,
  onChange,
  disabled,
}: {
  value: ChainStepKind[];
  onChange: (steps: ChainStepKind[]) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const move = (i: number, by: -1 | 1) => {
    const next = [...value];
    const [step] = next.splice(i, 1);
    if (step) next.splice(i + by, 0, step);
    onChange(next);
  };
  const iconButton = (label: string, icon: ReactNode, onClick: () => void, off = false) => (
    <Tooltip title={label}>
      <Button
        type="text"
        size="small"
        aria-label={label}
        icon={icon}
        disabled={off}
        onClick={onClick}
        style={{ width: 22, height: 22, minWidth: 22 }}
      />
    </Tooltip>
  );
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 6 }}>
      {value.map((kind, i) => (
        <span key={`${i}-${kind}`} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          {i > 0 && <ArrowRightOutlined style={{ color: '#94a3b8' }} />}
          <span style={{ ...STEP_STYLE, ...STEP_COLORS[kind] }}>
            <span style={{ padding: '0 4px' }}>
              {i + 1}. {t(`labels.stepKind.${kind}`)}
            </span>
            {!disabled && (
              <span style={{ display: 'inline-flex', borderInlineStart: '1px solid #e5e7eb' }}>
                {iconButton(
                  t('requestAdmin.policy.moveUp'),
                  <ArrowUpOutlined />,
                  () => move(i, -1),
                  i === 0,
                )}
                {iconButton(
                  t('requestAdmin.policy.moveDown'),
                  <ArrowDownOutlined />,
                  () => move(i, 1),
                  i === value.length - 1,
                )}
                {iconButton(t('requestAdmin.policy.removeStep'), <CloseOutlined />, () =>
                  onChange(value.filter((_, j) => j !== i)),
                )}
              </span>
            )}
          </span>
        </span>
      ))}
      {!disabled && value.length < MAX_STEPS && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: STEP_KINDS.map((k) => ({ key: k, label: t(`labels.stepKind.${k}`) })),
            onClick: ({ key }) => onChange([...value, key as ChainStepKind]),
          }}
        >
          <Button size="small" type="dashed" icon={<PlusOutlined />}>
            {t('requestAdmin.policy.addStep')}
          </Button>
        </Dropdown>
      )}
    </div>
  );
}

const STEP_STYLE = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 2,
  padding: '1px 2px 1px 4px',
  borderRadius: 4,
  border: '1px solid',
  fontSize: 12,
  lineHeight: '22px',
} as const;

const STEP_COLORS: Record<
  ChainStepKind,
  { background: string; borderColor: string; color: string }
> = {
  dept_head: { background: '#eff6ff', borderColor: '#bfdbfe', color: '#1e40af' },
  executive: { background: '#fffbeb', borderColor: '#fde68a', color: '#92400e' },
  admin_office: { background: '#ecfeff', borderColor: '#a5f3fc', color: '#155e75' },
  finance: { background: '#f0fdf4', borderColor: '#bbf7d0', color: '#166534' },
};

function ChainsCard({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PolicyForm>();
  const noLimit = useWatch({ control, name: 'policy.chains.executiveWhen.budgetOverFen' }) === null;
  return (
    <Card size="small" title={t('requestAdmin.policy.chainsTitle')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('requestAdmin.policy.chainsHint')}
      </Typography.Paragraph>
      {TIERS.map((tier) => (
        <div key={tier} style={{ display: 'flex', alignItems: 'flex-start', gap: 12 }}>
          <div style={{ flex: '0 0 64px', paddingTop: 2 }}>
            <TierTag tier={tier} />
          </div>
          <div style={{ flex: 1, minWidth: 0 }}>
            <PField name={`policy.chains.base.${tier}`}>
              {(f) => <ChainEditor value={f.value} onChange={f.onChange} disabled={disabled} />}
            </PField>
          </div>
        </div>
      ))}
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('requestAdmin.policy.executiveWhenTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('requestAdmin.policy.executiveWhenHint')}
      </Typography.Paragraph>
      <Row gutter={24}>
        <Col flex="none">
          <PField
            name="policy.chains.executiveWhen.budgetOverFen"
            label={t('requestAdmin.policy.budgetOver')}
          >
            {(f) => (
              <Space size={8}>
                {!noLimit && (
                  <YuanInput id={f.name} value={f.value} onChange={f.onChange} width={130} />
                )}
                <Checkbox
                  checked={noLimit}
                  onChange={(e) => f.onChange(e.target.checked ? null : 2_000_000)}
                >
                  {t('requestAdmin.policy.noBudgetLimit')}
                </Checkbox>
              </Space>
            )}
          </PField>
        </Col>
        <Col flex="auto">
          <Form.Item label=" " colon={false}>
            <Space size={16} wrap>
              {(['companyPaidLodging', 'anyOverCap', 'tierOverride'] as const).map((k) => (
                <PFieldBare key={k} name={`policy.chains.executiveWhen.${k}`}>
                  {(f) => (
                    <Checkbox
                      id={f.name}
                      checked={f.value}
                      onChange={(e) => f.onChange(e.target.checked)}
                    >
                      {t(`requestAdmin.policy.${k}`)}
                    </Checkbox>
                  )}
                </PFieldBare>
              ))}
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text type="secondary">{t('requestAdmin.policy.alwaysExecutive')}</Typography.Text>
    </Card>
  );
}

/** A bare controlled field (checkboxes: the label is the control's own). */
function PFieldBare<N extends Name>({
  name,
  children,
}: {
  name: N;
  children: (field: ControllerRenderProps<PolicyForm, N>) => ReactElement;
}) {
  const { control } = useFormContext<PolicyForm>();
  const { field } = useController({ control, name });
  return children(field);
}

function CategoryCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('requestAdmin.policy.categoryTitle')} style={{ height: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('requestAdmin.policy.categoryHint')}
      </Typography.Paragraph>
      <table
        className="policy-category-table"
        style={{ width: '100%', borderCollapse: 'collapse' }}
      >
        <thead>
          <tr>
            <th style={{ textAlign: 'start', fontWeight: 500, padding: '4px 0' }}>
              {t('requestAdmin.policy.categoryCol')}
            </th>
            <th style={{ textAlign: 'start', fontWeight: 500, padding: '4px 0' }}>
              {t('requestAdmin.policy.suggestedCol')}
            </th>
          </tr>
        </thead>
        <tbody>
          {ORG_CATEGORIES.map((c) => (
            <tr key={c} style={{ borderTop: '1px solid #f0f0f0' }}>
              <td style={{ padding: '4px 0' }}>{t(`labels.category.${c}`)}</td>
              <td style={{ padding: '4px 0' }}>
                <PFieldBare name={`policy.suggestedTier.${c}`}>
                  {(f) => (
                    <Radio.Group
                      size="small"
                      optionType="button"
                      aria-label={t(`labels.category.${c}`)}
                      value={f.value}
                      onChange={(e) => f.onChange(e.target.value)}
                      options={TIERS.map((tier) => ({ value: tier, label: tier }))}
                    />
                  )}
                </PFieldBare>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function WarningsCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('requestAdmin.policy.warningsTitle')} style={{ height: '100%' }}>
      <PField
        name="policy.companionRatioMax"
        label={t('requestAdmin.policy.companionRatio')}
        help={t('requestAdmin.policy.companionRatioHint')}
      >
        {(f) => (
          <InputNumber<number>
            id={f.name}
            value={f.value}
            min={0}
            max={10}
            step={0.1}
            style={{ width: 110 }}
            onChange={(v) => f.onChange(v ?? undefined)}
            onBlur={f.onBlur}
          />
        )}
      </PField>
      <PField
        name="policy.repeatVisitDays"
        label={t('requestAdmin.policy.repeatVisitDays')}
        help={t('requestAdmin.policy.repeatVisitHint')}
      >
        {(f) => (
          <InputNumber<number>
            id={f.name}
            value={f.value}
            min={0}
            max={365}
            precision={0}
            style={{ width: 110 }}
            onChange={(v) => f.onChange(v ?? undefined)}
            onBlur={f.onBlur}
          />
        )}
      </PField>
      <PField
        name="policy.leaderCompanionTiers"
        label={t('requestAdmin.policy.leaderCompanionTiers')}
        help={t('requestAdmin.policy.leaderCompanionHint')}
      >
        {(f) => (
          <Checkbox.Group
            value={f.value}
            onChange={(v) => f.onChange(TIERS.filter((tier) => v.includes(tier)))}
            options={TIERS.map((tier) => ({ value: tier, label: tier }))}
          />
        )}
      </PField>
      <PField
        name="policy.delegationMaxDays"
        label={t('requestAdmin.policy.delegationMaxDays')}
        help={t('requestAdmin.policy.delegationMaxDaysHint')}
      >
        {(f) => (
          <InputNumber<number>
            id={f.name}
            value={f.value}
            min={1}
            max={366}
            precision={0}
            style={{ width: 110 }}
            onChange={(v) => f.onChange(v ?? undefined)}
            onBlur={f.onBlur}
          />
        )}
      </PField>
      {/* Cash advances: their total's share of the approved budget, kept in basis points. */}
      <PField
        name="policy.advanceShareBp"
        label={t('expensesAdvances.policy.advanceShare')}
        help={t('expensesAdvances.policy.advanceShareHelp')}
      >
        {(f) => (
          <InputNumber<number>
            id={f.name}
            value={typeof f.value === 'number' ? f.value / 100 : f.value}
            min={0}
            max={100}
            precision={2}
            suffix="%"
            style={{ width: 130 }}
            onChange={(v) => f.onChange(v === null ? undefined : Math.round(v * 100))}
            onBlur={f.onBlur}
          />
        )}
      </PField>
    </Card>
  );
}

function EstimatesCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('requestAdmin.policy.estimatesTitle')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('requestAdmin.policy.estimatesHint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        {ESTIMATE_KEYS.map((k) => (
          <Col key={k} span={6}>
            <PField name={`policy.estimates.${k}`} label={t(`requestAdmin.estimate.${k}`)}>
              {(f) => (
                <YuanInput
                  id={f.name}
                  value={f.value}
                  onChange={f.onChange}
                  onBlur={f.onBlur}
                  width="100%"
                />
              )}
            </PField>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/**
 * Every setting of a policy, bound to the surrounding react-hook-form (FormProvider).
 * `disabled` shows an older version read-only.
 */
export function PolicyFields({ disabled = false }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form
      layout="vertical"
      component="div"
      disabled={disabled}
      className={disabled ? 'policy-form policy-readonly' : 'policy-form'}
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('requestAdmin.policy.tiersTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {TIERS.map((tier) => (
          <Col key={tier} xs={24} xl={12}>
            <TierCard tier={tier} />
          </Col>
        ))}
        <Col xs={24} xl={12}>
          <CategoryCard />
        </Col>
        <Col xs={24} xl={12}>
          <WarningsCard />
        </Col>
        <Col span={24}>
          <ChainsCard disabled={disabled} />
        </Col>
        <Col span={24}>
          <EstimatesCard />
        </Col>
      </Row>
    </Form>
  );
}
