// Plan import (issue 3): upload a document, review and edit the parsed draft, commit it as a plan or
// apply a revised document's differences to an existing plan. The draft keeps the gold files'
// snake_case names; everything else is the server's camelCase.
import type { EditableDraftTarget, EditableDraftTask, EditablePlanDraft, ImportWarning } from '../../../src/domain/plan-draft.schema.ts';
import { ApiError, call } from './client.ts';
import type { Body, Ok } from './contract.ts';

// The draft's types come from the one draft schema (src/domain/plan-draft.schema.ts), type-only: its
// OpenAPI rendering adds index signatures (a loose object) that would make every key a string.
export type DraftTarget = EditableDraftTarget;
export type DraftTask = EditableDraftTask;
export type DraftPlan = NonNullable<EditablePlanDraft['plan']>;
export type Draft = EditablePlanDraft;

/** A reader or layout note: where in the source (page, line, row, sheet …), and the source text there. */
export type { ImportWarning };
export type WarningRef = ImportWarning['ref'];

export type ImportView = Omit<Ok<'/api/imports/{id}', 'get'>, 'draft'> & { draft: Draft };
export type UnitMatch = ImportView['unitMatches'][number];
export type ImportDiff = NonNullable<ImportView['diff']>;
/** A task as the diff compares it (camelCase). */
export type DiffTask = ImportDiff['added'][number];
export type ChangedTask = ImportDiff['changed'][number];
/** Written unit name → existing unit id or "new". */
export type UnitMapping = NonNullable<Body<'/api/imports/{id}/commit', 'post'>['unitMapping']>;
export type CommitResult = Ok<'/api/imports/{id}/commit', 'post'>;
/** The seqs to add, change and remove (the server defaults each to none). */
export type ApplyChoice = Body<'/api/imports/{id}/apply', 'post'> & { added: number[]; changed: number[]; removed: number[] };
export type ApplyResult = Ok<'/api/imports/{id}/apply', 'post'>;

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
  return call('get', '/api/imports/{id}', { path: { id }, signal }) as Promise<ImportView>;
}

export function saveDraft(id: number, draft: Draft, version: string): Promise<ImportView> {
  return call('put', '/api/imports/{id}/draft', { path: { id }, body: draft, headers: { 'If-Match': `"${version}"` } }) as Promise<ImportView>;
}

export function discardImport(id: number): Promise<void> {
  return call('delete', '/api/imports/{id}', { path: { id } });
}

export function commitImport(id: number, body: Body<'/api/imports/{id}/commit', 'post'>) {
  return call('post', '/api/imports/{id}/commit', { path: { id }, body });
}

export function applyImport(id: number, body: ApplyChoice) {
  return call('post', '/api/imports/{id}/apply', { path: { id }, body });
}

export function addUnitAlias(unitId: number, alias: string) {
  return call('post', '/api/units/{id}/aliases', { path: { id: unitId }, body: { alias } });
}
