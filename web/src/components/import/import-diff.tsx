import { Button, Checkbox, Empty, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import type { ApplyChoice, ImportDiff } from '../../api/imports.ts';
import { FIELD_LABELS, diffValueLabel } from './draft-fields.ts';

type Kind = 'added' | 'changed' | 'removed';

const TITLES: Record<Kind, string> = { added: '新增任务', changed: '变更任务', removed: '删除任务' };

function Group({ kind, seqs, selected, onToggleAll, children }: { kind: Kind; seqs: number[]; selected: Set<number>; onToggleAll: (on: boolean) => void; children: ReactNode }) {
  const all = seqs.length > 0 && seqs.every((s) => selected.has(s));
  const some = seqs.some((s) => selected.has(s));
  return (
    <section className={`diff-group diff-${kind}`} data-testid={`diff-${kind}`}>
      <div className="diff-group-head">
        <Checkbox checked={all} indeterminate={some && !all} disabled={seqs.length === 0} onChange={(e) => onToggleAll(e.target.checked)}>
          <span className="diff-group-title">
            {TITLES[kind]}（{seqs.length}）
          </span>
        </Checkbox>
      </div>
      {seqs.length === 0 ? <div className="muted diff-none">无</div> : <ul className="diff-list">{children}</ul>}
    </section>
  );
}

/**
 * A revised document against the stored plan: added, changed (field by field, from → to) and removed
 * tasks, each with a checkbox; 应用所选修改 passes the chosen sequence numbers up.
 */
export function ImportDiffView({ diff, busy, onApply }: { diff: ImportDiff; busy: boolean; onApply: (choice: Omit<ApplyChoice, 'force' | 'unitMapping'>) => void }) {
  const [added, setAdded] = useState(() => new Set(diff.added.map((t) => t.seq)));
  const [changed, setChanged] = useState(() => new Set(diff.changed.map((t) => t.seq)));
  const [removed, setRemoved] = useState(() => new Set(diff.removed.map((t) => t.seq)));
  const toggle = (set: Set<number>, update: (s: Set<number>) => void, seq: number, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(seq);
    else next.delete(seq);
    update(next);
  };
  const total = added.size + changed.size + removed.size;
  const nothing = diff.added.length + diff.changed.length + diff.removed.length === 0;

  if (nothing) return <Empty description={`修订稿与现有方案一致（${diff.unchanged} 项任务未变化）`} />;
  return (
    <div className="import-diff" data-testid="import-diff">
      <div className="muted">另有 {diff.unchanged} 项任务未变化。勾选要应用到方案的修改：</div>
      <Group kind="added" seqs={diff.added.map((t) => t.seq)} selected={added} onToggleAll={(on) => setAdded(new Set(on ? diff.added.map((t) => t.seq) : []))}>
        {diff.added.map((t) => (
          <li key={t.seq} className="diff-item">
            <Checkbox checked={added.has(t.seq)} onChange={(e) => toggle(added, setAdded, t.seq, e.target.checked)} aria-label={`新增任务 ${t.seq}`} />
            <div className="diff-item-body">
              <div className="diff-item-head">
                <Tag color="green">新增</Tag>序号 {t.seq}
              </div>
              <div className="diff-text">{t.text}</div>
              <div className="muted diff-meta">
                {[t.leadUnits.join('、'), t.deadlineRaw ?? t.deadline].filter(Boolean).join(' · ')}
              </div>
            </div>
          </li>
        ))}
      </Group>
      <Group kind="changed" seqs={diff.changed.map((t) => t.seq)} selected={changed} onToggleAll={(on) => setChanged(new Set(on ? diff.changed.map((t) => t.seq) : []))}>
        {diff.changed.map((t) => (
          <li key={t.seq} className="diff-item">
            <Checkbox checked={changed.has(t.seq)} onChange={(e) => toggle(changed, setChanged, t.seq, e.target.checked)} aria-label={`变更任务 ${t.seq}`} />
            <div className="diff-item-body">
              <div className="diff-item-head">
                <Tag color="blue">变更</Tag>序号 {t.previousSeq === t.seq ? t.seq : `${t.previousSeq} → ${t.seq}`}
              </div>
              {!('text' in t.fields) && <div className="diff-text clamp clamp-2">{t.text}</div>}
              <dl className="diff-fields">
                {Object.entries(t.fields).map(([field, change]) => (
                  <div key={field} className={`diff-field${diffValueLabel(change.to).length + diffValueLabel(change.from).length > 60 ? ' diff-field-long' : ''}`}>
                    <dt>{FIELD_LABELS[field] ?? field}</dt>
                    <dd>
                      <del className="diff-from">{diffValueLabel(change.from)}</del>
                      <span className="diff-arrow">→</span>
                      <ins className="diff-to">{diffValueLabel(change.to)}</ins>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          </li>
        ))}
      </Group>
      <Group kind="removed" seqs={diff.removed.map((t) => t.seq)} selected={removed} onToggleAll={(on) => setRemoved(new Set(on ? diff.removed.map((t) => t.seq) : []))}>
        {diff.removed.map((t) => (
          <li key={t.seq} className="diff-item">
            <Checkbox checked={removed.has(t.seq)} onChange={(e) => toggle(removed, setRemoved, t.seq, e.target.checked)} aria-label={`删除任务 ${t.seq}`} />
            <div className="diff-item-body">
              <div className="diff-item-head">
                <Tag color="red">删除</Tag>序号 {t.seq}
                {t.reportCount > 0 && <Tag color="orange">已有 {t.reportCount} 条进展报告</Tag>}
              </div>
              <div className="diff-text diff-removed-text">{t.text}</div>
            </div>
          </li>
        ))}
      </Group>
      <div className="diff-actions">
        <Button
          type="primary"
          loading={busy}
          disabled={total === 0}
          data-testid="apply-diff"
          onClick={() => onApply({ added: [...added], changed: [...changed], removed: [...removed] })}
        >
          应用所选修改（{total}）
        </Button>
      </div>
    </div>
  );
}
