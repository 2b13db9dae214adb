/**
 * Sending one outbound message: e-mail over SMTP, or a DingTalk / WeCom group-robot webhook.
 * Delivery is at least once: a message is claimed in `deliveries` before it is sent, so two
 * servers never send it at the same time; a send that failed is released for the queue's retry,
 * and a claim left in `sending` by a process that died mid-send expires after a lease and is sent
 * again. A receiver that must not act twice uses the idempotency key sent with every message
 * (`Idempotency-Key` header of the webhook request and of the e-mail, and a Message-ID derived
 * from it).
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { and, eq, lt, or } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { deliveries } from '../../db/supervision-schema.ts';
import { ForbiddenWebhookError, guardedLookup, isAllowedHost, isForbiddenAddress } from '../security/outbound-url.ts';
import type { Delivery } from '../use-cases/supervision/reminders.ts';

export interface MailSettings { smtpUrl?: string; from: string }
/** Webhook hosts an administrator allowed although they are internal (WEBHOOK_ALLOW_HOSTS). */
export interface OutboundSettings { allowHosts: readonly string[] }

/** How long a claim may stay in `sending` before another attempt takes it over (sends time out after 10 s). */
export const CLAIM_LEASE_MS = 2 * 60_000;
const SEND_TIMEOUT_MS = 10_000;

/**
 * The JSON body of a group-robot text message. DingTalk (`oapi.dingtalk.com/robot/send`) and WeCom
 * (`qyapi.weixin.qq.com/cgi-bin/webhook/send`) happen to share the text shape.
 */
export function robotPayload(text: string): Record<string, unknown> {
  return { msgtype: 'text', text: { content: text } };
}

/** POSTs JSON to a webhook without following redirects, refusing internal addresses. */
function postWebhook(target: string, body: string, key: string, outbound: OutboundSettings): Promise<{ status: number; body: string }> {
  const url = new URL(target);
  const allowed = isAllowedHost(url, outbound.allowHosts);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // An address literal is never looked up, so the guarded lookup would not see it.
  if (!allowed && isIP(host) && isForbiddenAddress(host)) return Promise.reject(new ForbiddenWebhookError(`webhook address ${host} is internal`));
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new Error(`webhook protocol ${url.protocol} is not allowed`));
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'POST', lookup: allowed ? undefined : guardedLookup(),
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => { size += c.length; if (size <= 65_536) chunks.push(c); });
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }); });
      res.on('error', reject);
    });
    const timer = setTimeout(() => req.destroy(new Error('webhook timed out')), SEND_TIMEOUT_MS);
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    req.end(body);
  });
}

async function send(d: Delivery, mail: MailSettings, outbound: OutboundSettings): Promise<string> {
  if (d.kind === 'email') {
    if (!mail.smtpUrl) throw new Error('SMTP_URL is not configured');
    const transport = nodemailer.createTransport(mail.smtpUrl);
    const messageId = `<${createHash('sha256').update(d.key).digest('hex').slice(0, 32)}@yingshang.local>`;
    const info = await transport.sendMail({ from: mail.from, to: d.target, subject: d.subject, text: d.text, messageId, headers: { 'Idempotency-Key': d.key } });
    return String(info.messageId);
  }
  const res = await postWebhook(d.target, JSON.stringify(robotPayload(`${d.subject}\n${d.text}`)), d.key, outbound);
  if (res.status < 200 || res.status >= 300) throw new Error(`webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
  // Both robots answer 200 with {errcode: 0} on success and a non-zero errcode otherwise.
  const errcode = (JSON.parse(res.body || '{}') as { errcode?: number }).errcode ?? 0;
  if (errcode !== 0) throw new Error(`webhook errcode ${errcode}: ${res.body.slice(0, 200)}`);
  return 'ok';
}

/** Delivers one message unless another attempt holds a live claim or it was sent; returns what happened. */
export async function deliver(db: Db, d: Delivery, mail: MailSettings, outbound: OutboundSettings = { allowHosts: [] }, now: Date = new Date()): Promise<'sent' | 'skipped' | 'failed'> {
  const expired = new Date(now.getTime() - CLAIM_LEASE_MS);
  const claimed = await db.insert(deliveries).values({ key: d.key, channelId: d.channelId, status: 'sending', sentAt: now })
    .onConflictDoUpdate({
      target: deliveries.key, set: { status: 'sending', sentAt: now },
      setWhere: or(eq(deliveries.status, 'failed'), and(eq(deliveries.status, 'sending'), lt(deliveries.sentAt, expired))),
    })
    .returning({ key: deliveries.key });
  if (claimed.length === 0) return 'skipped';
  try {
    const detail = await send(d, mail, outbound);
    await db.update(deliveries).set({ status: 'sent', detail, sentAt: new Date() }).where(eq(deliveries.key, d.key));
    return 'sent';
  } catch (e) {
    await db.update(deliveries).set({ status: 'failed', detail: (e as Error).message.slice(0, 500) }).where(eq(deliveries.key, d.key));
    return 'failed';
  }
}
