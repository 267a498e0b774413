import { CheckSquareOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { UnstaffedCard, useApprovalCount } from '../approvals';
import { useSession, useSignedIn } from '../../session/SessionContext';

export function HomePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const session = useSignedIn();
  const navigate = useNavigate();
  const toApprove = useApprovalCount(can('approvals.decide'));
  return (
    <>
      <div className="page-header">
        <h1>{t('home.welcome', { name: session.user.displayName })}</h1>
      </div>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('account.roles')}>
            {session.user.roles.map((r) => (
              <Tag key={r} color="cyan">
                {t(`roles.${r}`)}
              </Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={t('account.department')}>
            {session.user.departmentName ?? t('common.none')}
          </Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          {can('requests.create') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate('/requests/new')}
            >
              {t('home.newRequest')}
            </Button>
          )}
          {can('approvals.decide') && (
            <Badge count={toApprove} size="small">
              <Button icon={<CheckSquareOutlined />} onClick={() => void navigate('/approvals')}>
                {t('nav.approvals')}
              </Button>
            </Badge>
          )}
          {can('requests.readAll') && (
            <Button icon={<UnorderedListOutlined />} onClick={() => void navigate('/requests/all')}>
              {t('nav.allRequests')}
            </Button>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('home.intro')}
        </Typography.Paragraph>
      </Card>
      {can('approvals.reassign') && <UnstaffedCard />}
    </>
  );
}
