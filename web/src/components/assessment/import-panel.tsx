import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Table, Upload } from 'antd';
import { useState } from 'react';
import type { ImportProblem, Results } from '../../api/assessment.ts';
import { importProblems, importTemplate, templateUrl } from '../../api/assessment.ts';
import { errorMessage } from '../../api/client.ts';

/** 下载模板 / 导入 XLSX; a refused import lists every problem by sheet, row and column. */
export function ImportPanel({ roundId, onImported }: { roundId: number; onImported: (results: Results) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<ImportProblem[]>([]);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setProblems([]);
    try {
      const result = await importTemplate(roundId, file);
      void message.success(`已导入：指标 ${result.imported.indicators} 项，县市区园区 ${result.imported.places} 个`);
      onImported(result);
    } catch (e) {
      setError(errorMessage(e));
      setProblems(importProblems(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title="模板导入">
      <div className="assess-toolbar">
        <Button icon={<DownloadOutlined />} href={templateUrl(roundId)} download data-testid="template-download">
          下载模板
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="template-import">
            导入 XLSX
          </Button>
        </Upload>
        <span className="muted">模板已填入指标、县市区、园区及已录入的排名；文件全部正确才会写入。</span>
      </div>
      {error && (
        <div data-testid="import-error" style={{ marginTop: 12 }}>
          <Alert type="error" showIcon title="导入被拒绝，未写入任何数据" description={problems.length ? `共 ${problems.length} 处错误，请修改后重新导入。` : error} />
          {problems.length > 0 && (
            <Table<ImportProblem & { key: number }>
              className="assess-import-problems"
              size="small"
              pagination={false}
              data-testid="import-problems"
              dataSource={problems.map((p, i) => ({ ...p, key: i }))}
              scroll={{ x: 480 }}
              columns={[
                { key: 'sheet', title: '工作表', dataIndex: 'sheet', width: 110 },
                { key: 'row', title: '行', dataIndex: 'row', width: 56 },
                { key: 'column', title: '列', dataIndex: 'column', width: 56 },
                { key: 'message', title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
