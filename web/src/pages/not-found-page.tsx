import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';

/** The 404 screen; also shown for records outside the user's scope (the API answers 404 for those). */
export function NotFoundPage({ title = '页面不存在', detail = '您访问的页面不存在，或您没有查看权限。' }: { title?: string; detail?: string }) {
  return (
    <div data-testid="not-found">
    <Result
      status="404"
      title={title}
      subTitle={detail}
      extra={
        <Link to="/">
          <Button type="primary">返回工作台</Button>
        </Link>
      }
    />
    </div>
  );
}
