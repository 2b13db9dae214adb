import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Table, Tag, Tree } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import type { Region, Unit } from '../api/models.ts';
import { fetchRegions, fetchUnits } from '../api/units.ts';
import { useMe } from '../auth/auth-context.ts';
import { MergeModal, RegionModal, UnitModal, type RegionEdit, type UnitEdit } from '../components/unit-admin-modals.tsx';
import { useApi } from '../hooks/use-api.ts';
import { REGION_LEVEL_LABELS, UNIT_KIND_LABELS } from '../lib/labels.ts';
import { NotFoundPage } from './not-found-page.tsx';

interface TreeNode { key: number; title: string; children?: TreeNode[] }

function regionNodes(regions: Region[]): TreeNode[] {
  const ids = new Set(regions.map((r) => r.id));
  const build = (r: Region): TreeNode => {
    const children = regions.filter((c) => c.parentId === r.id).map(build);
    return { key: r.id, title: `${r.name}（${REGION_LEVEL_LABELS[r.level]}）`, children: children.length ? children : undefined };
  };
  return regions.filter((r) => r.parentId === null || !ids.has(r.parentId)).map(build);
}

/** /admin/directory — 区域与单位 (administrator): the region tree and the units of the chosen region. */
export function DirectoryAdminPage() {
  const me = useMe();
  const allowed = me.permissions.administer;
  const [regionId, setRegionId] = useState<number>(me.region.id);
  const [regionEdit, setRegionEdit] = useState<RegionEdit | null>(null);
  const [unitEdit, setUnitEdit] = useState<UnitEdit | null>(null);
  const [mergeInto, setMergeInto] = useState<Unit | null>(null);
  const regions = useApi(allowed ? (signal) => fetchRegions(signal) : null, [allowed]);
  const units = useApi(allowed ? (signal) => fetchUnits({ region: regionId }, signal) : null, [allowed, regionId]);
  const tree = useMemo(() => regionNodes(regions.data?.items ?? []), [regions.data]);
  const region = regions.data?.items.find((r) => r.id === regionId);
  if (!allowed) return <NotFoundPage />;

  const columns: TableColumnsType<Unit> = [
    { key: 'name', title: '单位名称', dataIndex: 'name', width: 220 },
    { key: 'aliases', title: '简称', width: 240, render: (_, u) => <div className="unit-tags">{u.aliases.map((a) => <Tag key={a}>{a}</Tag>)}</div> },
    { key: 'kind', title: '类型', width: 90, render: (_, u) => UNIT_KIND_LABELS[u.kind] },
    { key: 'tasks', title: '牵头/责任任务', width: 110, align: 'right', render: (_, u) => `${u.leadTaskCount} / ${u.responsibleTaskCount}` },
    {
      key: 'actions',
      title: '操作',
      width: 150,
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => { setUnitEdit({ mode: 'edit', unit: u }); }}>编辑</Button>
          <Button type="link" size="small" onClick={() => { setMergeInto(u); }}>合并…</Button>
        </Space>
      ),
    },
  ];
  return (
    <div className="page">
      <h1 className="page-title">区域与单位</h1>
      {regions.error ? <Alert type="error" showIcon title={errorMessage(regions.error)} className="form-alert" /> : null}
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Card size="small" title="区域" style={{ width: 300 }}>
          {tree.length > 0 && (
            <Tree<TreeNode> treeData={tree} defaultExpandAll selectedKeys={[regionId]} onSelect={(keys) => { if (keys[0] !== undefined) setRegionId(Number(keys[0])); }} />
          )}
          {region && (
            <Space style={{ marginTop: 12 }} wrap>
              <Button size="small" icon={<PlusOutlined />} onClick={() => { setRegionEdit({ mode: 'add', parent: region }); }}>新增下级区域</Button>
              <Button size="small" onClick={() => { setRegionEdit({ mode: 'rename', region }); }}>改名</Button>
            </Space>
          )}
        </Card>
        <Card
          size="small"
          title={region ? `${region.name}的单位` : '单位'}
          style={{ flex: 1, minWidth: 480 }}
          extra={<Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => { setUnitEdit({ mode: 'add', regionId }); }}>新增单位</Button>}
        >
          {units.error ? <Alert type="error" showIcon title={errorMessage(units.error)} /> : null}
          <Table<Unit>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={units.data?.items ?? []}
            loading={units.loading}
            scroll={{ x: 810 }}
            pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: '本区域还没有单位' }}
          />
        </Card>
      </div>
      <RegionModal edit={regionEdit} onClose={() => setRegionEdit(null)} onSaved={regions.reload} />
      <UnitModal edit={unitEdit} onClose={() => setUnitEdit(null)} onSaved={units.reload} />
      <MergeModal into={mergeInto} candidates={units.data?.items ?? []} onClose={() => setMergeInto(null)} onSaved={units.reload} />
    </div>
  );
}
