/**
 * Sending one outbound message: e-mail over SMTP, or a DingTalk / WeCom group-robot webhook.
 * A message is claimed in `deliveries` before it is sent, so two servers (or a retry after a
 * crash) never send it twice. A send that failed is released for the queue's retry; one that was
 * claimed and never finished (the process died mid-send) is not retried: at most once.
 */
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Db } from '../../db/client.ts';
import { deliveries } from '../../db/supervision-schema.ts';
import type { Delivery } from '../use-cases/supervision/reminders.ts';

export interface MailSettings { smtpUrl?: string; from: string }

/**
 * The JSON body of a group-robot text message. DingTalk (`oapi.dingtalk.com/robot/send`) and WeCom
 * (`qyapi.weixin.qq.com/cgi-bin/webhook/send`) happen to share the text shape.
 */
export function robotPayload(text: string): Record<string, unknown> {
  return { msgtype: 'text', text: { content: text } };
}

async function send(d: Delivery, mail: MailSettings): Promise<string> {
  if (d.kind === 'email') {
    if (!mail.smtpUrl) throw new Error('SMTP_URL is not configured');
    const transport = nodemailer.createTransport(mail.smtpUrl);
    const info = await transport.sendMail({ from: mail.from, to: d.target, subject: d.subject, text: d.text });
    return String(info.messageId);
  }
  const res = await fetch(d.target, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(robotPayload(`${d.subject}\n${d.text}`)), signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (!res.ok) throw new Error(`webhook answered ${res.status}: ${body.slice(0, 200)}`);
  // Both robots answer 200 with {errcode: 0} on success and a non-zero errcode otherwise.
  const errcode = (JSON.parse(body || '{}') as { errcode?: number }).errcode ?? 0;
  if (errcode !== 0) throw new Error(`webhook errcode ${errcode}: ${body.slice(0, 200)}`);
  return 'ok';
}

/** Delivers one message unless some server already claimed it; returns what happened. */
export async function deliver(db: Db, d: Delivery, mail: MailSettings): Promise<'sent' | 'skipped' | 'failed'> {
  const claimed = await db.insert(deliveries).values({ key: d.key, channelId: d.channelId, status: 'sending' })
    .onConflictDoUpdate({ target: deliveries.key, set: { status: 'sending', sentAt: new Date() }, setWhere: eq(deliveries.status, 'failed') })
    .returning({ key: deliveries.key });
  if (claimed.length === 0) return 'skipped';
  try {
    const detail = await send(d, mail);
    await db.update(deliveries).set({ status: 'sent', detail, sentAt: new Date() }).where(eq(deliveries.key, d.key));
    return 'sent';
  } catch (e) {
    await db.update(deliveries).set({ status: 'failed', detail: (e as Error).message.slice(0, 500) }).where(eq(deliveries.key, d.key));
    return 'failed';
  }
}
