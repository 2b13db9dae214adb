import { Badge, Button, Card, Tag, message } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { acknowledgeTask, acknowledgeUrge, type WorkItem, type WorkSection } from '../../api/workbench-api.ts';
import { dateLabel } from '../../lib/format.ts';
import { refreshWorkbench } from './workbench-store.ts';

const SHOWN = 8;

function overdueLabel(section: WorkSection['key']): string {
  if (section === 'receipts') return '签收超期';
  if (section === 'orders' || section === 'urges') return '回复超期';
  return '已逾期';
}

function ItemRow({ item, sectionKey, canSign }: { item: WorkItem; sectionKey: WorkSection['key']; canSign: boolean }) {
  const [busy, setBusy] = useState(false);
  const sign = async () => {
    if (!item.receipt) return;
    setBusy(true);
    try {
      if (item.receipt.kind === 'task') await acknowledgeTask(item.receipt.taskId);
      else await acknowledgeUrge(item.receipt.urgeId);
      void message.success('已签收');
      await refreshWorkbench();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={`wb-item ${item.done ? 'wb-item-done' : ''}`} data-testid="wb-item" data-key={item.key}>
      <div className="wb-item-main">
        <Link to={item.link} className="wb-item-title">{item.title}</Link>
        {item.detail && <div className="wb-item-detail muted">{item.detail}</div>}
      </div>
      <div className="wb-item-side">
        {item.overdue && <Tag color="red">{overdueLabel(sectionKey)}</Tag>}
        {item.done && <Tag color="green">已完成</Tag>}
        {!item.overdue && !item.done && item.dueOn && <span className="muted wb-item-detail">{sectionKey === 'receipts' ? '签收期限' : '期限'} {dateLabel(item.dueOn)}</span>}
        {canSign && item.receipt && (
          <Button size="small" type="primary" loading={busy} onClick={() => void sign()} data-testid="wb-sign">签收</Button>
        )}
      </div>
    </div>
  );
}

/** One 待办 list of the 工作台: its count is the number of its open items, each one click from its action. */
export function WorkSectionCard({ section, canSign, extra }: { section: WorkSection; canSign: boolean; extra?: ReactNode }) {
  const [all, setAll] = useState(false);
  const items = all ? section.items : section.items.slice(0, SHOWN);
  return (
    <Card
      size="small"
      id={`wb-${section.key}`}
      className="wb-section"
      data-testid={`wb-section-${section.key}`}
      title={
        <span>
          {section.title} <Badge count={section.count} overflowCount={999} showZero color={section.overdue ? '#cf1322' : section.count ? '#1f5fbf' : '#bfbfbf'} />
        </span>
      }
      extra={extra ?? (section.link ? <Link to={section.link}>全部</Link> : undefined)}
    >
      {section.items.length === 0 ? (
        <div className="wb-empty muted">暂无待办</div>
      ) : (
        <>
          {items.map((i) => <ItemRow key={i.key} item={i} sectionKey={section.key} canSign={canSign} />)}
          {section.items.length > SHOWN && (
            <div className="wb-more">
              <Button type="link" size="small" onClick={() => setAll(!all)}>{all ? '收起' : `展开全部 ${section.items.length} 项`}</Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}
