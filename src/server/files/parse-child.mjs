// The parse process (see parse-pool.ts): loads the job runner — compiled (dist/, production) or,
// beside the TypeScript sources (tests), through tsx — then answers {id, job} messages one at a
// time with {id, result} or {id, error}. It is killed, not asked, when a job outlives its time; V8
// ends it when a job outgrows --max-old-space-size.
import { existsSync } from 'node:fs';

const compiled = existsSync(new URL('./parse-jobs.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { runParseJob } = await import(`./parse-jobs.${ext}`);
const { installNodeAdapters } = await import(`../../adapters/node-adapters.${ext}`);
installNodeAdapters();

process.on('message', async (msg) => {
  const { id, job } = msg;
  try {
    const result = await runParseJob(job);
    process.send({ id, result });
  } catch (e) {
    const error = e instanceof Error
      ? { name: e.name, message: e.message, code: typeof e.code === 'string' ? e.code : undefined, details: e.details }
      : { name: 'Error', message: String(e) };
    process.send({ id, error });
  }
});
process.send({ ready: true });
