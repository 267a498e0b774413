import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Anchor, App, Button, Card, Col, Form, Row, Space, Tag, Typography } from 'antd';
import {
  useEffect,
  useEffectEvent,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate } from 'react-router';
import type { SessionInfo } from '../../../../../shared/contract/types';
import {
  emptyRequestBody,
  submitIssues,
  requestBodySchema,
  type FieldIssue,
  type RequestBody,
} from '../../../../../shared/requests/schema';
import type { RequestDossier, RequestPreview } from '../../../../../shared/requests/views';
import { call, transport } from '../../../api/client';
import { keepPreviousData, useAcceptDossier, useOp, useRequestWritten } from '../../../api/queries';
import { applyApiError, useZodForm } from '../../../components/form';
import { BasicSection } from './BasicSection';
import { BudgetSection } from './BudgetSection';
import {
  DirectoryContext,
  PreviewContext,
  useMoney,
  useRequestForm,
  type Directory,
  type FormValues,
  type PreviewState,
} from './common';
import { CompanionsSection } from './CompanionsSection';
import { flattenErrors, SECTIONS, targetOf } from './fieldNav';
import { IssueLinks } from './IssueLinks';
import { ItinerarySection } from './ItinerarySection';
import { NeedsSection } from './NeedsSection';
import { isBlankVisitor } from './paste';
import { formIssues, isBlankItineraryItem } from './readiness';
import { toPreviewBody } from './previewBody';
import { SidePanel, useFieldIssues } from './SidePanel';
import { VisitorsSection } from './VisitorsSection';
import './requestForm.css';

/**
 * Settles on the body to preview ~300 ms after the host stops typing (the same body again keeps
 * the state, so nothing is read again). Renders nothing.
 */
function PreviewWatcher({
  onBody,
  onIssues,
}: {
  onBody: Dispatch<SetStateAction<RequestBody | null>>;
  onIssues: Dispatch<SetStateAction<FieldIssue[] | null>>;
}) {
  const { control } = useRequestForm();
  const values = useWatch({ control });
  useEffect(() => {
    const timer = setTimeout(() => {
      const issues = formIssues(values as FormValues);
      const issuesKey = JSON.stringify(issues);
      onIssues((last) => (JSON.stringify(last) === issuesKey ? last : issues));
      const body = toPreviewBody(values);
      if (!body) return;
      const key = JSON.stringify(body);
      onBody((last) => (last !== null && JSON.stringify(last) === key ? last : body));
    }, 300);
    return () => clearTimeout(timer);
  }, [values, onBody, onIssues]);
  return null;
}

/**
 * Checks, budget and chain of the settled body, through the query cache. While the next one is
 * read the last one stays shown; when a read fails, the last good one stays, with the reason.
 */
function usePreviewQuery(
  id: number | null,
  body: RequestBody | null,
): Omit<PreviewState, 'issues'> {
  const { t } = useTranslation();
  const query = useOp(
    'requests.preview',
    { id, body: body ?? emptyRequestBody() },
    { enabled: body !== null, placeholderData: keepPreviousData },
  );
  const [lastGood, setLastGood] = useState<RequestPreview | null>(null);
  if (query.data && !query.isPlaceholderData && query.data !== lastGood) setLastGood(query.data);
  return {
    preview: query.data ?? lastGood,
    pending: query.isFetching,
    failed: query.error
      ? t('requestForm.messages.previewFailed', {
          message: t(query.error.key, query.error.params),
        })
      : null,
  };
}

/** The live total and check counts beside the buttons: visible however far the host scrolled. */
function LiveStatus({ state }: { state: PreviewState }) {
  const { t } = useTranslation();
  const money = useMoney();
  const form = useRequestForm();
  const incomplete = useFieldIssues(form, state.issues)?.length ?? 0;
  const p = state.preview;
  if (!p) return null;
  const n = (s: 'block' | 'approval' | 'warn') => p.checks.filter((c) => c.severity === s).length;
  return (
    <Space size={4} wrap className="rf-live" data-testid="live-status">
      <Typography.Text type="secondary">
        {t('requestForm.panel.budget')}{' '}
        <strong className="rf-money">{money(p.budget.totalFen)}</strong>
      </Typography.Text>
      {incomplete > 0 && (
        <Tag color="red" className="rf-tag-tight">
          {t('requestForm.panel.summaryIncomplete', { count: incomplete })}
        </Tag>
      )}
      {n('block') > 0 && (
        <Tag color="red" className="rf-tag-tight">
          {t('requestForm.panel.summaryBlock', { count: n('block') })}
        </Tag>
      )}
      {n('approval') > 0 && (
        <Tag color="orange" className="rf-tag-tight">
          {t('requestForm.panel.summaryApproval', { count: n('approval') })}
        </Tag>
      )}
      {n('warn') > 0 && (
        <Tag color="blue" className="rf-tag-tight">
          {t('requestForm.panel.summaryWarn', { count: n('warn') })}
        </Tag>
      )}
    </Space>
  );
}

export interface RequestFormProps {
  session: SessionInfo;
  initial: RequestBody;
  dossier: RequestDossier | null;
  directory: Directory;
}

/** The 接待申请单 itself: six sections, a live policy panel, save draft and submit. */
export function RequestForm({ session, initial, dossier, directory }: RequestFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const savedRef = useRef(false);
  const acceptDossier = useAcceptDossier();
  const form = useZodForm(requestBodySchema, initial as FormValues);
  const [previewBody, setPreviewBody] = useState<RequestBody | null>(null);
  const requestWritten = useRequestWritten();
  // A submit that could not go through may still have saved the body (no approver for a step):
  // the form goes on from the request and version it saved, so a retry never files it twice.
  const [savedAs, setSavedAs] = useState<{ id: number; version: number } | null>(null);
  const id = savedAs?.id ?? dossier?.id ?? null;
  const version = savedAs?.version ?? dossier?.version ?? null;
  // What still stops a submit, field by field; null until the host has typed anything.
  const [liveIssues, setLiveIssues] = useState<FieldIssue[] | null>(() =>
    formIssues(initial as FormValues),
  );
  const previewState: PreviewState = {
    ...usePreviewQuery(id, previewBody),
    issues: liveIssues,
  };
  const [busy, setBusy] = useState<'draft' | 'submit' | null>(null);
  const busyRef = useRef(false);
  const [showSummary, setShowSummary] = useState(false);
  const canDraft = dossier === null || dossier.status === 'draft' || dossier.status === 'returned';
  const isDirty = form.formState.isDirty;

  // Blank rows left at the end of the grids are not data: drop them before validating.
  const dropBlankRows = () => {
    const visitors = form.getValues('visitors');
    if (visitors.some(isBlankVisitor)) {
      form.setValue(
        'visitors',
        visitors.filter((v) => !isBlankVisitor(v)),
      );
    }
    const itinerary = form.getValues('itinerary');
    if (itinerary.some(isBlankItineraryItem))
      form.setValue(
        'itinerary',
        itinerary.filter((i) => !isBlankItineraryItem(i)),
      );
  };

  const fail = (count: number) => {
    setShowSummary(true);
    void message.error(t('requestForm.messages.fixErrors', { count: Math.max(count, 1) }));
  };

  const save = async (kind: 'draft' | 'submit') => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(kind);
    let leaving = false;
    try {
      dropBlankRows();
      const parsed: { body?: RequestBody } = {};
      let invalidCount = 0;
      await form.handleSubmit(
        (body) => {
          parsed.body = body;
        },
        (errors) => {
          invalidCount = flattenErrors(errors).length;
        },
      )();
      const body = parsed.body;
      if (!body) return fail(invalidCount);
      if (kind === 'submit') {
        // Completeness is checked here with the same rules as the main process uses.
        const issues = submitIssues(body);
        issues.forEach((issue, i) =>
          form.setError(
            issue.path as 'orgName',
            { type: JSON.stringify(issue.params ?? {}), message: issue.key },
            { shouldFocus: i === 0 },
          ),
        );
        if (issues.length > 0) return fail(issues.length);
      }
      const op = kind === 'draft' ? 'requests.saveDraft' : 'requests.submit';
      const r = await call(op, { id, version, body });
      if (r.ok) {
        // The dossier the save returned is what the next page shows: no second read.
        acceptDossier(r.value);
        form.reset(form.getValues());
        savedRef.current = true;
        void message.success(
          t(
            kind === 'draft' ? 'requestForm.messages.draftSaved' : 'requestForm.messages.submitted',
          ),
        );
        void navigate(`/requests/${r.value.id}`);
        // Stay busy until the page is gone: a second click now would file the request twice.
        leaving = true;
        return;
      }
      const saved = r.error.params;
      if (typeof saved?.requestId === 'number' && typeof saved.version === 'number') {
        // Not submitted, but what was typed is saved: the form stays, no longer unsaved, and
        // the message (who is missing, whom to ask) stays until it is read.
        setSavedAs({ id: saved.requestId, version: saved.version });
        requestWritten(saved.requestId);
        form.reset(form.getValues());
        modal.warning({
          title: t('requestForm.messages.notSubmitted'),
          content: <span data-testid="not-submitted">{t(r.error.key, r.error.params)}</span>,
          okText: t('common.confirm'),
        });
        return;
      }
      // The main process names fields by their path in the operation's input (`body.visitors.0.phone`).
      const fieldErrors = Object.fromEntries(
        Object.entries(r.error.fieldErrors ?? {}).map(([path, msg]) => [
          path.startsWith('body.') ? path.slice('body.'.length) : path === 'body' ? '_' : path,
          msg,
        ]),
      );
      const marked = applyApiError(form, { ...r.error, fieldErrors });
      if (marked) {
        setShowSummary(true);
        const first = Object.keys(fieldErrors)[0];
        if (first) targetOf(first, form)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      void message.error(t(r.error.key, r.error.params));
    } finally {
      if (!leaving) {
        busyRef.current = false;
        setBusy(null);
      }
    }
  };

  /** Back to where the request lives; unsaved edits are confirmed by the blocker below. */
  const leave = () => void navigate(id !== null ? `/requests/${id}` : '/requests/mine');

  // Any way out of the page — the sidebar, Back, a notification link — asks first when there are
  // unsaved edits. A successful save sets savedRef before it navigates away.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      isDirty && !savedRef.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('requestForm.messages.unsaved'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, t]);

  // A new request starts in its first field to type, the visiting organisation (the host and
  // department above it are filled in already). An edit keeps the page as it opens.
  const isNew = dossier === null;
  useEffect(() => {
    if (isNew) form.setFocus('orgName');
  }, [isNew, form]);

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (canDraft) void save('draft');
    }
    // Ctrl+Enter submits, as in the OA tools people know: from the last visitor's phone, the
    // 提交审批 button is forty Tabs away. (The grids leave Ctrl+Enter alone for this.)
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      // Not from behind a dialog (leave without saving?, a warning): that dialog has the say.
      const dialogOpen = [...document.querySelectorAll('.ant-modal-wrap')].some(
        (el) => getComputedStyle(el).display !== 'none',
      );
      if (!dialogOpen) void save('submit');
    }
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, []);

  // In the browser, closing or reloading the tab with unsaved edits asks first. (Electron would
  // silently refuse to close the window instead, so it is left out there.)
  useEffect(() => {
    if (!isDirty || transport !== 'http') return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', handler);
    return () => window.removeEventListener('beforeunload', handler);
  }, [isDirty]);

  const issues = showSummary ? flattenErrors(form.formState.errors) : [];
  const returned =
    dossier?.status === 'returned'
      ? [...dossier.events].reverse().find((e) => e.kind === 'returned')
      : undefined;

  const section = (
    key: (typeof SECTIONS)[number],
    body: React.ReactNode,
    extra?: React.ReactNode,
  ) => (
    <Card
      id={`rf-${key}`}
      size="small"
      className="rf-section"
      title={t(`requestForm.sections.${key}`)}
      extra={extra}
    >
      {body}
    </Card>
  );

  return (
    <FormProvider {...form}>
      <DirectoryContext.Provider value={directory}>
        <PreviewContext.Provider value={previewState}>
          <PreviewWatcher onBody={setPreviewBody} onIssues={setLiveIssues} />
          <div className="page-header">
            <h1>
              {dossier
                ? t('requestForm.titleEdit', { code: dossier.code })
                : t('requestForm.titleNew')}
            </h1>
            <Button onClick={leave}>{t('requestForm.back')}</Button>
          </div>
          {dossier?.status === 'approved' && (
            <Alert
              type="warning"
              showIcon
              title={t('requestForm.approvedEdit')}
              className="rf-top-alert"
            />
          )}
          {dossier?.status === 'returned' && (
            <Alert
              type="warning"
              showIcon
              className="rf-top-alert"
              title={
                returned?.comment
                  ? t('requestForm.returnedBy', {
                      by: returned.actorName ?? '—',
                      comment: returned.comment,
                    })
                  : t('requestForm.returned')
              }
            />
          )}
          <Row gutter={16} className="rf-layout">
            <Col xs={{ span: 24, order: 2 }} xl={{ span: 17, order: 1 }}>
              <Anchor
                direction="horizontal"
                className="rf-anchor"
                targetOffset={56}
                onClick={(e) => e.preventDefault()}
                items={SECTIONS.map((key) => ({
                  key,
                  href: `#rf-${key}`,
                  title: t(`requestForm.sections.${key}`),
                }))}
              />
              <Form layout="vertical" component="div" className="rf-form">
                {section('basic', <BasicSection session={session} />)}
                {section('visitors', <VisitorsSection />)}
                {section('companions', <CompanionsSection />)}
                {section('itinerary', <ItinerarySection />)}
                {section('needs', <NeedsSection />)}
                {section('budget', <BudgetSection />)}
              </Form>
              <div className="rf-actions">
                {issues.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    className="rf-summary"
                    closable={{ onClose: () => setShowSummary(false) }}
                    title={t('requestForm.messages.summaryTitle')}
                    description={<IssueLinks issues={issues} shown={8} form={form} more="…" />}
                  />
                )}
                <div className="rf-actions-bar">
                  <Space wrap>
                    {canDraft && (
                      <Button
                        icon={<SaveOutlined />}
                        loading={busy === 'draft'}
                        disabled={busy !== null}
                        onClick={() => void save('draft')}
                        data-testid="save-draft"
                        title={t('requestForm.actions.shortcut')}
                      >
                        {t('requestForm.actions.saveDraft')}
                        <span className="rf-kbd">Ctrl+S</span>
                      </Button>
                    )}
                    <Button
                      type="primary"
                      icon={<SendOutlined />}
                      loading={busy === 'submit'}
                      disabled={busy !== null}
                      onClick={() => void save('submit')}
                      data-testid="submit-request"
                      title={t('requestForm.actions.submitShortcut')}
                    >
                      {t('requestForm.actions.submit')}
                      <span className="rf-kbd">Ctrl+Enter</span>
                    </Button>
                    <LiveStatus state={previewState} />
                  </Space>
                </div>
              </div>
            </Col>
            <Col xs={{ span: 24, order: 1 }} xl={{ span: 7, order: 2 }}>
              {/* A region the keyboard can reach: the panel scrolls on its own when it is
                  taller than the window. */}
              <div
                className="rf-side"
                role="region"
                aria-label={t('requestForm.panel.title')}
                tabIndex={0}
              >
                <SidePanel />
              </div>
            </Col>
          </Row>
        </PreviewContext.Provider>
      </DirectoryContext.Provider>
    </FormProvider>
  );
}
