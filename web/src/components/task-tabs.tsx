import { EditOutlined } from '@ant-design/icons';
import { Button, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { TaskDetail } from '../api/models.ts';
import { useIsMobile } from '../hooks/use-is-mobile.ts';
import { TaskDetailView } from './task-detail.tsx';
import { TaskEditModal } from './task-edit-modal.tsx';
import { TaskExtensionsTab } from './task-extensions-tab.tsx';
import { TaskInstructionsTab } from './task-instructions-tab.tsx';
import { TaskReportsTab } from './task-reports-tab.tsx';
import { TaskTimelineTab } from './task-timeline-tab.tsx';
import { TaskUrgesTab } from './task-urges-tab.tsx';

export type TaskTabKey = 'detail' | 'reports' | 'timeline' | 'urges' | 'extensions' | 'instructions';

/** The task with its supervision record: 详情, 进展报告, 时间线, 催办/督办, 延期 (each loads when opened). */
export function TaskTabs({ task, onChanged }: { task: TaskDetail; onChanged?: () => void }) {
  const mobile = useIsMobile();
  const [editing, setEditing] = useState(false);
  // A 领导批示 notification links to ?tab=instructions.
  const [params] = useSearchParams();
  const editable = !!task.permissions?.edit && !!onChanged;
  return (
    <>
      <Tabs
        tabBarExtraContent={editable ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>编辑任务</Button> : undefined}
        className="task-tabs"
        defaultActiveKey={params.get('tab') === 'instructions' ? 'instructions' : 'detail'}
        size="small"
        tabBarGutter={mobile ? 20 : undefined}
        items={[
          { key: 'detail', label: '详情', children: <TaskDetailView task={task} /> },
          { key: 'reports', label: '进展报告', children: <TaskReportsTab task={task} /> },
          { key: 'timeline', label: '时间线', children: <TaskTimelineTab taskId={task.id} /> },
          { key: 'urges', label: mobile ? '督办' : '催办/督办', children: <TaskUrgesTab task={task} /> },
          { key: 'extensions', label: '延期', children: <TaskExtensionsTab task={task} /> },
          { key: 'instructions', label: '批示', children: <TaskInstructionsTab task={task} /> },
        ]}
      />
      {editable && onChanged && <TaskEditModal task={task} open={editing} onClose={() => setEditing(false)} onSaved={onChanged} />}
    </>
  );
}
