/** What the render workers do (render-worker.mjs): documents and tables to bytes, charts drawn inside. */
import { renderDocx, renderResponsibilityXlsx, renderTaskListXlsx, type ReportDocument, type ResponsibilityPlan } from '../../reports/index.ts';
import { renderListWorkbook, type ListSheet } from '../../reports/xlsx/list-sheet.ts';

export type RenderJob =
  | { kind: 'docx'; model: ReportDocument }
  | { kind: 'responsibility-xlsx'; plan: ResponsibilityPlan }
  | { kind: 'task-list-xlsx'; plan: ResponsibilityPlan }
  | { kind: 'list-workbook'; sheets: ListSheet[] };

export async function runRenderJob(job: RenderJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'docx': return new Uint8Array(await renderDocx(job.model));
    case 'responsibility-xlsx': return renderResponsibilityXlsx(job.plan);
    case 'task-list-xlsx': return renderTaskListXlsx(job.plan);
    case 'list-workbook': return renderListWorkbook(job.sheets);
  }
}
