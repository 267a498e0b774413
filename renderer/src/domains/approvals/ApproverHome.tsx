import { Card, Col, Empty, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isFilingStep, stepAge, type InboxItem } from '../../../../shared/approvals';
import { targetPath } from '../../../../shared/notifications';
import { useErrorToast, useOp } from '../../api/queries';
import { CountTile } from '../../components/CountTile';
import { useNow } from '../../components/useNow';
import { StepStatusTag } from '../requests';
import { WaitingTag } from './InboxPage';

const SHOWN = 5;

/** The oldest wait among the tasks (the hint under 待我审批). */
function oldestSince(items: readonly InboxItem[]): number | null {
  const since = items.flatMap((i) =>
    i.step.pendingSinceMs === null ? [] : [i.step.pendingSinceMs],
  );
  return since.length ? Math.min(...since) : null;
}

/**
 * An approver's part of the home page: what waits for him (with how long), what he decided
 * lately. Each number opens its list.
 */
export function ApproverHome() {
  const { t } = useTranslation();
  const now = useNow();
  const inbox = useOp('approvals.inbox', {});
  const decided = useOp('approvals.decided', { limit: SHOWN });
  useErrorToast(inbox.error ?? decided.error);
  const items = inbox.data;
  const oldest = items ? oldestSince(items) : null;
  const age = oldest === null ? null : stepAge(oldest, now);
  return (
    <section aria-labelledby="home-approver" className="home-section">
      <h2 id="home-approver">{t('home.approver.title')}</h2>
      <Row gutter={[16, 16]} align="stretch">
        <Col xs={24} sm={8}>
          <CountTile
            label={t('home.approver.waiting')}
            count={items?.length ?? null}
            to="/approvals"
            hint={
              age
                ? t('home.approver.oldest', { age: t(`waiting.${age.unit}`, { count: age.count }) })
                : undefined
            }
            tone={age?.overdue ? 'attention' : 'normal'}
            testId="tile-waiting"
          />
        </Col>
        <Col xs={24} sm={8}>
          <CountTile
            label={t('decided.title')}
            count={decided.data?.total ?? null}
            to="/approvals/decided"
            testId="tile-decided"
          />
        </Col>
      </Row>
      <Row gutter={[16, 16]} className="home-list">
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('home.approver.waitingList')}
            extra={<Link to="/approvals">{t('home.all')}</Link>}
          >
            {items === undefined ? (
              <List loading dataSource={[]} />
            ) : items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.approver.none')} />
            ) : (
              <List
                size="small"
                dataSource={items.slice(0, SHOWN)}
                renderItem={(i) => (
                  <List.Item key={i.step.id}>
                    <div className="home-row">
                      <Link to={`/requests/${i.request.id}`}>{i.request.code}</Link>
                      <Typography.Text ellipsis className="home-row-org">
                        <bdi>{i.request.orgName}</bdi>
                      </Typography.Text>
                      <span>{t(`labels.stepKind.${i.step.kind}`)}</span>
                      {i.step.pendingSinceMs !== null && (
                        <WaitingTag sinceMs={i.step.pendingSinceMs} />
                      )}
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('home.approver.recent')}
            extra={<Link to="/approvals/decided">{t('home.all')}</Link>}
          >
            {decided.data === undefined ? (
              <List loading dataSource={[]} />
            ) : decided.data.items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('decided.empty')} />
            ) : (
              <List
                size="small"
                dataSource={decided.data.items}
                renderItem={(s) => (
                  <List.Item key={s.id}>
                    <div className="home-row">
                      <Link to={targetPath(s.target) ?? '/approvals/decided'}>{s.code}</Link>
                      <Typography.Text ellipsis className="home-row-org">
                        <bdi>{s.org}</bdi>
                      </Typography.Text>
                      <StepStatusTag status={s.status} kind={s.kind} />
                    </div>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
    </section>
  );
}

/** The admin office's 待备案: approved requests whose filing step waits (opens the inbox so). */
export function ToFileTile() {
  const { t } = useTranslation();
  // The same read as the inbox's: one request for both.
  const inbox = useOp('approvals.inbox', {});
  useErrorToast(inbox.error);
  return (
    <CountTile
      label={t('home.approver.toFile')}
      count={inbox.data ? inbox.data.filter((i) => isFilingStep(i.step.kind)).length : null}
      to="/approvals?kind=filing"
      testId="tile-to-file"
    />
  );
}
