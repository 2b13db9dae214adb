import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { PracticeNote } from '../../api/documents.ts';
import { deletePracticeNote, fetchPracticeNotes } from '../../api/documents.ts';
import { useApi } from '../../hooks/use-api.ts';
import { NOTE_GROUPS } from './labels.ts';
import type { PeriodType } from './labels.ts';
import { PracticeNoteModal } from './practice-note-modal.tsx';
import { PeriodPicker } from './period-picker.tsx';

const NOTE_PERIODS: PeriodType[] = ['month', 'quarter', 'half', 'year'];

function NoteItem({ note, canEdit, onEdit, onDeleted }: { note: PracticeNote; canEdit: boolean; onEdit: () => void; onDeleted: () => void }) {
  const { message } = App.useApp();
  const who = note.region?.name ?? note.unit?.name;
  return (
    <li className="doc-note" data-testid="note-item" data-note-id={note.id}>
      <div className="doc-note-text">
        {who && <Tag className="doc-note-who">{who}</Tag>}
        {note.text}
      </div>
      {canEdit && (
        <div className="doc-note-actions">
          <Button size="small" type="text" icon={<EditOutlined />} aria-label="修改" onClick={onEdit} data-testid="note-edit" />
          <Popconfirm
            title="删除这条做法？"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void (async () => {
              try {
                await deletePracticeNote(note.id);
                void message.success('已删除');
                onDeleted();
              } catch (e) {
                void message.error(errorMessage(e));
              }
            })()}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" data-testid="note-delete" />
          </Popconfirm>
        </div>
      )}
    </li>
  );
}

/** 典型做法 of a plan and period, grouped 县市区 / 市直部门 / 战术借鉴: the material of the 工作专报. */
export function PracticeNotes({ planId, period, onPeriod, canEdit }: { planId: number; period: string; onPeriod: (p: string) => void; canEdit: boolean }) {
  const { message } = App.useApp();
  const notes = useApi((signal) => fetchPracticeNotes(planId, period, signal), [planId, period]);
  const [editing, setEditing] = useState<PracticeNote | null | undefined>(undefined);
  const items = notes.data?.items ?? [];
  return (
    <div className="doc-notes" data-testid="practice-notes">
      <div className="doc-notes-bar">
        <PeriodPicker value={period} onChange={onPeriod} typeChoices={NOTE_PERIODS} testId="notes-period" />
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="note-add">
            录入做法
          </Button>
        )}
      </div>
      <div className="muted">生成该期间的工作专报时，按分组编入“战斗动态”。</div>
      {notes.error ? <Alert type="error" showIcon title={errorMessage(notes.error)} /> : null}
      {!notes.data && notes.loading ? (
        <Skeleton active />
      ) : (
        NOTE_GROUPS.map((g) => {
          const rows = items.filter((n) => n.group === g.value);
          return (
            <Card key={g.value} size="small" title={`${g.label}（${rows.length}）`} data-testid={`notes-${g.value}`}>
              {rows.length ? (
                <ul className="doc-note-list">
                  {rows.map((n) => (
                    <NoteItem key={n.id} note={n} canEdit={canEdit} onEdit={() => setEditing(n)} onDeleted={notes.reload} />
                  ))}
                </ul>
              ) : (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" />
              )}
            </Card>
          );
        })
      )}
      <PracticeNoteModal
        planId={planId}
        open={editing !== undefined}
        note={editing ?? null}
        period={period}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          void message.success(editing ? '已保存修改' : '已录入');
          setEditing(undefined);
          notes.reload();
        }}
      />
    </div>
  );
}
