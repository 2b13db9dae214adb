import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  it('is off by default and otherwise a list of proxy addresses or CIDRs', () => {
    expect(loadConfig({}).TRUST_PROXY).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8 ,::1' }).TRUST_PROXY).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
  });

  it('refuses "trust everyone" and anything that is not an address, with a Chinese message', () => {
    for (const bad of ['true', '*', 'proxy.local', '10.0.0.0/abc']) expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY 须为代理服务器的 IP 地址或 CIDR 网段列表/);
  });
});
