import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLive, type SessionStatus, type SessionView } from '../../../../shared/auth/sessions';
import type { Language } from '../../../../shared/i18n/translate';
import type { ApiError } from '../../../../shared/result';
import { useErrorToast, useInfiniteOp, useOpMutation, type PageInput } from '../../api/queries';
import { InfiniteTable } from '../../components/InfiniteTable';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import { clientLabel } from './sessionClient';

/** Rows per page read as the list scrolls (the contract allows up to 200). */
const PAGE_SIZE = 100;
const INPUT: PageInput<'sessions.list'> = { limit: PAGE_SIZE };

const STATUS_COLOR: Record<SessionStatus, string | undefined> = {
  active: 'green',
  locked: 'gold',
  expired: undefined,
  ended: undefined,
  revoked: 'red',
};

/**
 * 系统管理 → 会话 (issue 14): every sign-in, the live ones first, with the person, the address it
 * came from and when it was last used. A live session other than one's own can be ended, alone or
 * with all of that person's; the person's app returns to the sign-in screen within two seconds.
 */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const tz = useSignedIn().settings.timeZone;
  const language = i18n.language as Language;
  const list = useInfiniteOp('sessions.list', INPUT);
  useErrorToast(list.query.error);
  const pending = list.query.isPending;
  const emptyText = useMemo(() => (pending ? <span /> : t('sessions.empty')), [pending, t]);
  const { mutateAsync: revoke } = useOpMutation('sessions.revoke', {
    invalidates: ['sessions.list'],
  });
  const { mutateAsync: revokeUser } = useOpMutation('sessions.revokeUser', {
    invalidates: ['sessions.list'],
  });
  const { refetch } = list.query;

  // Kept from render to render: a table whose columns change draws every row again.
  const columns = useMemo((): TableColumnsType<SessionView> => {
    const when = (ms: number) => formatInstant(ms, tz, language);
    // A refusal (ended meanwhile, expired) is said, and the list shows the state it found.
    const refused = (error: ApiError) => {
      void message.error(t(error.key, error.params));
      void refetch();
    };
    const endOne = async (s: SessionView) => {
      const r = await revoke({ id: s.id });
      if (r.ok) void message.success(t('sessions.revoked'));
      else refused(r.error);
    };
    const endAll = async (s: SessionView) => {
      const r = await revokeUser({ userId: s.userId });
      if (r.ok) void message.success(t('sessions.revokedUser', { count: r.value.ended }));
      else refused(r.error);
    };
    return [
      {
        title: t('sessions.col.person'),
        key: 'person',
        render: (_, s) => (
          <>
            <div>
              {s.displayName}
              {s.current && (
                <Tag color="blue" style={{ marginInlineStart: 8 }}>
                  {t('sessions.current')}
                </Tag>
              )}
            </div>
            <Typography.Text type="secondary">{s.login}</Typography.Text>
          </>
        ),
      },
      {
        title: t('sessions.col.client'),
        key: 'client',
        width: 150,
        render: (_, s) => {
          const c = clientLabel(s.client, t);
          return c.recorded ? (
            <span className="session-client">{c.text}</span>
          ) : (
            <Typography.Text type="secondary">{c.text}</Typography.Text>
          );
        },
      },
      {
        title: t('sessions.col.created'),
        key: 'created',
        dataIndex: 'createdAtMs',
        width: 160,
        render: (ms: number) => when(ms),
      },
      {
        title: t('sessions.col.lastActive'),
        key: 'lastActive',
        dataIndex: 'lastActiveAtMs',
        width: 160,
        render: (ms: number) => when(ms),
      },
      {
        title: t('sessions.col.status'),
        key: 'status',
        width: 190,
        render: (_, s) => (
          <>
            <Tag color={STATUS_COLOR[s.status]}>{t(`sessions.status.${s.status}`)}</Tag>
            {s.endedAtMs !== null && (
              <div>
                <Typography.Text type="secondary" className="session-ended-at">
                  {t('sessions.endedAt', { time: when(s.endedAtMs) })}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      },
      {
        title: t('sessions.col.actions'),
        key: 'actions',
        width: 190,
        render: (_, s) => {
          if (!isLive(s.status) || s.current) return null;
          const client = clientLabel(s.client, t).text;
          return (
            <Space size={0} wrap>
              <Popconfirm
                title={t('sessions.revokeConfirm', { name: s.displayName, client })}
                okText={t('sessions.revoke')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => endOne(s)}
              >
                <Button
                  type="link"
                  danger
                  size="small"
                  aria-label={t('sessions.revokeLabel', { name: s.displayName, client })}
                >
                  {t('sessions.revoke')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('sessions.revokeUserConfirm', { name: s.displayName })}
                okText={t('sessions.revokeUser')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={() => endAll(s)}
              >
                <Button
                  type="link"
                  danger
                  size="small"
                  aria-label={t('sessions.revokeUserLabel', { name: s.displayName })}
                >
                  {t('sessions.revokeUser')}
                </Button>
              </Popconfirm>
            </Space>
          );
        },
      },
    ];
  }, [t, tz, language, message, revoke, revokeUser, refetch]);

  return (
    <>
      <div className="page-header">
        <h1>{t('sessions.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('sessions.intro')}
      </Typography.Paragraph>
      <InfiniteTable<SessionView>
        label={t('sessions.title')}
        size="small"
        columns={columns}
        flexMinWidth={160}
        dropWhenNarrow={['created']}
        rows={list.items}
        total={list.total}
        hasMore={list.query.hasNextPage}
        fetching={list.query.isFetching}
        loadingMore={list.query.isFetchingNextPage}
        loading={pending}
        onLoadMore={list.loadMore}
        resetKey="sessions"
        emptyText={emptyText}
      />
    </>
  );
}
