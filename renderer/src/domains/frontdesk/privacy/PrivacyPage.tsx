import {
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { companyDate } from '../../../../../shared/dates';
import { settingsInput } from '../../../../../shared/frontdesk/contract';
import { DEFAULT_NOTICE_EN, DEFAULT_NOTICE_ZH } from '../../../../../shared/frontdesk/notice';
import {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  retentionCutoff,
} from '../../../../../shared/frontdesk/rules';
import type { FrontdeskSettings } from '../../../../../shared/frontdesk/views';
import { call } from '../../../api/client';
import { useErrorToast, useInvalidate, useOp } from '../../../api/queries';
import { Field, useZodForm } from '../../../components/form';
import { useFormSubmit } from '../../../components/FormModal';
import { useNow } from '../../../components/useNow';
import { useSignedIn } from '../../../session/SessionContext';

/**
 * 访客个人信息保护 (admin office, system administrator): the privacy notice shown at check-in, in
 * Chinese and English with a preview of each, whether a visitor must acknowledge it, and how long
 * visitors' personal data is kept after a visit ends (the daily retention job reads it).
 */
export function PrivacyPage() {
  const { t } = useTranslation();
  const query = useOp('frontdesk.settings', {});
  useErrorToast(query.error);
  const s = query.data;
  return (
    <>
      <div className="page-header">
        <h1>{t('frontdeskPrivacy.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 880 }}>
        {t('frontdeskPrivacy.intro')}
      </Typography.Paragraph>
      {s ? (
        // Keyed on what is saved, so a save elsewhere shows here.
        <PrivacyForm
          key={`${s.noticeVersion}/${s.noticeEnabled}/${s.retentionDays}`}
          settings={s}
        />
      ) : (
        <Card>
          <Skeleton active />
        </Card>
      )}
    </>
  );
}

const previewStyle = {
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  minHeight: 96,
  padding: '8px 12px',
  border: '1px dashed #d9d9d9',
  borderRadius: 6,
  background: '#fafafa',
} as const;

function Preview({ text, lang, label }: { text: string; lang: string; label: string }) {
  const { t } = useTranslation();
  return (
    <section aria-label={label} data-testid={`notice-preview-${lang}`}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div lang={lang} style={previewStyle}>
        {text.trim() === '' ? (
          <Typography.Text type="secondary">
            {t('frontdeskPrivacy.notice.previewEmpty')}
          </Typography.Text>
        ) : (
          text
        )}
      </div>
    </section>
  );
}

function PrivacyForm({ settings }: { settings: FrontdeskSettings }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate();
  const tz = useSignedIn().settings.timeZone;
  const today = companyDate(useNow(), tz);
  const form = useZodForm(settingsInput, {
    noticeEnabled: settings.noticeEnabled,
    noticeZh: settings.noticeZh,
    noticeEn: settings.noticeEn,
    retentionDays: settings.retentionDays,
  });
  const [noticeZh, noticeEn, days, enabled] = useWatch({
    control: form.control,
    name: ['noticeZh', 'noticeEn', 'retentionDays', 'noticeEnabled'],
  });
  const save = useFormSubmit(form, (input) => call('frontdesk.saveSettings', input), {
    onOk: async () => {
      void message.success(t('common.saved'));
      await invalidate('frontdesk.settings');
    },
  });
  const textChanged = noticeZh !== settings.noticeZh || noticeEn !== settings.noticeEn;
  const validDays =
    typeof days === 'number' &&
    Number.isInteger(days) &&
    days >= MIN_RETENTION_DAYS &&
    days <= MAX_RETENTION_DAYS;
  const cutoff = validDays ? retentionCutoff(today, days) : null;

  /** Saves, after saying what the change does where it turns something off or away. */
  const confirmSave = () => {
    const consequences: string[] = [];
    if (settings.noticeEnabled && !enabled)
      consequences.push(t('frontdeskPrivacy.confirm.noticeOff'));
    if (validDays && days < settings.retentionDays && cutoff) {
      consequences.push(
        t('frontdeskPrivacy.confirm.shorter', {
          from: settings.retentionDays,
          to: days,
          date: cutoff,
        }),
      );
    }
    if (textChanged) {
      consequences.push(
        t('frontdeskPrivacy.confirm.newVersion', { version: settings.noticeVersion + 1 }),
      );
    }
    if (consequences.length === 0) {
      void save.submit();
      return;
    }
    modal.confirm({
      title: t('frontdeskPrivacy.confirm.title'),
      content: (
        <ul style={{ paddingInlineStart: 20, margin: 0 }}>
          {consequences.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ),
      okText: t('frontdeskPrivacy.confirm.ok'),
      cancelText: t('common.cancel'),
      onOk: () => save.submit(),
    });
  };

  const restoreDefaults = () =>
    modal.confirm({
      title: t('frontdeskPrivacy.notice.restore'),
      content: t('frontdeskPrivacy.notice.restoreConfirm'),
      okText: t('frontdeskPrivacy.notice.restore'),
      cancelText: t('common.cancel'),
      onOk: () => {
        form.setValue('noticeZh', DEFAULT_NOTICE_ZH, { shouldDirty: true, shouldValidate: true });
        form.setValue('noticeEn', DEFAULT_NOTICE_EN, { shouldDirty: true, shouldValidate: true });
      },
    });

  return (
    <Form
      layout="vertical"
      component="form"
      onFinish={confirmSave}
      data-testid="privacy-form"
      style={{ maxWidth: 1100 }}
    >
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('frontdeskPrivacy.notice.title')}</h2>}
        extra={
          <Space size={4} wrap>
            <Tag color="blue" data-testid="notice-version">
              {t('frontdeskPrivacy.notice.version', { version: settings.noticeVersion })}
            </Tag>
            {textChanged && (
              <Tag color="orange">
                {t('frontdeskPrivacy.notice.versionNext', { version: settings.noticeVersion + 1 })}
              </Tag>
            )}
          </Space>
        }
        style={{ marginBottom: 16 }}
      >
        <Field
          control={form.control}
          name="noticeEnabled"
          label={t('frontdeskPrivacy.notice.enabled')}
          help={t('frontdeskPrivacy.notice.enabledHint')}
        >
          {(f) => (
            <Switch
              id="noticeEnabled"
              checked={f.value}
              onChange={(v) => {
                f.onChange(v);
                f.onBlur();
              }}
            />
          )}
        </Field>
        <Row gutter={[24, 8]}>
          <Col xs={24} lg={12}>
            <Field
              control={form.control}
              name="noticeZh"
              label={t('frontdeskPrivacy.notice.zh')}
              required
            >
              {(f) => (
                <Input.TextArea
                  {...f}
                  id="noticeZh"
                  lang="zh-CN"
                  rows={6}
                  showCount
                  maxLength={2000}
                />
              )}
            </Field>
            <Preview text={noticeZh} lang="zh-CN" label={t('frontdeskPrivacy.notice.previewZh')} />
          </Col>
          <Col xs={24} lg={12}>
            <Field
              control={form.control}
              name="noticeEn"
              label={t('frontdeskPrivacy.notice.en')}
              required
            >
              {(f) => (
                <Input.TextArea
                  {...f}
                  id="noticeEn"
                  lang="en"
                  rows={6}
                  showCount
                  maxLength={2000}
                />
              )}
            </Field>
            <Preview text={noticeEn} lang="en" label={t('frontdeskPrivacy.notice.previewEn')} />
          </Col>
        </Row>
        <Button style={{ marginTop: 16 }} onClick={restoreDefaults}>
          {t('frontdeskPrivacy.notice.restore')}
        </Button>
      </Card>
      <Card
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('frontdeskPrivacy.retention.title')}</h2>}
        style={{ marginBottom: 16 }}
      >
        <Field
          control={form.control}
          name="retentionDays"
          label={t('frontdeskPrivacy.retention.days')}
          help={t('frontdeskPrivacy.retention.hint')}
          required
        >
          {(f) => (
            <InputNumber<number>
              id="retentionDays"
              value={f.value}
              // No min/max: antd would quietly clamp; the schema's range check explains instead.
              precision={0}
              suffix={t('frontdeskPrivacy.retention.daysUnit')}
              style={{ width: 180 }}
              onChange={(v) => f.onChange(v ?? null)}
              onBlur={f.onBlur}
              ref={f.ref}
            />
          )}
        </Field>
        <Typography.Paragraph>{t('frontdeskPrivacy.retention.effect')}</Typography.Paragraph>
        {cutoff && (
          <Typography.Paragraph type="secondary" data-testid="retention-cutoff">
            {t('frontdeskPrivacy.retention.cutoff', { date: cutoff })}
          </Typography.Paragraph>
        )}
      </Card>
      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.busy}
          disabled={!form.formState.isDirty}
        >
          {t('common.save')}
        </Button>
        {form.formState.isDirty && (
          <Typography.Text type="warning">{t('frontdeskPrivacy.unsaved')}</Typography.Text>
        )}
      </Space>
    </Form>
  );
}
