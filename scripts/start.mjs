#!/usr/bin/env node
// `npm start`: build the web app when its bundle is missing or older than its sources, then serve
// the demo (`yingshang serve --demo`). Children are spawned, not run synchronously: SIGINT/SIGTERM
// reach them, and this process exits with the server, so stopping `npm start` never leaves a server
// holding the data directory. START_BUILD_WEB=off skips the build step (tests).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Runs a child with inherited stdio, forwarding our signals to it; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    for (const s of SIGNALS) process.on(s, forward);
    child.on('error', (e) => {
      console.error(`无法启动 ${command}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

const bundle = 'web/dist/index.html';
const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newest('web/src'), statSync('web/index.html').mtimeMs);
if (process.env.START_BUILD_WEB !== 'off' && stale) {
  console.log('构建前端 (building the web app)…');
  const code = await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(process.execPath, ['bin/yingshang.mjs', 'serve', '--demo', ...process.argv.slice(2)]));
