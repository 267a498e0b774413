import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Result,
  Space,
  Spin,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../../api/client';
import { useInvalidate, useOp } from '../../../api/queries';
import { useInstant, WalkInStatusTag } from './common';
import './walkins.css';

/**
 * The host's answer to a walk-in (the notification leads here): 接待 or 婉拒 with an optional note,
 * once. After accepting, the retroactive request he must complete is one click away.
 */
export function WalkInAnswerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const instant = useInstant();
  const invalidate = useInvalidate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const walkIn = useOp('frontdesk.walkIn', { id: valid ? id : 1 }, { enabled: valid });
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const a = (key: string) => t(`frontdeskWalkIn.answer.${key}`);

  if (!valid || walkIn.error) {
    return (
      <Result
        status="404"
        title={t(walkIn.error?.key ?? 'frontdesk.errors.walkInNotFound')}
        extra={<Link to="/">{t('nav.home')}</Link>}
      />
    );
  }
  const w = walkIn.data;
  if (!w) return <Spin />;

  const answer = async (accept: boolean) => {
    setBusy(true);
    const r = await call('frontdesk.answerWalkIn', {
      id: w.id,
      version: w.version,
      accept,
      comment,
    });
    setBusy(false);
    if (!r.ok) void message.error(t(r.error.key, r.error.params));
    await invalidate('frontdesk.walkIn', 'frontdesk.myWalkIns', 'notifications.list');
  };

  const pending = w.status === 'pending';
  return (
    <>
      <div className="page-header">
        <h1>{a('title')}</h1>
      </div>
      <Card size="small">
        {pending && <Alert type="info" showIcon title={a('intro')} className="fw-intro" />}
        <Descriptions
          column={1}
          size="small"
          bordered
          className="fw-details"
          // An items list: a condition left false would still draw an empty row.
          items={[
            { key: 'visitor', label: a('visitor'), children: w.name },
            { key: 'org', label: a('orgName'), children: w.orgName || '—' },
            { key: 'phone', label: a('phone'), children: w.phoneMasked || '—' },
            { key: 'purpose', label: a('purpose'), children: w.purpose },
            { key: 'at', label: a('registeredAt'), children: instant(w.registeredAtMs) },
            { key: 'status', label: a('status'), children: <WalkInStatusTag status={w.status} /> },
            ...(w.answeredAtMs !== null
              ? [{ key: 'answered', label: a('answeredAt'), children: instant(w.answeredAtMs) }]
              : []),
            ...(w.answerComment
              ? [{ key: 'comment', label: a('comment'), children: w.answerComment }]
              : []),
          ]}
        />
        {pending ? (
          <Form layout="vertical" component="div" className="fw-answer">
            <Form.Item label={a('comment')} htmlFor="answerComment">
              <Input.TextArea
                id="answerComment"
                value={comment}
                maxLength={200}
                onChange={(e) => setComment(e.target.value)}
              />
            </Form.Item>
            <Space>
              <Button type="primary" loading={busy} onClick={() => void answer(true)}>
                {a('accept')}
              </Button>
              <Popconfirm
                title={a('declineConfirm')}
                okText={a('decline')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => answer(false)}
              >
                <Button danger disabled={busy}>
                  {a('decline')}
                </Button>
              </Popconfirm>
            </Space>
          </Form>
        ) : (
          <Space orientation="vertical" className="fw-answer">
            <Alert
              type={w.status === 'accepted' ? 'success' : 'info'}
              showIcon
              title={a(w.status === 'accepted' ? 'accepted' : 'declined')}
            />
            {w.toComplete && <Alert type="warning" showIcon title={a('toComplete')} />}
            {w.requestId !== null && (
              <Link
                to={w.toComplete ? `/requests/${w.requestId}/edit` : `/requests/${w.requestId}`}
              >
                {a(w.toComplete ? 'openRequest' : 'viewRequest')}
              </Link>
            )}
          </Space>
        )}
      </Card>
    </>
  );
}
