import { Button } from 'antd';
import { useState } from 'react';
import { BatchUrgeModal, type BatchTarget } from './batch-urge-modal.tsx';
import './workbench.css';

/**
 * The batch toolbar above a task list (预警, task lists): 催办 or 督办单 for the selected tasks, or for
 * every task the list shows (the way on a phone, where rows have no checkboxes).
 */
export function BatchBar({ planId, rowTaskIds, selected, onDone }: { planId: number; rowTaskIds: number[]; selected: number[]; onDone?: () => void }) {
  const [batch, setBatch] = useState<{ target: BatchTarget; kind: 'reminder' | 'order' } | null>(null);
  const open = (taskIds: number[], kind: 'reminder' | 'order') => setBatch({ target: { planId, taskIds }, kind });
  const ids = selected.length ? selected : rowTaskIds;
  const what = selected.length ? `所选 ${selected.length} 项` : `本列表全部 ${rowTaskIds.length} 项`;
  return (
    <div className="batch-bar" data-testid="batch-bar">
      <span className="muted">{what}：</span>
      <Button size="small" onClick={() => open(ids, 'reminder')} data-testid="batch-remind">批量催办</Button>
      <Button size="small" danger onClick={() => open(ids, 'order')} data-testid="batch-order">批量下发督办单</Button>
      <BatchUrgeModal target={batch?.target ?? null} kind={batch?.kind ?? 'reminder'} onClose={() => setBatch(null)} onDone={onDone} />
    </div>
  );
}
