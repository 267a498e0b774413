import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../session/SessionContext';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSignedIn();
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
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('home.intro')}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
