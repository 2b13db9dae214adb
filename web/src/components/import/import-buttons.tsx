import { CloudUploadOutlined, DiffOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../auth/auth-context.ts';

/** 导入方案 on the 方案 list; offices only (the API refuses everyone else). */
export function ImportPlanButton() {
  const me = useMe();
  const navigate = useNavigate();
  if (!me.permissions.managePlans) return null;
  return (
    <Button type="primary" icon={<CloudUploadOutlined />} data-testid="import-plan" onClick={() => void navigate('/imports')}>
      导入方案
    </Button>
  );
}

/** 上传修订版 on a plan page: re-import a revised document and apply the chosen differences. */
export function UploadRevisionButton({ planId }: { planId: number }) {
  const me = useMe();
  const navigate = useNavigate();
  if (!me.permissions.managePlans) return null;
  return (
    <Button size="small" icon={<DiffOutlined />} data-testid="upload-revision" onClick={() => void navigate(`/imports?plan=${planId}`)}>
      上传修订版
    </Button>
  );
}
