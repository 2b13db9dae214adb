import { Button, Card, List, Space, Tag, message } from 'antd';
import { Link } from 'react-router-dom';
import { linkCase, type CaseDetail } from '../../api/cases-api.ts';
import { errorMessage } from '../../api/client.ts';

/** The plan tasks the problem concerns, and (for the office) the suggestions with their reasons. */
export function CaseLinksCard({ detail, office, onChanged }: { detail: CaseDetail; office: boolean; onChanged: (d: CaseDetail) => void }) {
  const c = detail.case;
  const link = async (taskIds: number[]) => {
    try {
      onChanged(await linkCase(c.id, { taskIds, indicatorId: null }));
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  const open = c.suggestions.filter((s) => !c.taskIds.includes(s.taskId));
  return (
    <Card size="small" title="关联方案任务" style={{ marginBottom: 12 }} data-testid="case-links">
      {c.tasks.length === 0 ? <div className="muted">尚未关联任务</div> : (
        <Space wrap>
          {c.tasks.map((t) => (
            <Tag key={t.id} closable={office} onClose={() => void link(c.taskIds.filter((id) => id !== t.id))}>
              <Link to={`/tasks/${t.id}`}>任务 {t.seq}</Link>
            </Tag>
          ))}
          {c.indicatorName && <span className="muted">指标：{c.indicatorName}</span>}
        </Space>
      )}
      {office && open.length > 0 && (
        <List
          size="small"
          header={<span className="muted">系统建议（根据问题文字与主办单位）</span>}
          dataSource={open}
          renderItem={(s) => (
            <List.Item actions={[<Button key="ok" size="small" onClick={() => void link([...c.taskIds, s.taskId])} data-testid="case-link-confirm">确认关联</Button>]}>
              <span>{s.explanation}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
