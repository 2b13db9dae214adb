#!/usr/bin/env node
// `npm start`: build the web app when its bundle is missing or older than its sources, then serve.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const bundle = 'web/dist/index.html';
if (!existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest('web/src'), statSync('web/index.html').mtimeMs)) {
  console.log('构建前端 (building the web app)…');
  const r = spawnSync('node_modules/.bin/vite', ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const server = spawnSync('node', ['bin/yingshang.mjs', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(server.status ?? 1);
