import { App, Button, Card, Empty, List, Popconfirm } from 'antd';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client.ts';
import { discardImport } from '../../api/imports.ts';
import { fetchImportDrafts } from '../../api/polish-api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { dateTimeLabel } from '../../lib/format.ts';

/** 未完成的导入: drafts saved earlier, to resume (继续审核) or discard (放弃). */
export function ImportDraftsList() {
  const { message } = App.useApp();
  const { data, error, reload } = useApi((signal) => fetchImportDrafts(signal), []);
  const items = data?.items ?? [];
  if (!error && data && items.length === 0) return null;
  const discard = async (id: number) => {
    try {
      await discardImport(id);
      void message.success('已放弃该导入草稿');
      reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Card size="small" title={`未完成的导入（${items.length}）`} data-testid="import-drafts">
      {error ? (
        <Empty description={errorMessage(error)} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item
              data-testid="import-draft"
              data-import-id={d.id}
              actions={[
                <Link key="open" to={`/imports/${d.id}`}>
                  继续审核
                </Link>,
                <Popconfirm key="discard" title="放弃这份导入草稿？" description="草稿将被删除，方案不会改变。" okText="放弃" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => void discard(d.id)}>
                  <Button type="link" danger size="small">
                    放弃
                  </Button>
                </Popconfirm>,
              ]}
            >
              <List.Item.Meta
                title={<Link to={`/imports/${d.id}`}>{d.title ?? d.fileName}</Link>}
                description={`${d.fileName} · ${d.tasks} 项任务 · ${d.targetPlanId ? '修订版 · ' : ''}${d.createdBy} · 最后修改 ${dateTimeLabel(d.updatedAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
