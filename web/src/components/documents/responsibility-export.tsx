import { responsibilityTableUrl } from '../../api/documents.ts';
import { useMe } from '../../auth/auth-context.ts';
import { ExportMenu } from '../export-button.tsx';
import './documents.css';

/** 导出责任分工表 (XLSX) in the ten-column (邵阳式) or six-column (永州式) layout; offices and leaders. */
export function ResponsibilityExport({ planId, title }: { planId: number; title: string }) {
  const me = useMe();
  if (!me.permissions.readDocuments) return null;
  const fileName = `${title}责任分工表.xlsx`;
  return (
    <ExportMenu
      label="导出责任分工表"
      size="small"
      testId="export-responsibility"
      items={[
        { key: 'ten', label: '十列（邵阳式）', url: responsibilityTableUrl(planId, 'ten'), fileName },
        { key: 'six', label: '六列（永州式）', url: responsibilityTableUrl(planId, 'six'), fileName },
      ]}
    />
  );
}
