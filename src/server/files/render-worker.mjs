// A render thread (see render-pool.ts): loads the TypeScript renderers through tsx, then answers
// {id, job} messages one at a time with {id, bytes} (transferred, not copied) or {id, error}.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runRenderJob } = await import('./render-jobs.ts');

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
