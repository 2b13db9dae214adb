/**
 * Webhooks (SSRF) and delivery guarantees: internal targets are refused when a channel is saved
 * and again when sending (also through a name resolving to loopback and through redirects); a
 * claim left in `sending` by a crash is retried; every message carries its idempotency key; a unit
 * without user accounts still gets its channel's reminders.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { plans, regions, taskUnits, tasks, units, users } from '../../db/schema.ts';
import { deliveries, notificationChannels } from '../../db/supervision-schema.ts';
import { CLAIM_LEASE_MS, deliver } from '../jobs/deliver.ts';
import { runReminders } from '../use-cases/supervision/reminders.ts';
import { databaseKinds, demoApp, signIn, type TestApp } from '../testing/test-app.ts';
import { isForbiddenAddress, webhookRefusal } from './outbound-url.ts';

describe('webhook targets', () => {
  it('classifies internal addresses in every spelling', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:a9fe:a9fe']) {
      expect(isForbiddenAddress(a), a).toBe(true);
    }
    for (const a of ['8.8.8.8', '203.119.129.1', '2400:3200::1']) expect(isForbiddenAddress(a), a).toBe(false);
  });

  it('refuses loopback, private, link-local and names resolving to them unless the host is allowed', async () => {
    for (const url of ['http://127.0.0.1:5432/', 'http://localhost:3000/api/users', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.8/robot',
      'http://2130706433/', 'http://0x7f000001/', 'http://[::ffff:127.0.0.1]/', 'http://0/']) {
      expect(await webhookRefusal(url, []), url).toMatch(/内网|本机|保留/);
    }
    expect(await webhookRefusal('ftp://example.com/', [])).toMatch(/http/);
    expect(await webhookRefusal('http://user:pw@example.com/', [])).toMatch(/用户名/);
    expect(await webhookRefusal('https://8.8.8.8/robot/send', [])).toBeNull();
    expect(await webhookRefusal('http://127.0.0.1:8080/robot', ['127.0.0.1'])).toBeNull();
    expect(await webhookRefusal('http://LOCALHOST:8080/robot', ['localhost'])).toBeNull();
  });
});

describe('deliveries to a local receiver', () => {
  const hits: { path: string; headers: IncomingHttpHeaders }[] = [];
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        hits.push({ path: req.url ?? '', headers: req.headers });
        if (req.url === '/redirect') {
          res.writeHead(302, { location: `http://127.0.0.1:${port}/inside` });
          res.end();
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0 }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); });

  describe.each(databaseKinds())('on %s', (kind) => {
    let t: TestApp;
    let cityId: number;
    beforeAll(async () => {
      t = await demoApp(kind, { SESSION_TTL_HOURS: '100000' });
      cityId = (await t.database.db.select().from(regions).where(eq(regions.name, '邵阳市')))[0]!.id;
    });
    afterAll(async () => { await t.close(); });
    const mail = { from: 'noreply@yingshang.local' };
    const message = (key: string, target: string) => ({ key, channelId: 0, kind: 'dingtalk' as const, target, subject: '测试', text: '内容' });

    it('refuses an internal webhook when an office saves the channel', async () => {
      const cookie = await signIn(t.app, 'office-shaoyang');
      for (const target of [`http://127.0.0.1:${port}/x`, 'http://localhost/x', 'http://169.254.169.254/latest']) {
        const res = await t.app.inject({ method: 'POST', url: '/api/notification-channels', headers: { cookie }, payload: { regionId: cityId, kind: 'dingtalk', target } });
        expect(res.statusCode).toBe(400);
        expect(res.json<{ code: string; message: string }>()).toMatchObject({ code: 'WEBHOOK_TARGET_FORBIDDEN', message: expect.stringContaining('WEBHOOK_ALLOW_HOSTS') as string });
      }
    });

    it('refuses to send to internal addresses (literal, by name, by redirect) unless allowed', async () => {
      hits.length = 0;
      const db = t.database.db;
      const channel = (await db.insert(notificationChannels).values({ regionId: cityId, kind: 'dingtalk', target: 'x' }).returning())[0]!.id;
      const m = (key: string, target: string) => ({ ...message(key, target), channelId: channel });
      expect(await deliver(db, m(`ssrf-literal-${kind}`, `http://127.0.0.1:${port}/a`), mail)).toBe('failed');
      expect(await deliver(db, m(`ssrf-name-${kind}`, `http://localhost:${port}/b`), mail)).toBe('failed');
      expect(hits).toHaveLength(0);
      const [row] = await db.select().from(deliveries).where(eq(deliveries.key, `ssrf-name-${kind}`));
      expect(row?.detail).toMatch(/forbidden/);
      // Allowed by the administrator: sent, with the idempotency key; a redirect is not followed.
      expect(await deliver(db, m(`allowed-${kind}`, `http://127.0.0.1:${port}/ok`), mail, { allowHosts: ['127.0.0.1'] })).toBe('sent');
      expect(hits.at(-1)).toMatchObject({ path: '/ok', headers: { 'idempotency-key': `allowed-${kind}` } });
      expect(await deliver(db, m(`redirect-${kind}`, `http://127.0.0.1:${port}/redirect`), mail, { allowHosts: ['127.0.0.1'] })).toBe('failed');
      expect(hits.map((h) => h.path)).not.toContain('/inside');
    });

    it('retries a delivery a crashed process left in sending (at least once), but not a live claim', async () => {
      hits.length = 0;
      const db = t.database.db;
      const now = new Date();
      const opts = { allowHosts: ['127.0.0.1'] };
      await db.insert(deliveries).values([
        { key: `stale-${kind}`, status: 'sending', sentAt: new Date(now.getTime() - CLAIM_LEASE_MS - 1000) },
        { key: `live-${kind}`, status: 'sending', sentAt: new Date(now.getTime() - 1000) },
      ]);
      expect(await deliver(db, message(`stale-${kind}`, `http://127.0.0.1:${port}/stale`), mail, opts, now)).toBe('sent');
      expect(await deliver(db, message(`live-${kind}`, `http://127.0.0.1:${port}/live`), mail, opts, now)).toBe('skipped');
      expect(await deliver(db, message(`stale-${kind}`, `http://127.0.0.1:${port}/stale`), mail, opts, now)).toBe('skipped');
      expect(hits.map((h) => h.path)).toEqual(['/stale']);
      expect(hits[0]!.headers['idempotency-key']).toBe(`stale-${kind}`);
    });

    it('reminds a unit without user accounts through its channel, once', async () => {
      const db = t.database.db;
      const [plan] = await db.select().from(plans).where(eq(plans.year, 2023));
      const withUsers = (await db.select({ id: users.unitId }).from(users)).map((u) => u.id).filter((id): id is number => id !== null);
      const linked = await db.selectDistinct({ id: taskUnits.unitId }).from(taskUnits).innerJoin(tasks, eq(tasks.id, taskUnits.taskId))
        .where(and(eq(tasks.planId, plan!.id), notInArray(taskUnits.unitId, withUsers)));
      const [lonely] = await db.select().from(units).where(inArray(units.id, linked.map((l) => l.id))).orderBy(units.id).limit(1);
      const [ch] = await db.insert(notificationChannels).values({ regionId: plan!.regionId, unitId: lonely!.id, kind: 'email', target: 'lonely@shaoyang.gov.cn' }).returning();
      const first = await runReminders(db, '2023-06-30', new WorkCalendar());
      const mine = first.filter((d) => d.channelId === ch!.id);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine[0]!.text).toContain(lonely!.name);
      for (const d of mine) await db.insert(deliveries).values({ key: d.key, channelId: d.channelId, status: 'sent' });
      const again = await runReminders(db, '2023-06-30', new WorkCalendar());
      expect(again.filter((d) => d.channelId === ch!.id)).toHaveLength(0);
    });
  });
});
