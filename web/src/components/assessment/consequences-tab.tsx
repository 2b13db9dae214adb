import { Alert, Badge } from 'antd';
import { Link } from 'react-router-dom';
import type { Results } from '../../api/assessment.ts';
import { ConsequenceCard } from './consequence-card.tsx';
import { ACTION_GROUPS } from './labels.ts';

/**
 * 后果: the consequences grouped by 约谈 / 不得评优 / 追责问责 under the plan's rules; a plan without
 * rules says so, and the office that may set them gets the link to 方案设置.
 */
export function ConsequencesTab({ results, manage = false }: { results: Results; manage?: boolean }) {
  if (results.rules === null) {
    return (
      <div className="assess-list" data-testid="consequences-tab">
        <Alert
          type="warning"
          showIcon
          title="本方案未设置考核规则"
          description={<>不计算约谈、不得评优、追责问责。{manage && <Link to={`/plans/${results.round.planId}?settings=rules`}>设置考核规则</Link>}</>}
        />
      </div>
    );
  }
  const known = new Set(ACTION_GROUPS.map((g) => g.action));
  const groups = [
    ...ACTION_GROUPS.map((g) => ({ ...g, items: results.consequences.filter((c) => c.action === g.action) })),
    // Rules a plan adds with other actions still show, under their own label.
    ...[...new Set(results.consequences.filter((c) => !known.has(c.action)).map((c) => c.action))].map((action) => {
      const items = results.consequences.filter((c) => c.action === action);
      return { action, title: items[0]?.actionLabel ?? action, color: 'default', items };
    }),
  ];
  const unranked = new Set(results.skipped.map((s) => `${s.subjectKind}:${s.subject}`)).size;
  return (
    <div className="assess-list" data-testid="consequences-tab">
      <Alert type="info" showIcon title={results.rules.label} description={results.rules.source ?? undefined} />
      {groups.map((g) => (
        <section key={g.action} data-testid={`consequence-group-${g.action}`}>
          <div className="assess-section-title">
            {g.title} <Badge count={g.items.length} showZero color={g.items.length ? undefined : '#bfbfbf'} />
          </div>
          {g.items.length === 0 ? (
            <div className="muted">无</div>
          ) : (
            <div className="assess-list">
              {g.items.map((c) => (
                <ConsequenceCard key={`${c.ruleId}-${c.subjectKind}-${c.subjectId}`} c={c} />
              ))}
            </div>
          )}
        </section>
      ))}
      {unranked > 0 && <div className="muted">另有 {unranked} 个指标或地区尚未录入排名，暂不计算后果。</div>}
    </div>
  );
}
