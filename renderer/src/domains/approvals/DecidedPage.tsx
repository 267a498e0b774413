import { Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DecidedStep } from '../../../../shared/approvals';
import type { Language } from '../../../../shared/i18n/translate';
import { targetPath } from '../../../../shared/notifications';
import { useErrorToast, useInfiniteOp, type PageInput } from '../../api/queries';
import { InfiniteTable } from '../../components/InfiniteTable';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import { StepStatusTag } from '../requests';

/** Rows per page read as the list scrolls. */
const PAGE_SIZE = 100;
const INPUT: PageInput<'approvals.decided'> = { limit: PAGE_SIZE };

/**
 * 已处理: what the reader decided, newest first, with the decision and its reason, each row
 * opening its request. Read a page at a time as the reader scrolls.
 */
export function DecidedPage() {
  const { t, i18n } = useTranslation();
  const tz = useSignedIn().settings.timeZone;
  const language = i18n.language as Language;
  const list = useInfiniteOp('approvals.decided', INPUT);
  useErrorToast(list.query.error);
  const pending = list.query.isPending;
  const emptyText = useMemo(() => (pending ? <span /> : t('decided.empty')), [pending, t]);

  const columns = useMemo(
    (): TableColumnsType<DecidedStep> => [
      {
        title: t('decided.time'),
        dataIndex: 'decidedAtMs',
        width: 150,
        render: (ms: number) => formatInstant(ms, tz, language),
      },
      {
        title: t('decided.request'),
        key: 'code',
        width: 150,
        render: (_, s) => {
          const path = targetPath(s.target);
          return path ? <Link to={path}>{s.code}</Link> : s.code;
        },
      },
      { title: t('decided.org'), dataIndex: 'org', key: 'org' },
      {
        title: t('decided.step'),
        key: 'step',
        width: 140,
        render: (_, s) => (
          <>
            {t(`labels.stepKind.${s.kind}`)}
            {s.onBehalfOfName && (
              <div>
                <Typography.Text type="secondary">
                  {t('decided.onBehalf', { name: s.onBehalfOfName })}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      },
      {
        title: t('decided.decision'),
        key: 'decision',
        width: 100,
        render: (_, s) => <StepStatusTag status={s.status} kind={s.kind} />,
      },
      {
        title: t('decided.comment'),
        dataIndex: 'comment',
        key: 'comment',
      },
    ],
    [t, tz, language],
  );

  return (
    <>
      <div className="page-header">
        <h1>{t('decided.title')}</h1>
      </div>
      <Typography.Paragraph type="secondary">{t('decided.intro')}</Typography.Paragraph>
      <InfiniteTable<DecidedStep>
        label={t('decided.title')}
        size="small"
        columns={columns}
        flexMinWidth={160}
        dropWhenNarrow={['comment']}
        rows={list.items}
        total={list.total}
        hasMore={list.query.hasNextPage}
        fetching={list.query.isFetching}
        loadingMore={list.query.isFetchingNextPage}
        loading={pending}
        onLoadMore={list.loadMore}
        resetKey="decided"
        emptyText={emptyText}
      />
    </>
  );
}
