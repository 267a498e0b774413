import { Alert, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WalkInView } from '../../../../../shared/frontdesk/views';
import { useOp } from '../../../api/queries';

/**
 * The host's home: walk-ins waiting for his answer, and accepted ones whose retroactive request
 * (事后补办) he has not completed yet — each a warning that leads to its page. Nothing when none.
 */
export function WalkInWarnings() {
  const { t } = useTranslation();
  const mine = useOp('frontdesk.myWalkIns', {});
  const waiting = mine.data?.waiting ?? [];
  const owed = mine.data?.toComplete ?? [];
  if (waiting.length + owed.length === 0) return null;
  const h = (key: string, w: WalkInView) =>
    t(`frontdeskWalkIn.home.${key}`, { org: w.orgName || t('frontdeskWalkIn.home.noOrg') });
  return (
    <section aria-labelledby="home-walk-ins" className="home-section" data-testid="home-walk-ins">
      <h2 id="home-walk-ins">{t('frontdeskWalkIn.home.title')}</h2>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {waiting.map((w) => (
          <Alert
            key={`w${w.id}`}
            type="warning"
            showIcon
            title={h('waiting', w)}
            action={<Link to={`/walk-ins/${w.id}`}>{t('frontdeskWalkIn.home.open')}</Link>}
          />
        ))}
        {owed.map((w) => (
          <Alert
            key={`c${w.id}`}
            type="warning"
            showIcon
            title={h('toComplete', w)}
            action={<Link to={`/walk-ins/${w.id}`}>{t('frontdeskWalkIn.home.open')}</Link>}
          />
        ))}
      </Space>
    </section>
  );
}
