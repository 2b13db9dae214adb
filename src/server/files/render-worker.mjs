// A render thread (see render-pool.ts): loads the renderers — compiled (dist/, production) or,
// beside the TypeScript sources (tests), through tsx — gives the engines their machine-side
// adapters (chart font, LibreOffice), then answers {id, job} messages one at a time with
// {id, bytes} (transferred, not copied) or {id, error}.
import { existsSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = existsSync(new URL('./render-jobs.js', import.meta.url));
if (!compiled) (await import('tsx/esm/api')).register();
const ext = compiled ? 'js' : 'ts';
const { runRenderJob } = await import(`./render-jobs.${ext}`);
const { installNodeAdapters } = await import(`../../adapters/node-adapters.${ext}`);
installNodeAdapters();

parentPort.on('message', async ({ id, job }) => {
  try {
    const bytes = await runRenderJob(job);
    const copy = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    parentPort.postMessage({ id, bytes: copy }, [copy.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
parentPort.postMessage({ ready: true });
