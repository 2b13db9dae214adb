// 公文 (documents) of a plan, 典型做法 (practice notes) and the responsibility-table export.
import { ApiError, call } from './client.ts';
import type { Body, Item, Ok } from './contract.ts';

export type DocumentDetail = Ok<'/api/documents/{id}', 'get'>;
export type DocumentSummary = Item<Ok<'/api/plans/{id}/documents', 'get'>>;
export type DocumentKind = DocumentSummary['kind'];
/** The document model (src/reports/report-document.ts): its blocks in reading order. */
export type ReportDocument = DocumentDetail['model'];
export type Block = ReportDocument['blocks'][number];
export type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;
export type Inline = BlockOf<'paragraph'>['runs'][number];
export type TableColumn = BlockOf<'table'>['columns'][number];

export type PracticeNote = Item<Ok<'/api/plans/{id}/practice-notes', 'get'>>;
export type NoteGroup = PracticeNote['group'];
export type PracticeNoteInput = Body<'/api/plans/{id}/practice-notes', 'post'>;

export function fetchDocuments(planId: number, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/documents', { path: { id: planId }, signal });
}

export function createDocument(planId: number, body: Body<'/api/plans/{id}/documents', 'post'>) {
  return call('post', '/api/plans/{id}/documents', { path: { id: planId }, body });
}

export function fetchDocument(id: number, signal?: AbortSignal) {
  return call('get', '/api/documents/{id}', { path: { id }, signal });
}

export function saveDocument(id: number, model: ReportDocument, version: string) {
  return call('put', '/api/documents/{id}', { path: { id }, body: { model, version } });
}

export function regenerateDocument(id: number) {
  return call('post', '/api/documents/{id}/regenerate', { path: { id }, body: {} });
}

export function issueDocument(id: number) {
  return call('post', '/api/documents/{id}/issue', { path: { id } });
}

export function deleteDocument(id: number): Promise<void> {
  return call('delete', '/api/documents/{id}', { path: { id } });
}

export function fetchPracticeNotes(planId: number, period: string | undefined, signal?: AbortSignal) {
  return call('get', '/api/plans/{id}/practice-notes', { path: { id: planId }, query: { period }, signal });
}

export function addPracticeNote(planId: number, body: PracticeNoteInput) {
  return call('post', '/api/plans/{id}/practice-notes', { path: { id: planId }, body });
}

export function updatePracticeNote(id: number, body: PracticeNoteInput) {
  return call('put', '/api/practice-notes/{id}', { path: { id }, body });
}

export function deletePracticeNote(id: number): Promise<void> {
  return call('delete', '/api/practice-notes/{id}', { path: { id } });
}

export const documentFileUrl = (id: number, format: 'docx' | 'pdf') => `/api/documents/${id}/${format}`;

export const responsibilityTableUrl = (planId: number, layout: 'ten' | 'six') =>
  `/api/plans/${planId}/responsibility-table.xlsx?layout=${layout}`;

function fileNameOf(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      return fallback;
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file the API serves (DOCX, PDF, XLSX) through fetch, so an error such as
 * DOCUMENT_PDF_UNAVAILABLE (409) arrives as an ApiError the caller can show instead of a JSON page.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    let code: ApiError['code'] = `HTTP_${res.status}`;
    let message = `下载失败（${res.status}）`;
    try {
      const body = (await res.json()) as { code?: unknown; message?: unknown };
      if (typeof body.code === 'string') code = body.code as ApiError['code'];
      if (typeof body.message === 'string' && body.message) message = body.message;
    } catch {
      // not JSON: keep the generic message
    }
    throw new ApiError(res.status, code, message);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res, fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
