import { Alert, Button, Card, Radio, Select, Space, Table, Upload, message } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../api/client.ts';
import { commitImport, previewImport, type ImportPreview } from '../api/cases-api.ts';
import { fetchPlans } from '../api/plans.ts';
import { PlanPicker } from '../components/plan-picker.tsx';
import { useApi } from '../hooks/use-api.ts';
import { FIELD_LABELS, IMPORT_FIELDS, columnLetter, type ImportKind } from '../../../src/domain/cases/case-import.ts';

interface RowError { row: number; column: string; message: string }

/** /cases/import — 导入督查整改清单 or a 12345 export: read, review the column mapping, import all or nothing. */
export function CaseImportPage() {
  const navigate = useNavigate();
  const plans = useApi((signal) => fetchPlans(signal), []);
  const [kind, setKind] = useState<ImportKind>('rectify');
  const [planId, setPlanId] = useState<number | undefined>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [errors, setErrors] = useState<RowError[]>([]);
  const [busy, setBusy] = useState(false);
  const header = preview?.rows[preview.headerRow] ?? [];
  const width = Math.max(0, ...(preview?.rows.slice(0, 20).map((r) => r.length) ?? []));
  const columnOptions = Array.from({ length: width }, (_, i) => ({ value: i, label: `${columnLetter(i)}列 ${header[i] ?? ''}` }));

  const read = async (file: File) => {
    setBusy(true);
    setErrors([]);
    try {
      const p = await previewImport(file, kind);
      setPreview(p);
      setMapping(p.mapping);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const res = await commitImport({ kind, planId: planId ?? plans.data?.items[0]?.id ?? null, headerRow: preview.headerRow, mapping, rows: preview.rows });
      void message.success(`已导入 ${res.created} 件问题`);
      void navigate('/cases');
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { errors?: RowError[] } | undefined) : undefined;
      setErrors(details?.errors ?? []);
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const sample = (preview?.rows ?? []).slice(preview ? preview.headerRow + 1 : 0, (preview?.headerRow ?? 0) + 11);
  return (
    <div className="page">
      <h1 className="page-title">导入问题清单</h1>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value as ImportKind); setPreview(null); }} options={[{ value: 'rectify', label: '督查整改清单（XLSX/DOCX）' }, { value: 'hotline', label: '12345 工单导出（CSV/XLSX）' }]} />
        <PlanPicker plans={plans.data?.items ?? []} value={planId ?? plans.data?.items[0]?.id} onChange={setPlanId} testId="case-import-plan" />
        <Upload accept=".xlsx,.csv,.docx" showUploadList={false} beforeUpload={(f) => { void read(f); return false; }}>
          <Button loading={busy} data-testid="case-import-file">选择文件</Button>
        </Upload>
      </Space>
      {preview && (
        <>
          <Card size="small" title="列对应关系（请核对）" style={{ marginBottom: 12 }}>
            <Space wrap>
              {IMPORT_FIELDS[kind].map((f) => (
                <span key={f.field}>
                  {FIELD_LABELS[f.field]}{f.required ? '＊' : ''}：
                  <Select allowClear style={{ width: 180 }} value={mapping[f.field]} options={columnOptions}
                    onChange={(v?: number) => setMapping((m) => { const next = { ...m }; if (v === undefined) delete next[f.field]; else next[f.field] = v; return next; })} />
                </span>
              ))}
            </Space>
          </Card>
          <Table size="small" rowKey={(_r, i) => String(i)} pagination={false} scroll={{ x: true }} style={{ marginBottom: 12 }}
            columns={columnOptions.map((o) => ({ title: o.label, dataIndex: o.value, render: (_v: unknown, r: string[]) => r[o.value] ?? '' }))} dataSource={sample} />
          <div className="muted" style={{ marginBottom: 12 }}>共 {preview.rows.length - preview.headerRow - 1} 行数据（上表显示前 10 行）。任何一行有错误都不会导入。</div>
          <Button type="primary" loading={busy} onClick={() => void commit()} data-testid="case-import-commit">导入</Button>
        </>
      )}
      {errors.length > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 12 }} title={`有 ${errors.length} 处错误，未导入任何问题`}
          description={<ul data-testid="case-import-errors">{errors.slice(0, 50).map((e, i) => <li key={i}>第 {e.row} 行 {e.column}：{e.message}</li>)}</ul>} />
      )}
    </div>
  );
}
