import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { QuietLogController } from './quiet-log.ts';

async function linesFor(level: string): Promise<Record<string, unknown>[]> {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({ write(chunk: Buffer, _enc, done) { lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>); done(); } });
  const app = Fastify({ logger: { level, stream }, logController: new QuietLogController() });
  app.get('/ok', () => ({ ok: true }));
  app.get('/boom', () => { throw new Error('boom'); });
  await app.ready();
  for (let i = 0; i < 3; i++) await app.inject({ method: 'GET', url: '/ok' });
  await app.inject({ method: 'GET', url: '/boom' });
  await app.close();
  return lines;
}

describe('quiet server log', () => {
  it('writes nothing per request at the default level but the error', async () => {
    const lines = await linesFor('warn');
    expect(lines.filter((l) => l.url === '/ok')).toEqual([]);
    expect(lines.some((l) => l.level === 50)).toBe(true);
  });

  it('writes one line per request at debug', async () => {
    const lines = await linesFor('debug');
    const ok = lines.filter((l) => l.url === '/ok');
    expect(ok).toHaveLength(3);
    expect(ok[0]).toMatchObject({ msg: 'request', method: 'GET', status: 200, level: 20 });
  });
});
