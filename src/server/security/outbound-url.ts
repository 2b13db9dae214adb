/**
 * Outbound webhooks (DingTalk / WeCom group robots) must not be aimed inside the network the
 * server runs in (SSRF): loopback, private, link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast and reserved addresses are refused, whether written as an address
 * or reached through a name that resolves to one. An administrator may allow named hosts
 * (WEBHOOK_ALLOW_HOSTS, e.g. an internal robot gateway). The check runs when a channel is saved
 * (early, clear error) and again on the address actually connected to when sending (DNS may change
 * between the two), and redirects are never followed.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 3],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) blocked.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is one the server must not send webhooks to. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:127.0.0.1) and IPv4-compatible forms reach the IPv4 address.
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^::(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], 'ipv4');
  const hexMapped = /^(?:0*:)*:?ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hexMapped?.[1] && hexMapped[2]) {
    const hi = parseInt(hexMapped[1], 16);
    const lo = parseInt(hexMapped[2], 16);
    return blocked.check(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 'ipv4');
  }
  return blocked.check(address, 'ipv6');
}

export class ForbiddenWebhookError extends Error {}

/** The host name of a URL without IPv6 brackets, lower-cased. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

export function isAllowedHost(url: URL, allowHosts: readonly string[]): boolean {
  const host = hostOf(url);
  return allowHosts.some((h) => h.toLowerCase() === host);
}

/**
 * Why a webhook URL is refused, or null when it may be used. Resolves names; a name that does
 * not resolve now is accepted here (the send-time check still guards the connection).
 */
export async function webhookRefusal(target: string, allowHosts: readonly string[]): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'Webhook 地址格式不正确';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Webhook 地址必须以 http:// 或 https:// 开头';
  if (url.username || url.password) return 'Webhook 地址不能包含用户名或密码';
  if (isAllowedHost(url, allowHosts)) return null;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  const bad = addresses.find(isForbiddenAddress);
  return bad ? `Webhook 地址指向内网、本机或保留地址（${bad}），不允许使用；如确需使用，请由系统管理员在 WEBHOOK_ALLOW_HOSTS 中加入该主机` : null;
}

async function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve) => {
    dnsLookup(host, { all: true }, (err, addresses: LookupAddress[]) => resolve(err ? [] : addresses.map((a) => a.address)));
  });
}

/**
 * A `lookup` for http(s).request that refuses forbidden addresses: the check is on the address the
 * socket connects to, so a name re-pointed after the channel was saved is still refused.
 */
export function guardedLookup(): typeof dnsLookup {
  const guarded = (hostname: string, options: object, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      const bad = addresses.find((a) => isForbiddenAddress(a.address));
      if (bad) return callback(new ForbiddenWebhookError(`webhook host ${hostname} resolves to a forbidden address ${bad.address}`), '', 0);
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const first = addresses[0];
      return first ? callback(null, first.address, first.family) : callback(new Error(`no address for ${hostname}`), '', 0);
    });
  };
  return guarded as unknown as typeof dnsLookup;
}
