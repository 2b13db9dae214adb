import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Popover } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fetchNotifications, markNotificationRead } from '../api/activity.ts';
import type { Notification } from '../api/models.ts';
import { useApi } from '../hooks/use-api.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { dateTimeLabel } from '../lib/format.ts';

const POLL_MS = 60_000;
const SHOWN = 8;

/** The header bell: unread count, the latest messages; a message opens its link and is marked read. */
export function InboxBell() {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { data, reload } = useApi((signal) => fetchNotifications(signal), []);

  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const items = data?.items.slice(0, SHOWN) ?? [];
  const unread = data?.unread ?? 0;

  const openItem = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) {
      try {
        await markNotificationRead(n.id);
      } catch {
        // Marking read is a courtesy; the link still opens.
      }
      reload();
    }
    if (n.link) void navigate(n.link);
  };
  const readAll = async () => {
    await Promise.allSettled((data?.items ?? []).filter((n) => !n.readAt).map((n) => markNotificationRead(n.id)));
    reload();
  };

  const content = (
    <div className="inbox" data-testid="inbox">
      <div className="inbox-head">
        <b>消息</b>
        {unread > 0 && (
          <Button type="link" size="small" onClick={() => void readAll()}>
            全部标为已读
          </Button>
        )}
      </div>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" />
      ) : (
        <ul className="inbox-list">
          {items.map((n) => (
            <li key={n.id}>
              <button type="button" className={`inbox-item ${n.readAt ? '' : 'unread'}`} onClick={() => void openItem(n)}>
                <div className="inbox-title">
                  {!n.readAt && <span className="inbox-dot" />}
                  {n.title}
                </div>
                <div className="inbox-body clamp clamp-2">{n.body}</div>
                <div className="muted inbox-at">{dateTimeLabel(n.createdAt)}</div>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) reload();
      }}
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 0, width: mobile ? 'calc(100vw - 16px)' : 360 } }}
    >
      <button type="button" className="inbox-trigger" aria-label={`消息，${unread} 条未读`} data-testid="inbox-bell">
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined className="inbox-icon" />
        </Badge>
      </button>
    </Popover>
  );
}
