import { HistoryOutlined, InfoCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/i18n/translate';
import { DEFAULT_POLICY, type Policy } from '../../../../shared/policy/policy';
import { policyNote } from '../../../../shared/policy/note';
import type { PolicyView } from '../../../../shared/policy/views';
import { call } from '../../api/client';
import { fetchOp, opKey, useErrorToast, useOp } from '../../api/queries';
import { Field, useZodForm } from '../../components/form';
import { FormModal, useFormSubmit } from '../../components/FormModal';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import { PolicyReviewNote } from '../setup';
import { countErrors, PolicyFields, policyFormSchema, type PolicyForm } from './PolicyFields';

/** Structural equality of two JSON values (key order does not matter). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

const fresh = (policy: Policy): PolicyForm => ({ policy: structuredClone(policy), note: '' });

/**
 * 接待标准: the current policy version in an editor (saved as a new version with a note), the
 * built-in defaults on request, and older versions read-only.
 */
export function PolicyPage() {
  const policy = useOp('policy.get', {});
  useErrorToast(policy.error);
  if (!policy.data) {
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  // The editor starts from the policy read when the page opened; a later read never replaces
  // what is being edited.
  return <PolicyEditor opened={policy.data} />;
}

function PolicyEditor({ opened }: { opened: PolicyView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { message, modal } = App.useApp();
  const session = useSignedIn();
  const queryClient = useQueryClient();
  const tz = session.settings.timeZone;
  const [current, setCurrent] = useState<PolicyView>(opened);
  const [viewing, setViewing] = useState<PolicyView | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const form = useZodForm(policyFormSchema, fresh(opened.policy));
  const viewForm = useZodForm(policyFormSchema, fresh(DEFAULT_POLICY));
  const edited = useWatch({ control: form.control, name: 'policy' });
  const dirty = !sameJson(edited, current.policy);

  const dateOf = (v: PolicyView) => formatInstant(v.createdAtMs, tz, language, 'date');
  // The note the app seeded reads in the reader's language; a typed one as typed.
  const noteOf = (v: PolicyView) => {
    const note = policyNote(v);
    if (note === null) return t('requestAdmin.policy.noNote');
    return 'key' in note ? t(note.key) : note.text;
  };

  const view = (version: number | null) => {
    if (version === null || version === current.version) {
      setViewing(null);
      return;
    }
    // A saved version never changes: once read, it is kept.
    void fetchOp(queryClient, 'policy.get', { version }, { staleTime: Infinity }).then((r) => {
      if (r.ok) {
        viewForm.reset(fresh(r.value.policy));
        setViewing(r.value);
      } else void message.error(t(r.error.key, r.error.params));
    });
  };

  /** Puts a policy in the editor as unsaved changes (the saved version stays the baseline). */
  const loadIntoEditor = (policy: Policy) => {
    form.reset(fresh(policy), { keepDefaultValues: true });
    form.clearErrors();
  };

  const restoreDefaults = () => {
    modal.confirm({
      title: t('requestAdmin.policy.restoreConfirmTitle'),
      content: t('requestAdmin.policy.restoreConfirm'),
      okText: t('requestAdmin.policy.restoreDefaults'),
      cancelText: t('common.cancel'),
      onOk: () => {
        loadIntoEditor(DEFAULT_POLICY);
        void message.info(t('requestAdmin.policy.restored'));
      },
    });
  };

  const draftFrom = (v: PolicyView) => {
    modal.confirm({
      title: t('requestAdmin.policy.useAsDraft'),
      content: t('requestAdmin.policy.useAsDraftConfirm', { version: v.version }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => {
        loadIntoEditor(v.policy);
        setViewing(null);
        void message.info(t('requestAdmin.policy.loadedDraft', { version: v.version }));
      },
    });
  };

  const discard = () => {
    loadIntoEditor(current.policy);
  };

  /** Checks the policy first, then asks for the note that goes with the new version. */
  const askNote = async () => {
    const ok = await form.trigger('policy', { shouldFocus: true });
    if (ok) setNoteOpen(true);
    else {
      const count = countErrors(form.formState.errors.policy);
      void message.error(t('requestAdmin.policy.invalid', { count }));
    }
  };

  const save = useFormSubmit(form, ({ policy, note }) => call('policy.update', { policy, note }), {
    onOk: (saved) => {
      form.reset(fresh(saved.policy));
      setCurrent(saved);
      queryClient.setQueryData(opKey('policy.get', {}), saved);
      setNoteOpen(false);
      void message.success(t('requestAdmin.policy.saved', { version: saved.version }));
    },
    // Errors on the policy itself are on the page behind the dialog.
    onFieldErrors: () => {
      if (!form.getFieldState('note').error) setNoteOpen(false);
    },
  });

  const versions = Array.from({ length: current.version }, (_, i) => current.version - i);

  return (
    <>
      <div className="page-header" style={{ alignItems: 'flex-start' }}>
        <div>
          <h1>{t('requestAdmin.policy.title')}</h1>
          <Space size={8} wrap style={{ marginTop: 4 }}>
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('requestAdmin.policy.current', { version: current.version })}
            </Tag>
            <Typography.Text type="secondary">
              {t('requestAdmin.policy.savedAt', { date: dateOf(current) })}
            </Typography.Text>
            <Typography.Text type="secondary">· {noteOf(current)}</Typography.Text>
          </Space>
        </div>
        <Space wrap>
          <Select<number>
            aria-label={t('requestAdmin.policy.viewVersion')}
            placeholder={
              <>
                <HistoryOutlined /> {t('requestAdmin.policy.viewVersion')}
              </>
            }
            style={{ width: 180 }}
            value={viewing?.version ?? null}
            allowClear
            onChange={(v) => view(v ?? null)}
            options={versions.map((v) => ({
              value: v,
              label: t('requestAdmin.policy.versionLabel', { version: v }),
              disabled: v === current.version,
            }))}
          />
          {!viewing && (
            <Button icon={<UndoOutlined />} onClick={restoreDefaults}>
              {t('requestAdmin.policy.restoreDefaults')}
            </Button>
          )}
        </Space>
      </div>

      {viewing ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('requestAdmin.policy.viewingOld', {
              version: viewing.version,
              date: dateOf(viewing),
            })}
            description={noteOf(viewing)}
            action={
              <Space orientation="vertical" size={4}>
                <Button size="small" type="primary" onClick={() => setViewing(null)}>
                  {t('requestAdmin.policy.backToCurrent')}
                </Button>
                <Button size="small" onClick={() => draftFrom(viewing)}>
                  {t('requestAdmin.policy.useAsDraft')}
                </Button>
              </Space>
            }
          />
          <FormProvider {...viewForm}>
            <PolicyFields disabled />
          </FormProvider>
        </>
      ) : (
        <>
          <PolicyReviewNote />
          <Alert
            type="info"
            icon={<InfoCircleOutlined />}
            showIcon
            style={{ marginBottom: 16 }}
            title={t('requestAdmin.policy.versionsNote')}
          />
          <FormProvider {...form}>
            <PolicyFields />
          </FormProvider>
          <div className="policy-save-bar" style={SAVE_BAR}>
            {dirty ? (
              <Tag color="orange" style={{ marginInlineEnd: 'auto' }}>
                {t('requestAdmin.policy.unsaved')}
              </Tag>
            ) : (
              <Typography.Text type="secondary" style={{ marginInlineEnd: 'auto' }}>
                {t('requestAdmin.policy.current', { version: current.version })}
              </Typography.Text>
            )}
            <Button disabled={!dirty} onClick={discard}>
              {t('requestAdmin.policy.discard')}
            </Button>
            <Button type="primary" disabled={!dirty} onClick={() => void askNote()}>
              {t('requestAdmin.policy.save')}
            </Button>
          </div>
          <FormModal
            open={noteOpen}
            title={t('requestAdmin.policy.saveTitle', { version: current.version + 1 })}
            okText={t('requestAdmin.policy.save')}
            action={save}
            onCancel={() => setNoteOpen(false)}
          >
            <Typography.Paragraph type="secondary">
              {t('requestAdmin.policy.versionsNote')}
            </Typography.Paragraph>
            <Field
              control={form.control}
              name="note"
              label={t('requestAdmin.policy.note')}
              help={t('requestAdmin.policy.noteHint')}
              required
            >
              {(f) => (
                <Input
                  {...f}
                  id="note"
                  maxLength={200}
                  autoFocus
                  placeholder={t('requestAdmin.policy.notePlaceholder')}
                  onPressEnter={() => void save.submit()}
                />
              )}
            </Field>
          </FormModal>
        </>
      )}
    </>
  );
}

/** Save and discard stay in reach while scrolling through the long editor. */
const SAVE_BAR = {
  position: 'sticky',
  bottom: 0,
  zIndex: 5,
  display: 'flex',
  alignItems: 'center',
  gap: 8,
  marginTop: 16,
  padding: '10px 16px',
  background: '#fff',
  borderTop: '1px solid #e5e7eb',
  boxShadow: '0 -4px 12px rgba(15, 23, 42, 0.06)',
  borderRadius: 6,
} as const;
