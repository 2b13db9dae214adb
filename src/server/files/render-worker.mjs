// A render process (see render-pool.ts), started under `nice`: loads the renderers — compiled
// (dist/, production) or, beside the TypeScript sources (tests), through tsx — gives the engines
// their machine-side adapters (chart font, LibreOffice), then answers {id, job} messages one at a
// time with {id, bytes} or {id, error}. It is killed, not asked, when a render outlives its time.
import { existsSync } from 'node:fs';

const compiled = existsSync(new URL('./render-jobs.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { runRenderJob } = await import(`./render-jobs.${ext}`);
const { installNodeAdapters } = await import(`../../adapters/node-adapters.${ext}`);
installNodeAdapters();

process.on('message', async ({ id, job }) => {
  try {
    process.send({ id, bytes: await runRenderJob(job) });
  } catch (e) {
    process.send({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
process.send({ ready: true });
