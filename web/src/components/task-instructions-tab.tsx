import './cockpit/cockpit.css';
import { App, Button, Empty, Input, Select, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { answerInstruction, fetchTaskInstructions, writeInstruction, type Instruction } from '../api/cockpit-api.ts';
import type { TaskDetail } from '../api/models.ts';
import { useMe } from '../auth/auth-context.ts';
import { useApi } from '../hooks/use-api.ts';
import { dateTimeLabel } from '../lib/format.ts';
import { ErrorResult } from './error-result.tsx';
import { taskUnits } from './task-urges-tab.tsx';

function useSubmit(run: () => Promise<unknown>, done: string, after: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await run();
      void message.success(done);
      after();
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

/** A leader or the office writes an instruction; without units chosen it goes to the lead units. */
function InstructionForm({ task, onSaved }: { task: TaskDetail; onSaved: () => void }) {
  const [text, setText] = useState('');
  const [unitIds, setUnitIds] = useState<number[]>([]);
  const { busy, submit } = useSubmit(
    () => writeInstruction({ targetKind: 'task', targetId: task.id, text: text.trim(), unitIds: unitIds.length ? unitIds : undefined }),
    '批示已发出，相关单位已收到通知',
    () => { setText(''); setUnitIds([]); onSaved(); },
  );
  return (
    <div className="instruction-form" data-testid="instruction-form">
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder="批示内容" data-testid="instruction-text" />
      <div className="instruction-form-row">
        <Select
          mode="multiple"
          allowClear
          value={unitIds}
          onChange={setUnitIds}
          placeholder="落实单位（不选则为牵头单位）"
          options={taskUnits(task).map((u) => ({ value: u.id, label: `${u.name}（${u.role}）` }))}
          style={{ flex: 1, minWidth: 0 }}
        />
        <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void submit()} data-testid="instruction-submit">
          作出批示
        </Button>
      </div>
    </div>
  );
}

function AnswerBox({ instruction, onSaved }: { instruction: Instruction; onSaved: () => void }) {
  const [text, setText] = useState('');
  const { busy, submit } = useSubmit(() => answerInstruction(instruction.id, text.trim()), '已回复批示', () => { setText(''); onSaved(); });
  return (
    <div className="instruction-form-row">
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} placeholder="回复落实情况" data-testid="instruction-answer-text" />
      <Button type="primary" loading={busy} disabled={!text.trim()} onClick={() => void submit()} data-testid="instruction-answer-submit">
        回复
      </Button>
    </div>
  );
}

export function InstructionCard({ item, onSaved }: { item: Instruction; onSaved: () => void }) {
  return (
    <div className="instruction-card" data-testid="instruction-card">
      <div className="instruction-head">
        <Tag color="red">领导批示</Tag>
        <span>{item.author}</span>
        <span className="muted">{dateTimeLabel(item.createdAt)}</span>
      </div>
      <div className="instruction-text">{item.text}</div>
      <div className="muted">落实单位：{item.units.map((u) => u.name).join('、')}</div>
      {item.units.map((u) => {
        const answer = item.answers.find((a) => a.unitId === u.id);
        return (
          <div key={u.id} className="instruction-answer" data-testid="instruction-answer">
            <b>{u.name}</b>：{answer ? <>{answer.text} <span className="muted">（{dateTimeLabel(answer.answeredAt)}）</span></> : <Tag>未回复</Tag>}
          </div>
        );
      })}
      {item.mayAnswer && <AnswerBox instruction={item} onSaved={onSaved} />}
    </div>
  );
}

/** 领导批示 on a task: the instructions with each unit's answer; leaders and offices write, units answer. */
export function TaskInstructionsTab({ task }: { task: TaskDetail }) {
  const me = useMe();
  const list = useApi((signal) => fetchTaskInstructions(task.id, signal), [task.id]);
  if (list.error) return <ErrorResult error={list.error} />;
  const items = list.data ?? [];
  return (
    <div className="instructions" data-testid="task-instructions">
      {me.permissions.writeInstructions && <InstructionForm task={task} onSaved={list.reload} />}
      {list.loading && !list.data ? <Skeleton active /> : items.length === 0 ? <Empty description="暂无领导批示" /> : items.map((i) => <InstructionCard key={i.id} item={i} onSaved={list.reload} />)}
    </div>
  );
}
