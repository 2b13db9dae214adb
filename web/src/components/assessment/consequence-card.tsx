import { Card, Tag } from 'antd';
import type { Consequence } from '../../api/assessment.ts';
import { SUBJECT_LABELS, actionColor, actionTitle } from './labels.ts';

/** One consequence: the subject and its rank, the rule quoted with its source, the units and persons. */
export function ConsequenceCard({ c, showAction = false }: { c: Consequence; showAction?: boolean }) {
  return (
    <Card size="small" className={`assess-consequence assess-consequence-${c.action}`} data-testid="consequence">
      <div className="assess-consequence-head">
        {showAction && <Tag color={actionColor(c.action)}>{actionTitle(c.action, c.actionLabel)}</Tag>}
        <Tag>{SUBJECT_LABELS[c.subjectKind] ?? c.subjectKind}</Tag>
        <span className="assess-consequence-subject">{c.subject}</span>
        <span>
          全省第 <b>{c.rank}</b> 名 / {c.total}
        </span>
        <span className="muted">{c.condition}</span>
      </div>
      {c.quote && (
        <blockquote className="assess-quote">
          “{c.quote}”{c.source && <span className="assess-quote-source">—— {c.source}</span>}
        </blockquote>
      )}
      <div className="assess-tags" data-testid="consequence-units">
        <span className="muted">涉及单位：</span>
        {c.units.map((u) => (
          <Tag key={`${u.id ?? ''}-${u.name}`}>{u.name}</Tag>
        ))}
      </div>
      {c.persons.length > 0 && (
        <div className="assess-tags" style={{ marginTop: 4 }}>
          <span className="muted">问责对象：</span>
          {c.persons.map((p) => (
            <Tag key={p} color="red">
              {p}
            </Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
