import { Alert } from 'antd';
import { systemInfo } from '../lib/server-clock.ts';

/** On a demo server, says plainly that the data is a demo and which date the server is set to. */
export function DemoBanner() {
  const demo = systemInfo()?.demo;
  if (!demo) return null;
  return <Alert type="info" banner showIcon={false} title={demo.notice} className="demo-banner" data-testid="demo-banner" />;
}
