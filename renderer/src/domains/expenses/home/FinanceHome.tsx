import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ListTotal } from '../../../../../shared/contract/types';
import { useErrorToast, useOp } from '../../../api/queries';
import { CountTile } from '../../../components/CountTile';

const LIMIT = 100;

/** A page's rows as a count, "100+" when there are more. */
function countOf(page: { items: unknown[]; next: unknown } | undefined): ListTotal | null {
  if (!page) return null;
  return { count: page.items.length, atLeast: page.next !== null };
}

/**
 * Finance's part of the home page: reconciliations waiting in its queue, approved advances to
 * hand out, and advances handed out but not yet cleared. Each number opens its list.
 */
export function FinanceHome() {
  const { t } = useTranslation();
  const queue = useOp('expenses.reconciliations', { status: 'approving', limit: LIMIT });
  const toIssue = useOp('expenses.advances', { status: 'approved', limit: LIMIT });
  const issued = useOp('expenses.advances', { status: 'issued', limit: LIMIT });
  useErrorToast(queue.error ?? toIssue.error ?? issued.error);
  const atFinance = queue.data
    ? {
        count: queue.data.items.filter((r) => r.waitingOn === 'finance').length,
        atLeast: queue.data.next !== null,
      }
    : null;
  return (
    <section aria-labelledby="home-finance" className="home-section">
      <h2 id="home-finance">{t('expensesHome.title')}</h2>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={8}>
          <CountTile
            label={t('expensesHome.toVerify')}
            count={atFinance}
            to="/finance"
            tone="attention"
            testId="tile-finance-verify"
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountTile
            label={t('expensesHome.toIssue')}
            count={countOf(toIssue.data)}
            to="/finance/advances"
            tone="attention"
            testId="tile-finance-issue"
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountTile
            label={t('expensesHome.outstanding')}
            count={countOf(issued.data)}
            to="/finance/advances?status=issued"
            testId="tile-finance-outstanding"
          />
        </Col>
      </Row>
    </section>
  );
}
