import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databaseKinds, freshDatabase } from '../testing/test-app.ts';
import { JobPayloadError, defineJob, jobData, readJobData, registerJob, sendJob } from './job-definition.ts';
import { dailyPayload, deliveryPayload } from './queue.ts';

const noop = async () => {};
const echo = defineJob({ name: 'echo-test', version: 2, payload: z.object({ n: z.number().int() }).strict(), handler: noop });

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('job payloads', () => {
  it('wraps a valid payload in its versioned envelope and reads it back', () => {
    const data = jobData(echo, { n: 3 });
    expect(data).toEqual({ version: 2, payload: { n: 3 } });
    expect(readJobData(echo, JSON.parse(JSON.stringify(data)))).toEqual({ n: 3 });
  });

  it('refuses an invalid payload on send', () => {
    expect(() => jobData(echo, { n: 1.5 })).toThrow(JobPayloadError);
    expect(() => jobData(echo, { n: 1, extra: true } as unknown as { n: number })).toThrow(/echo-test: invalid payload to send/);
  });

  it('refuses on receipt: no envelope, another version, a bad payload', () => {
    expect(() => readJobData(echo, { n: 1 })).toThrow(/not a \{ version, payload \} envelope/);
    expect(() => readJobData(echo, { version: 1, payload: { n: 1 } })).toThrow(/payload version 1, this server handles version 2/);
    expect(() => readJobData(echo, { version: 2, payload: { n: 'x' } })).toThrow(/invalid payload received: n/);
  });

  it('checks the platform queues’ payloads', () => {
    expect(dailyPayload.safeParse({}).success).toBe(true);
    expect(dailyPayload.safeParse({ today: '2023-06-30' }).success).toBe(true);
    expect(dailyPayload.safeParse({ today: '30/06/2023' }).success).toBe(false);
    const delivery = { key: 'k1', channelId: 4, kind: 'dingtalk', target: 'https://oapi.dingtalk.com/robot/send', subject: '', text: '提醒' };
    expect(deliveryPayload.safeParse(delivery).success).toBe(true);
    expect(deliveryPayload.safeParse({ ...delivery, kind: 'sms' }).success).toBe(false);
    expect(deliveryPayload.safeParse({ ...delivery, channelId: undefined }).success).toBe(false);
  });
});

describe.each(databaseKinds())('typed jobs through pg-boss on %s', (kind) => {
  it('hands valid jobs to the handler and fails jobs that do not match the definition', async () => {
    const { database, dispose } = await freshDatabase(kind);
    const boss = 'url' in database.jobs ? new PgBoss({ connectionString: database.jobs.url, max: 2 }) : new PgBoss({ db: database.jobs.executor });
    try {
      await boss.start();
      const seen: number[] = [];
      const def = defineJob({
        name: 'typed-job-test', version: 1, payload: z.object({ n: z.number().int() }).strict(),
        queue: { retryLimit: 0 }, work: { pollingIntervalSeconds: 0.5 },
        handler: ({ n }) => { seen.push(n); return Promise.resolve(); },
      });
      await registerJob(boss, def);
      const good = await sendJob(boss, def, { n: 7 });
      // Written around the definition (an older server, by hand): refused, the handler never sees it.
      const raw = await boss.send(def.name, { n: 8 });
      const stale = await boss.send(def.name, { version: 0, payload: { n: 9 } });
      await expect(sendJob(boss, def, { n: 'x' } as unknown as { n: number })).rejects.toThrow(JobPayloadError);
      await until(() => seen.length === 1);
      const state = async (id: string | null) => (await boss.getJobById(def.name, id!))?.state;
      // Polled up to 30 s like `until`: pg-boss is slower on a loaded machine, never wrong.
      for (let i = 0; i < 300 && ((await state(good)) !== 'completed' || (await state(raw)) !== 'failed' || (await state(stale)) !== 'failed'); i++) await new Promise((r) => setTimeout(r, 100));
      expect([await state(good), await state(raw), await state(stale)]).toEqual(['completed', 'failed', 'failed']);
      expect(seen).toEqual([7]);
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 5_000 });
      await dispose();
    }
  });
});
