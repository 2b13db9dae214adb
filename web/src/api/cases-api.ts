// The problem (问题) API of the web app. Types come from the generated OpenAPI types.
import type { Body, Ok, Query } from './contract.ts';
import { request, uploadFile } from './client.ts';

export type CaseDetail = Ok<'/api/cases/{id}', 'get'>;
export type CaseItem = CaseDetail['case'];
export type CaseEvent = CaseDetail['events'][number];
export type CaseList = Ok<'/api/cases', 'get'>;
export type CaseListQuery = Query<'/api/cases', 'get'>;
export type CaseStats = Ok<'/api/cases/stats', 'get'>;
export type CaseRateGroup = CaseStats['bySource'][number];
export type CaseCreate = Body<'/api/cases', 'post'>;
export type ImportPreview = Ok<'/api/cases/imports/preview', 'post'>;
export type ImportCommit = Body<'/api/cases/imports', 'post'>;

export function fetchCases(query: Partial<CaseListQuery>, signal?: AbortSignal): Promise<CaseList> {
  return request<CaseList>('/api/cases', { query: query, signal });
}

export function fetchCase(id: number, signal?: AbortSignal): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${id}`, { signal });
}

export function fetchCaseStats(planId: number | undefined, signal?: AbortSignal): Promise<CaseStats> {
  return request<CaseStats>('/api/cases/stats', { query: { planId }, signal });
}

export function createCase(body: CaseCreate): Promise<CaseDetail> {
  return request<CaseDetail>('/api/cases', { method: 'POST', body });
}

/** One step of the loop: assign, sign, notes, reply, review, visit, close, extension, extension/decision, urge. */
export function caseStep(id: number, step: string, body: object = {}): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${id}/${step}`, { method: 'POST', body });
}

export function linkCase(id: number, body: Body<'/api/cases/{id}/links', 'put'>): Promise<CaseDetail> {
  return request<CaseDetail>(`/api/cases/${id}/links`, { method: 'PUT', body });
}

export function previewImport(file: File, kind: 'hotline' | 'rectify'): Promise<ImportPreview> {
  return uploadFile<ImportPreview>(`/api/cases/imports/preview?kind=${kind}&fileName=${encodeURIComponent(file.name)}`, file);
}

export function commitImport(body: ImportCommit): Promise<{ created: number; batch: string }> {
  return request<{ created: number; batch: string }>('/api/cases/imports', { method: 'POST', body });
}

/** Link to the 整改清单 XLSX of the pool's filter. */
export function exportUrl(query: Partial<CaseListQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '' && k !== 'page' && k !== 'pageSize') params.set(k, String(v));
  return `/api/cases/export.xlsx?${params.toString()}`;
}

/** Uploads one evidence file to a case (the raw bytes); answers the case with its files. */
export function uploadCaseFile(id: number, file: File): Promise<CaseDetail> {
  return uploadFile<CaseDetail>(`/api/cases/${id}/files?fileName=${encodeURIComponent(file.name)}`, file);
}

/** Download link of a case's evidence file. */
export function caseFileUrl(caseId: number, fileId: number): string {
  return `/api/cases/${caseId}/files/${fileId}`;
}
