import { WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import type { DraftTask, ImportWarning } from '../../api/imports.ts';
import { positionLabel, warningTaskSeq } from './draft-fields.ts';

const FOLDED = 8;

/** What the reader noticed, each with where it is in the file and a jump to the task it concerns. */
export function ImportWarnings({ warnings, tasks, fileName, onFocusTask }: { warnings: ImportWarning[]; tasks: DraftTask[]; fileName: string; onFocusTask: (seq: number) => void }) {
  const [all, setAll] = useState(false);
  if (warnings.length === 0) return <div className="muted">没有识别警告。</div>;
  const shown = all ? warnings : warnings.slice(0, FOLDED);
  return (
    <div className="import-warnings" data-testid="import-warnings">
      <ul className="import-warning-list">
        {shown.map((w, i) => {
          const seq = warningTaskSeq(w.message, w.ref, tasks);
          const where = positionLabel(w.ref);
          const task = seq === undefined ? undefined : tasks.find((t) => t.seq === seq);
          return (
            <li key={i} className="import-warning">
              <WarningOutlined className="import-warning-icon" />
              <div className="import-warning-body">
                <div>{w.message}</div>
                {w.excerpt && (
                  <blockquote className="import-warning-excerpt" data-testid="warning-excerpt" title={`原文件“${fileName}”${where ?? ''}中的文字`}>
                    {w.excerpt}
                  </blockquote>
                )}
                <div className="import-warning-refs">
                  {where && (
                    <Tag className="import-warning-pos" title={`原文件“${fileName}”${where}`}>
                      原文 {where}
                    </Tag>
                  )}
                  {task && (
                    <Button type="link" size="small" className="import-warning-task" onClick={() => onFocusTask(task.seq)}>
                      查看任务 {task.seq_cn ?? task.seq}
                    </Button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {warnings.length > FOLDED && (
        <Button type="link" size="small" onClick={() => setAll((v) => !v)}>
          {all ? '收起' : `展开全部 ${warnings.length} 条`}
        </Button>
      )}
    </div>
  );
}
