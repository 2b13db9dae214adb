import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../api/client.ts';
import { signIn } from '../api/session.ts';
import { useAuth } from '../auth/auth-context.ts';
import { DemoBanner } from '../layout/demo-banner.tsx';

interface Values {
  login: string;
  password: string;
}

/** Only same-site paths are followed after login, so a crafted ?next= cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { me, signedIn } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      const user = await signIn(values.login.trim(), values.password);
      signedIn(user);
      void navigate(next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-screen">
      <Card className="login-card">
        <div className="login-title">
          <span className="app-brand-mark">营</span>
          <div>
            <h1>营商</h1>
            <div className="muted">优化营商环境工作平台</div>
          </div>
        </div>
        <DemoBanner />
        {error && <Alert type="error" showIcon title={error} className="form-alert" data-testid="login-error" />}
        <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} size="large">
          <Form.Item name="login" label="账号" rules={[{ required: true, message: '请输入账号' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" placeholder="登录账号" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="密码" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
