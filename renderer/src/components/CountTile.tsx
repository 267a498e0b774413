import { Card, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListTotal } from '../../../shared/contract/types';
import './countTile.css';

/**
 * A number on the home page that opens the list behind it: the whole tile is one link, so the
 * keyboard reaches it with one Tab and a screen reader reads "草稿 3" as its name.
 */
export function CountTile({
  label,
  count,
  to,
  hint,
  tone = 'normal',
  testId,
}: {
  label: string;
  /** null while loading. A number, or a capped total ("1,000+"). */
  count: number | ListTotal | null;
  to: string;
  hint?: ReactNode;
  /** `attention`: something waits on the reader (returned requests, overdue approvals). */
  tone?: 'normal' | 'attention';
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const n = count === null ? null : typeof count === 'number' ? { count, atLeast: false } : count;
  const shown =
    n === null ? null : `${n.count.toLocaleString(i18n.language)}${n.atLeast ? '+' : ''}`;
  const active = tone === 'attention' && n !== null && n.count > 0;
  return (
    <Link to={to} className="count-tile-link" data-testid={testId}>
      <Card size="small" className={`count-tile${active ? ' count-tile-attention' : ''}`} hoverable>
        <div className="count-tile-label">{label}</div>
        {shown === null ? (
          <Skeleton.Button active size="small" />
        ) : (
          <div className="count-tile-number" data-testid={testId && `${testId}-count`}>
            {shown}
          </div>
        )}
        {hint && <div className="count-tile-hint">{hint}</div>}
      </Card>
    </Link>
  );
}
