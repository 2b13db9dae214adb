// 公文 (documents) of a plan, 典型做法 (practice notes) and the responsibility-table export.
import { ApiError, request } from './client.ts';
import type { Items } from './types.ts';

export type DocumentKind =
  | 'dekad-brief'
  | 'monthly-notice'
  | 'quarterly-summary'
  | 'half-year-review'
  | 'annual-summary'
  | 'work-bulletin'
  | 'commendation'
  | 'supervision-order';

export interface Inline {
  text: string;
  face?: 'hei' | 'kai' | 'fang';
  bold?: boolean;
}

export interface TableColumn {
  title: string;
  weight: number;
  align: 'left' | 'center' | 'right';
}

/** One block of the document model (src/reports/report-document.ts), in reading order. */
export type Block =
  | { kind: 'redHeader'; issuer: string; docNumber: string | null; mark: string }
  | { kind: 'masthead'; title: string; issueLabel: string; issuer: string; date: string }
  | { kind: 'title'; text: string }
  | { kind: 'addressee'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; number: string; text: string }
  | { kind: 'paragraph'; runs: Inline[]; indent: boolean }
  | { kind: 'table'; caption: string | null; columns: TableColumn[]; rows: string[][] }
  | { kind: 'chart'; caption: string; chart: { type: 'bar' | 'line'; title: string } & Record<string, unknown> }
  | { kind: 'attachmentNote'; items: string[] }
  | { kind: 'signature'; issuer: string; date: string }
  | { kind: 'attachment'; label: string }
  | { kind: 'record'; lines: { label: string; text: string }[]; printed: { by: string; on: string } | null };

export type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

export interface ReportDocument {
  kind: DocumentKind;
  title: string;
  blocks: Block[];
}

export interface DocumentSummary {
  id: number;
  planId: number;
  kind: DocumentKind;
  kindLabel: string;
  period: string;
  periodLabel: string;
  status: 'draft' | 'issued';
  title: string;
  number: string | null;
  orderId: number | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
  hasPdf: boolean;
  permissions: { edit: boolean; issue: boolean };
}

export interface DocumentDetail extends DocumentSummary {
  model: ReportDocument;
  /** Version of the draft's content: sent back on save so another editor's save is never overwritten. */
  version: string;
  /** HTML preview fragment with its own <style>. */
  html: string;
}

export type NoteGroup = 'county' | 'department' | 'tactic';

export interface PracticeNote {
  id: number;
  planId: number;
  period: string;
  group: NoteGroup;
  unit: { id: number; name: string } | null;
  region: { id: number; name: string } | null;
  text: string;
  createdAt: string;
}

export interface PracticeNoteInput {
  period: string;
  group: NoteGroup;
  unitId?: number | null;
  regionId?: number | null;
  text: string;
}

export function fetchDocuments(planId: number, signal?: AbortSignal): Promise<Items<DocumentSummary>> {
  return request<Items<DocumentSummary>>(`/api/plans/${planId}/documents`, { signal });
}

export function createDocument(planId: number, body: { kind: DocumentKind; period: string; orderId?: number; date?: string }): Promise<DocumentDetail> {
  return request<DocumentDetail>(`/api/plans/${planId}/documents`, { method: 'POST', body });
}

export function fetchDocument(id: number, signal?: AbortSignal): Promise<DocumentDetail> {
  return request<DocumentDetail>(`/api/documents/${id}`, { signal });
}

export function saveDocument(id: number, model: ReportDocument, version: string): Promise<DocumentDetail> {
  return request<DocumentDetail>(`/api/documents/${id}`, { method: 'PUT', body: { model, version } });
}

export function regenerateDocument(id: number): Promise<DocumentDetail> {
  return request<DocumentDetail>(`/api/documents/${id}/regenerate`, { method: 'POST', body: {} });
}

export function issueDocument(id: number): Promise<DocumentDetail> {
  return request<DocumentDetail>(`/api/documents/${id}/issue`, { method: 'POST' });
}

export function deleteDocument(id: number): Promise<void> {
  return request<void>(`/api/documents/${id}`, { method: 'DELETE' });
}

export function fetchPracticeNotes(planId: number, period: string | undefined, signal?: AbortSignal): Promise<Items<PracticeNote>> {
  return request<Items<PracticeNote>>(`/api/plans/${planId}/practice-notes`, { query: { period }, signal });
}

export function addPracticeNote(planId: number, body: PracticeNoteInput): Promise<PracticeNote> {
  return request<PracticeNote>(`/api/plans/${planId}/practice-notes`, { method: 'POST', body });
}

export function updatePracticeNote(id: number, body: PracticeNoteInput): Promise<PracticeNote> {
  return request<PracticeNote>(`/api/practice-notes/${id}`, { method: 'PUT', body });
}

export function deletePracticeNote(id: number): Promise<void> {
  return request<void>(`/api/practice-notes/${id}`, { method: 'DELETE' });
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
