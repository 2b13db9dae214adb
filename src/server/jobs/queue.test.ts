import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { WorkCalendar } from '../../domain/supervision/work-calendar.ts';
import { regions, units } from '../../db/schema.ts';
import { deliveries, notificationChannels } from '../../db/supervision-schema.ts';
import { databaseKinds, demoDatabase } from '../testing/test-app.ts';
import { startJobs } from './queue.ts';

interface Received { path: string; body: { msgtype: string; text: { content: string } } }

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('outbound receivers', () => {
  const hooks: Received[] = [];
  const mails: string[] = [];
  let web: Server;
  let smtp: SMTPServer;
  let webPort = 0;
  let smtpPort = 0;

  beforeAll(async () => {
    web = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => { data += c.toString(); });
      req.on('end', () => {
        hooks.push({ path: req.url ?? '', body: JSON.parse(data) as Received['body'] });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
    webPort = (web.address() as AddressInfo).port;
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, _session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => { raw += c.toString(); });
        stream.on('end', () => { mails.push(raw); callback(); });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    smtpPort = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => web.close(r));
    await new Promise<void>((r) => smtp.close(() => r()));
  });

  describe.each(databaseKinds())('the job queue on %s', (kind) => {
    it('runs the daily supervision through pg-boss and delivers each reminder once by e-mail and group robots', async () => {
      hooks.length = 0;
      mails.length = 0;
      const { database, dispose } = await demoDatabase(kind);
      try {
        const [city] = await database.db.select().from(regions).where(eq(regions.name, '邵阳市'));
        const [scjg] = await database.db.select().from(units).where(eq(units.name, '市市场监管局'));
        await database.db.insert(notificationChannels).values([
          { regionId: city!.id, kind: 'dingtalk', target: `http://127.0.0.1:${webPort}/dingtalk` },
          { regionId: city!.id, kind: 'wecom', target: `http://127.0.0.1:${webPort}/wecom` },
          { regionId: city!.id, unitId: scjg!.id, kind: 'email', target: 'scjg@shaoyang.gov.cn' },
        ]);
        const jobs = await startJobs(database, {
          calendar: new WorkCalendar(), mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'noreply@yingshang.local' }, webhookAllowHosts: ['127.0.0.1'],
          now: () => new Date('2023-06-30T08:00:00+08:00'),
        });
        try {
          const first = await jobs.runDaily('2023-06-30');
          // Two periods (May escalated, June before its due date): a digest per group robot each, one mail each to 市市场监管局.
          expect(first.deliveries).toBe(6);
          await until(async () => (await database.db.select().from(deliveries)).filter((d) => d.status === 'sent').length === 6);
          expect(hooks.filter((h) => h.path === '/dingtalk')).toHaveLength(2);
          expect(hooks.every((h) => h.body.msgtype === 'text' && h.body.text.content.includes('尚未报送的单位'))).toBe(true);
          expect(mails).toHaveLength(2);
          expect(mails.join('\n')).toContain('scjg@shaoyang.gov.cn');
          // A second run (another server, a restart) finds every reminder already sent.
          expect((await jobs.runDaily('2023-06-30')).deliveries).toBe(0);
          expect(await jobs.boss.getSchedules()).toEqual([expect.objectContaining({ name: 'supervision-daily', cron: '0 8 * * *', timezone: 'Asia/Shanghai' })]);
        } finally {
          await jobs.stop();
        }
        await new Promise((r) => setTimeout(r, 500));
        expect(hooks).toHaveLength(4);
      } finally {
        await dispose();
      }
    });
  });
});
