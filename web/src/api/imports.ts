// Plan import (issue 3): upload a document, review and edit the parsed draft, commit it as a plan or
// apply a revised document's differences to an existing plan. The draft keeps the gold files'
// snake_case names; everything else is the server's camelCase.
import type { EditableDraftTarget, EditableDraftTask, EditablePlanDraft, ImportWarning } from '../../../src/domain/plan-draft.schema.ts';
import { ApiError, request } from './client.ts';

// The draft's types come from the one draft schema (src/domain/plan-draft.schema.ts), type-only.
export type DraftTarget = EditableDraftTarget;
export type DraftTask = EditableDraftTask;
export type DraftPlan = NonNullable<EditablePlanDraft['plan']>;
export type Draft = EditablePlanDraft;

/** A reader or layout note: where in the source (page, line, row, sheet …), and the source text there. */
export type { ImportWarning };
export type WarningRef = ImportWarning['ref'];

export interface UnitMatch {
  name: string;
  unit: { id: number; name: string } | null;
}

/** A task as the diff compares it (camelCase). */
export interface DiffTask {
  seq: number;
  indicatorSeq: number | null;
  subIndicatorCode: string | null;
  subIndicator: string | null;
  text: string;
  leader: string | null;
  leadUnits: string[];
  responsibleUnits: string[];
  responsibleUnitsOpen: boolean;
  deadline: string | null;
  deadlineRaw: string | null;
  annualTarget: string | null;
  basis: string[];
  remarks: string | null;
  notes: string[];
}

export interface ChangedTask {
  seq: number;
  taskId: number;
  previousSeq: number;
  text: string;
  fields: Record<string, { from: unknown; to: unknown }>;
}

export interface ImportDiff {
  added: DiffTask[];
  changed: ChangedTask[];
  removed: (DiffTask & { id: number; reportCount: number })[];
  unchanged: number;
}

export interface ImportView {
  id: number;
  /** Version of the stored draft: sent as If-Match on save so another editor's save is never overwritten. */
  version: string;
  status: 'draft' | 'committed' | 'discarded';
  fileName: string;
  fileSize: number;
  format: string;
  createdAt: string;
  region: { id: number; name: string };
  planId: number | null;
  targetPlanId: number | null;
  draft: Draft;
  warnings: ImportWarning[];
  unitMatches: UnitMatch[];
  problem: { code: string; message: string; path: string | null } | null;
  diff?: ImportDiff;
}

/** Written unit name → existing unit id or "new". */
export type UnitMapping = Record<string, number | 'new'>;

export interface CommitResult {
  planId: number;
  indicators: number;
  tasks: number;
  targets: number;
  unitsCreated: { id: number; name: string }[];
}

export interface ApplyChoice {
  added: number[];
  changed: number[];
  removed: number[];
  force?: boolean;
  unitMapping?: UnitMapping;
}

export interface ApplyResult {
  planId: number;
  added: { seq: number; taskId: number }[];
  changed: { seq: number; taskId: number }[];
  removed: { seq: number; taskId: number }[];
}

export const IMPORT_MAX_MB = 50;
export const IMPORT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.wps', '.xlsx', '.xls', '.et', '.txt', '.md'];

function parseError(xhr: XMLHttpRequest): ApiError {
  let code: ApiError['code'] = `HTTP_${xhr.status}`;
  let message = `上传失败（${xhr.status}）`;
  let details: unknown;
  try {
    const body = JSON.parse(xhr.responseText) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code === 'string') code = body.code as ApiError['code'];
    if (typeof body.message === 'string' && body.message) message = body.message;
    details = body.details;
  } catch {
    // Not JSON (a proxy page): keep the generic message.
  }
  return new ApiError(xhr.status, code, message, details);
}

/**
 * Uploads the file as the raw body with XHR (fetch has no upload progress). `onProgress` gets 0–100
 * for the bytes sent; the server then parses the file before it answers.
 */
export function uploadImport(
  file: File,
  options: { targetPlanId?: number; onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<ImportView> {
  const { targetPlanId, onProgress, signal } = options;
  const params = new URLSearchParams({ fileName: file.name });
  if (targetPlanId !== undefined) params.set('targetPlanId', String(targetPlanId));
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/imports?${params.toString()}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportView);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', '服务器返回的内容无法识别'));
        }
        return;
      }
      reject(parseError(xhr));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new DOMException('上传已取消', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(file);
  });
}

export function fetchImport(id: number, signal?: AbortSignal): Promise<ImportView> {
  return request<ImportView>(`/api/imports/${id}`, { signal });
}

export function saveDraft(id: number, draft: Draft, version: string): Promise<ImportView> {
  return request<ImportView>(`/api/imports/${id}/draft`, { method: 'PUT', body: draft, headers: { 'If-Match': `"${version}"` } });
}

export function discardImport(id: number): Promise<void> {
  return request<void>(`/api/imports/${id}`, { method: 'DELETE' });
}

export function commitImport(id: number, body: { regionId?: number; unitMapping?: UnitMapping }): Promise<CommitResult> {
  return request<CommitResult>(`/api/imports/${id}/commit`, { method: 'POST', body });
}

export function applyImport(id: number, body: ApplyChoice): Promise<ApplyResult> {
  return request<ApplyResult>(`/api/imports/${id}/apply`, { method: 'POST', body });
}

export function addUnitAlias(unitId: number, alias: string): Promise<{ id: number; name: string; aliases: string[] }> {
  return request(`/api/units/${unitId}/aliases`, { method: 'POST', body: { alias } });
}
