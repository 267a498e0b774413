import { LoginOutlined, PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Modal, Result, Select, Space, type InputRef } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { ID_TYPES } from '../../../../../shared/requests';
import type { BoardGuest, BoardVisit, IdType } from '../../../../../shared/frontdesk/views';
import type { ApiError } from '../../../../../shared/result';
import { useOp, useOpMutation } from '../../../api/queries';
import { useFmt } from '../../requests';
import { badgesPath } from './keys';
import { checkInRows, watchReasons } from './logic';

/** What the dialog opens on: a visit, the visitors to tick (null: everyone expected), the day. */
export interface CheckInTarget {
  visit: BoardVisit;
  guests: BoardGuest[] | null;
  /** Badge numbers worn today when the dialog opened (the suggestions avoid them). */
  inUse: string[];
  noticeRequired: boolean;
  day: string;
}

interface Row {
  seq: number;
  name: string;
  selected: boolean;
  badgeNo: string;
  idType: IdType | null;
  idLast4: string;
}

interface Values {
  rows: Row[];
  overrideReason: string;
  watchOverrideReason: string;
}

/**
 * 访客签到: the visit's expected visitors, those who came ticked, each with a badge number (the
 * lowest free ones), optionally the ID looked at (type, last four). The privacy notice when it is
 * on; a reason when the visit is not cleared or the watchlist names someone. Enter checks in.
 * The form is made once, when the dialog opens: a board read again in the background never
 * touches what the clerk typed.
 */
export function CheckInModal({ target, onClose }: { target: CheckInTarget; onClose: () => void }) {
  const fmt = useFmt();
  const { t } = fmt;
  const navigate = useNavigate();
  const { visit, day } = target;
  // Fixed at the first render on purpose (see above).
  const [initial] = useState<Values>(() => ({
    rows: checkInRows(visit, target.guests, target.inUse).map((r) => ({
      ...r,
      idType: null,
      idLast4: '',
    })),
    overrideReason: '',
    watchOverrideReason: '',
  }));
  const form = useForm<Values>({ defaultValues: initial });
  const rows = useWatch({ control: form.control, name: 'rows' });
  const override = useWatch({ control: form.control, name: 'overrideReason' });
  const watchOverride = useWatch({ control: form.control, name: 'watchOverrideReason' });
  const selected = rows.filter((r) => r.selected);
  const reasons = useMemo(
    () =>
      watchReasons(
        visit,
        rows.filter((r) => r.selected).map((r) => r.seq),
      ),
    [visit, rows],
  );
  const settings = useOp('frontdesk.settings', {}, { enabled: target.noticeRequired });
  const notice = settings.data
    ? fmt.language === 'en'
      ? settings.data.noticeEn || settings.data.noticeZh
      : settings.data.noticeZh || settings.data.noticeEn
    : '';
  // The acknowledgement is recorded only for a notice the visitor could read: not while its text
  // is still loading (or failed to load).
  const noticeShown = !target.noticeRequired || notice !== '';
  const needOverride = !visit.cleared;
  const needWatch = reasons.length > 0;
  const ready =
    noticeShown &&
    selected.length > 0 &&
    (!needOverride || override.trim() !== '') &&
    (!needWatch || watchOverride.trim() !== '');

  const checkIn = useOpMutation('frontdesk.checkIn', {
    invalidates: ['frontdesk.board', 'frontdesk.onSite'],
  });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number[] | null>(null);
  const firstBadge = useRef<InputRef>(null);
  const overrideRef = useRef<InputRef>(null);
  const watchRef = useRef<InputRef>(null);
  const printRef = useRef<HTMLButtonElement>(null);

  // Read from the form when pressed (no field validation: the reasons are checked here).
  const submit = async () => {
    const values = form.getValues();
    if (checkIn.isPending || !noticeShown) return;
    const chosen = values.rows.filter((r) => r.selected);
    if (chosen.length === 0) return;
    if (needOverride && values.overrideReason.trim() === '') {
      overrideRef.current?.focus();
      return;
    }
    if (needWatch && values.watchOverrideReason.trim() === '') {
      watchRef.current?.focus();
      return;
    }
    setError(null);
    const r = await checkIn.mutateAsync({
      requestId: visit.requestId,
      walkInId: null,
      guests: chosen.map((g) => ({
        seq: g.seq,
        badgeNo: g.badgeNo.trim(),
        idType: g.idType,
        idLast4: g.idLast4.trim(),
        consent: target.noticeRequired,
      })),
      overrideReason: needOverride ? values.overrideReason.trim() : '',
      watchOverrideReason: needWatch ? values.watchOverrideReason.trim() : '',
    });
    if (r.ok) setDone(chosen.map((g) => g.seq));
    else setError(r.error);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    const el = e.target as HTMLElement;
    // Enter in a select opens or picks; on a button it presses the button.
    if (el.closest('.ant-select, button, textarea')) return;
    e.preventDefault();
    void submit();
  };

  const title = t('frontdeskDesk.checkIn.title', { org: visit.orgName });
  if (done) {
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        afterOpenChange={(o) => o && printRef.current?.focus()}
        footer={null}
        width={560}
      >
        <Result
          status="success"
          title={t('frontdeskDesk.checkIn.done', { count: done.length })}
          subTitle={t('frontdeskDesk.checkIn.doneHint')}
          extra={
            <Space>
              <Button onClick={onClose}>{t('frontdeskDesk.checkIn.close')}</Button>
              <Button
                ref={printRef}
                autoFocus
                type="primary"
                icon={<PrinterOutlined />}
                onClick={() => void navigate(badgesPath(day, visit.requestId, done))}
              >
                {t('frontdeskDesk.board.printBadges')}
              </Button>
            </Space>
          }
        />
      </Modal>
    );
  }

  const fieldError = (seq: number, field: string) =>
    error?.fieldErrors?.[`guests.${seq}.${field}`] ?? null;
  const idOptions = [
    { value: '', label: t('frontdeskDesk.checkIn.idNone') },
    ...ID_TYPES.map((k) => ({ value: k, label: t(`labels.idTypeShort.${k}`) })),
  ];
  const firstSelected = initial.rows.findIndex((r) => r.selected);

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      width={760}
      afterOpenChange={(o) => {
        if (o) firstBadge.current?.focus({ cursor: 'all' });
      }}
      footer={
        <div className="fd-ci-footer">
          <span className="fd-muted">{t('frontdeskDesk.checkIn.keys')}</span>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              icon={<LoginOutlined />}
              disabled={!ready}
              loading={checkIn.isPending}
              onClick={() => void submit()}
              data-testid="check-in-confirm"
            >
              {target.noticeRequired
                ? t('frontdeskDesk.checkIn.confirmNotice')
                : t('frontdeskDesk.checkIn.confirm')}
            </Button>
          </Space>
        </div>
      }
    >
      <form
        className="fd-ci"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="check-in-form"
      >
        <div className="fd-muted">
          {t('frontdeskDesk.checkIn.code', { code: visit.code, host: visit.hostName })}
        </div>
        {error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="check-in-error"
            title={t(error.key, error.params)}
          />
        )}
        {needOverride && (
          <Alert
            type="warning"
            showIcon
            title={t('frontdeskDesk.checkIn.notCleared', { status: fmt.status(visit.status) })}
            description={
              <Controller
                control={form.control}
                name="overrideReason"
                render={({ field }) => (
                  <Input
                    {...field}
                    ref={overrideRef}
                    maxLength={200}
                    aria-label={t('frontdeskDesk.checkIn.overrideReason')}
                    placeholder={t('frontdeskDesk.checkIn.overrideReason')}
                    status={override.trim() === '' ? 'warning' : undefined}
                    data-testid="override-reason"
                  />
                )}
              />
            }
          />
        )}
        {needWatch && (
          <Alert
            type="error"
            showIcon
            icon={<WarningOutlined />}
            title={t('frontdeskDesk.checkIn.watch', { reasons: fmt.list(reasons) })}
            description={
              <Controller
                control={form.control}
                name="watchOverrideReason"
                render={({ field }) => (
                  <Input
                    {...field}
                    ref={watchRef}
                    maxLength={200}
                    aria-label={t('frontdeskDesk.checkIn.watchReason')}
                    placeholder={t('frontdeskDesk.checkIn.watchReason')}
                    data-testid="watch-reason"
                  />
                )}
              />
            }
          />
        )}
        <table className="fd-ci-table">
          <thead>
            <tr>
              <th scope="col" className="fd-ci-check">
                {t('frontdeskDesk.checkIn.select')}
              </th>
              <th scope="col">{t('frontdeskDesk.checkIn.name')}</th>
              <th scope="col" className="fd-ci-badge">
                {t('frontdeskDesk.checkIn.badge')}
              </th>
              <th scope="col" className="fd-ci-id">
                {t('frontdeskDesk.checkIn.idType')}
              </th>
              <th scope="col" className="fd-ci-last4">
                {t('frontdeskDesk.checkIn.idLast4')}
              </th>
            </tr>
          </thead>
          <tbody>
            {initial.rows.map((row, i) => {
              const badgeError = fieldError(row.seq, 'badgeNo');
              const idError = fieldError(row.seq, 'idType') ?? fieldError(row.seq, 'idLast4');
              return (
                <tr key={row.seq} data-testid="check-in-row">
                  <td className="fd-ci-check">
                    <Controller
                      control={form.control}
                      name={`rows.${i}.selected`}
                      render={({ field }) => (
                        <Checkbox
                          checked={field.value}
                          onChange={(e) => field.onChange(e.target.checked)}
                          aria-label={`${t('frontdeskDesk.checkIn.select')} ${row.name}`}
                        />
                      )}
                    />
                  </td>
                  <th scope="row" className="fd-ci-name">
                    {row.name}
                  </th>
                  <td className="fd-ci-badge">
                    <Controller
                      control={form.control}
                      name={`rows.${i}.badgeNo`}
                      render={({ field }) => (
                        <Input
                          {...field}
                          ref={
                            i === firstSelected || (firstSelected < 0 && i === 0)
                              ? firstBadge
                              : field.ref
                          }
                          maxLength={10}
                          aria-label={`${t('frontdeskDesk.checkIn.badge')} ${row.name}`}
                          status={badgeError ? 'error' : undefined}
                          data-testid="badge-input"
                        />
                      )}
                    />
                    {badgeError && (
                      <div className="fd-field-error">{t(badgeError.key, badgeError.params)}</div>
                    )}
                  </td>
                  <td className="fd-ci-id">
                    <Controller
                      control={form.control}
                      name={`rows.${i}.idType`}
                      render={({ field }) => (
                        <Select
                          value={field.value ?? ''}
                          onChange={(v: string) => field.onChange(v === '' ? null : v)}
                          options={idOptions}
                          aria-label={`${t('frontdeskDesk.checkIn.idType')} ${row.name}`}
                          status={idError ? 'error' : undefined}
                          popupMatchSelectWidth={false}
                        />
                      )}
                    />
                  </td>
                  <td className="fd-ci-last4">
                    <Controller
                      control={form.control}
                      name={`rows.${i}.idLast4`}
                      render={({ field }) => (
                        <Input
                          {...field}
                          maxLength={4}
                          aria-label={`${t('frontdeskDesk.checkIn.idLast4')} ${row.name}`}
                          status={idError ? 'error' : undefined}
                        />
                      )}
                    />
                    {idError && (
                      <div className="fd-field-error">{t(idError.key, idError.params)}</div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="fd-muted" aria-live="polite">
          {selected.length > 0
            ? t('frontdeskDesk.checkIn.selected', { count: selected.length })
            : t('frontdeskDesk.checkIn.noneSelected')}
        </div>
        {target.noticeRequired && (
          <section className="fd-notice" aria-labelledby="fd-notice-title">
            <h3 id="fd-notice-title">{t('frontdeskDesk.checkIn.notice')}</h3>
            <div className="fd-muted">{t('frontdeskDesk.checkIn.noticeHint')}</div>
            <div className="fd-notice-text" data-testid="notice-text">
              {notice}
            </div>
          </section>
        )}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </form>
    </Modal>
  );
}
