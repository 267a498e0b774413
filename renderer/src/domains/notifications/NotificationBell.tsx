import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, List, Popover, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationView } from '../../../../shared/contract/types';
import type { Language } from '../../../../shared/i18n/translate';
import { targetPath } from '../../../../shared/notifications/target';
import { useOp, useOpMutation } from '../../api/queries';
import { formatInstant } from '../../format';
import { useSignedIn } from '../../session/SessionContext';
import './notifications.css';

/**
 * The bell: the newest notifications, unread in bold. Clicking one opens what it is about (the
 * request, the users page …) and marks it read; the check marks one read where it is; "mark all
 * read" reaches every unread one, however old. The badge counts unread only.
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const session = useSignedIn();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  // A new notification invalidates the list (see EVENT_INVALIDATIONS) and it reads again.
  const list = useOp('notifications.list', {});
  const items: NotificationView[] = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  const markRead = useOpMutation('notifications.markRead', { invalidates: ['notifications.list'] });
  const markAll = useOpMutation('notifications.markAllRead', {
    invalidates: ['notifications.list'],
  });

  const read = (n: NotificationView) => {
    if (n.readAtMs === null) void markRead.mutateAsync({ ids: [n.id] });
  };
  const openItem = (n: NotificationView) => {
    read(n);
    const path = targetPath(n.target);
    if (path) {
      setOpen(false);
      void navigate(path);
    }
  };

  const content = (
    <div className="notification-panel">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(n) => {
            const path = targetPath(n.target);
            const title = t(n.titleKey, n.params);
            return (
              <List.Item
                className={n.readAtMs === null ? 'notification unread' : 'notification'}
                data-testid="notification"
                actions={
                  n.readAtMs === null
                    ? [
                        <Tooltip key="read" title={t('notifications.markRead')}>
                          <Button
                            type="text"
                            size="small"
                            icon={<CheckOutlined />}
                            aria-label={t('notifications.markRead')}
                            onClick={() => read(n)}
                          />
                        </Tooltip>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    path ? (
                      <button
                        type="button"
                        className="notification-open"
                        onClick={() => openItem(n)}
                        title={t('notifications.open')}
                      >
                        {title}
                      </button>
                    ) : (
                      <span className="notification-text">{title}</span>
                    )
                  }
                  description={formatInstant(
                    n.createdAtMs,
                    session.settings.timeZone,
                    i18n.language as Language,
                  )}
                />
              </List.Item>
            );
          }}
        />
      )}
      {unread > 0 && (
        <Button type="link" block onClick={() => void markAll.mutateAsync({})}>
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
      open={open}
      onOpenChange={setOpen}
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
