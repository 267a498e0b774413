import { PlusOutlined } from '@ant-design/icons';
import { Button, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApproverHome, ToFileTile, UnstaffedCard } from '../approvals';
import { FinanceHome } from '../expenses';
import { FrontdeskHome, WalkInWarnings } from '../frontdesk';
import { HostHome, OfficeWeekTile } from '../requests';
import { SetupChecklistCard } from '../setup';
import { LockedTile } from '../users';
import { useSession, useSignedIn } from '../../session/SessionContext';
import './home.css';

/**
 * 工作台: one section per part of the reader's work, by what his roles let him do — the host's
 * requests, the approver's tasks, the admin office's week and stuck steps, the sysadmin's setup
 * checklist (until the company is set up) and locked accounts. Every number opens the list behind it.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const session = useSignedIn();
  const navigate = useNavigate();
  const user = session.user;
  const who = [
    user.departmentName,
    user.roles.map((r) => t(`roles.${r}`)).join(t('home.roleSeparator')),
  ].filter(Boolean);
  const office = user.roles.includes('admin_office');
  return (
    <div className="home">
      <div className="page-header">
        <div>
          <h1>{t('home.welcome', { name: user.displayName })}</h1>
          <Typography.Text type="secondary" data-testid="home-who">
            {who.join(' · ')}
          </Typography.Text>
        </div>
        {can('requests.create') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => void navigate('/requests/new')}
          >
            {t('home.newRequest')}
          </Button>
        )}
      </div>
      {can('settings.manage') && <SetupChecklistCard />}
      {can('approvals.decide') && <ApproverHome />}
      {can('expenses.finance') && <FinanceHome />}
      {can('frontdesk.desk') && <FrontdeskHome />}
      <WalkInWarnings />
      {can('requests.create') && <HostHome />}
      {(office || can('users.manage')) && (
        <section aria-labelledby="home-office" className="home-section">
          <h2 id="home-office">{t(office ? 'home.office.title' : 'home.admin.title')}</h2>
          <Row gutter={[16, 16]} align="stretch">
            {office && can('approvals.decide') && (
              <Col xs={24} sm={8}>
                <ToFileTile />
              </Col>
            )}
            {office && can('requests.readAll') && (
              <Col xs={24} sm={8}>
                <OfficeWeekTile />
              </Col>
            )}
            {can('users.manage') && (
              <Col xs={24} sm={8}>
                <LockedTile />
              </Col>
            )}
          </Row>
        </section>
      )}
      {can('approvals.reassign') && <UnstaffedCard />}
    </div>
  );
}
