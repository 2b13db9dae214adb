import { ApiError, call } from './client.ts';
import type { Ok } from './contract.ts';
import type { Attachment, ReportInput } from './models.ts';

export function fetchMyTasks(signal?: AbortSignal) {
  return call('get', '/api/my-tasks', { signal });
}

export function fetchTaskReports(taskId: number, signal?: AbortSignal) {
  return call('get', '/api/tasks/{id}/reports', { path: { id: taskId }, signal });
}

/** Saves a draft or submits (submit: true); the idempotency key makes a retried click file once. */
export function saveReport(taskId: number, input: ReportInput) {
  return call('post', '/api/tasks/{id}/reports', { path: { id: taskId }, body: input });
}

export function reviewReport(reportId: number, decision: 'accept' | 'return', comment?: string) {
  return call('post', '/api/reports/{id}/review', { path: { id: reportId }, body: { decision, comment } });
}

/** One page of the review queue (oldest submission first) with the queue's true total. */
export function fetchReviewQueue(page: number, pageSize: number, signal?: AbortSignal) {
  return call('get', '/api/review-queue', { query: { page, pageSize }, signal });
}

/** Evidence size limits: per file, the unit's quota and what it has used (null for non-unit users). */
export type EvidenceLimits = Ok<'/api/evidence-limits', 'get'>;

export function fetchEvidenceLimits(signal?: AbortSignal): Promise<EvidenceLimits> {
  return call('get', '/api/evidence-limits', { signal });
}

export function attachmentUrl(id: number): string {
  return `/api/attachments/${id}`;
}

/**
 * Uploads one evidence file as the raw request body. XMLHttpRequest rather than fetch because
 * only it reports upload progress. Resolves with the stored attachment.
 */
export function uploadAttachment(
  reportId: number,
  file: Blob & { name: string },
  onProgress: (percent: number) => void,
): { promise: Promise<Attachment>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<Attachment>((resolve, reject) => {
    xhr.open('POST', `/api/reports/${reportId}/attachments?fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep the generic message below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as Attachment);
        return;
      }
      const err = (body ?? {}) as { code?: ApiError['code']; message?: string };
      const fallback = xhr.status === 413 ? '附件超过大小限制（单个文件不超过 20 MB）' : `上传失败（${xhr.status}）`;
      reject(new ApiError(xhr.status, err.code ?? `HTTP_${xhr.status}`, err.message ?? fallback));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试'));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', '已取消上传'));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
