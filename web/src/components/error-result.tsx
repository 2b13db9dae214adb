import { Button, Result } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';

/** Shows a failed load: 404 as the not-found screen, 403 as no access, anything else with a retry. */
export function ErrorResult({ error, notFoundTitle, onRetry }: { error: unknown; notFoundTitle?: string; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 404) {
    // The API says the same for "does not exist" and "not yours to see" (404, not 403): so do we.
    return <NotFoundPage title={notFoundTitle ?? error.message} detail="该记录不存在，或不在您的查看范围内。" />;
  }
  if (error instanceof ApiError && error.status === 403) return <Result status="403" title="无权访问" subTitle={error.message} />;
  return (
    <Result
      status="error"
      title="加载失败"
      subTitle={errorMessage(error)}
      extra={onRetry && <Button onClick={onRetry}>重试</Button>}
    />
  );
}
