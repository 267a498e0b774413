import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../../shared/contract/types';
import type { Language } from '../../../../shared/i18n/translate';
import { useOp, useOpMutation } from '../../api/queries';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  // A new notification invalidates the list (see EVENT_INVALIDATIONS) and it reads again.
  const list = useOp('notifications.list', {});
  const items: NotificationView[] = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const markRead = useOpMutation('notifications.markRead', { invalidates: ['notifications.list'] });

  const markAll = async () => {
    const ids = items.filter((n) => n.readAtMs === null).map((n) => n.id);
    await markRead.mutateAsync({ ids });
  };

  const content = (
    <div style={{ width: 340 }}>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Typography.Text strong={n.readAtMs === null}>
                    {t(n.titleKey, n.params)}
                  </Typography.Text>
                }
                description={formatInstant(
                  n.createdAtMs,
                  session.settings.timeZone,
                  i18n.language as Language,
                )}
              />
            </List.Item>
          )}
        />
      )}
      {unread > 0 && (
        <Button type="link" block onClick={() => void markAll()}>
          {t('notifications.markAllRead')}
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      title={t('notifications.title')}
      trigger="click"
      placement="bottomRight"
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('nav.notifications')}
          data-testid="bell"
        />
      </Badge>
    </Popover>
  );
}
