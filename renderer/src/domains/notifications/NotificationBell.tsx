import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '../../../../shared/contract/types';
import type { Language } from '../../../../shared/i18n/translate';
import { call, subscribe } from '../../api/client';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const [items, setItems] = useState<NotificationView[]>([]);
  const [unread, setUnread] = useState(0);

  const load = useCallback(
    () =>
      call('notifications.list', {}).then((r) => {
        if (r.ok) {
          setItems(r.value.items);
          setUnread(r.value.unread);
        }
      }),
    [],
  );

  useEffect(() => {
    void load();
    return subscribe('notifications.created', ({ notification }) => {
      setItems((list) =>
        [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, 50),
      );
      setUnread((n) => n + 1);
    });
  }, [load, session.user.id]);

  const markAll = async () => {
    const ids = items.filter((n) => n.readAtMs === null).map((n) => n.id);
    const r = await call('notifications.markRead', { ids });
    if (r.ok) await load();
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
