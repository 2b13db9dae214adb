#!/usr/bin/env node
// `npm start`: build the web app when its bundle is missing (`npm run build` rebuilds it), then
// serve the demo (`yingshang serve --demo`, compiled: bin/yingshang.mjs compiles the server to
// dist/ when that is missing or stale). Children are spawned, not run synchronously: SIGINT/SIGTERM
// reach them, and this process exits with the server, so stopping `npm start` never leaves a server
// holding the data directory. START_BUILD_WEB=off skips the build step (tests).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

// `kill <pid of npm start>`: npm forwards the signal to the shell it ran this script in, and that
// shell dies without passing it on, so this process is orphaned with the server still running (and
// the data directory locked). Whoever started us being gone counts as a SIGTERM.
const parentAtStart = process.ppid;

/** Runs a child with inherited stdio, forwarding our signals to it; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    const forward = (signal) => child.kill(signal);
    for (const s of SIGNALS) process.on(s, forward);
    const orphaned = setInterval(() => {
      if (process.ppid === parentAtStart) return;
      clearInterval(orphaned);
      console.log('启动进程已结束，正在停止服务 (the parent process is gone: stopping the server)…');
      forward('SIGTERM');
    }, 1000);
    child.on('error', (e) => {
      console.error(`无法启动 ${command}: ${e.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      clearInterval(orphaned);
      for (const s of SIGNALS) process.off(s, forward);
      resolve(code ?? 128 + (constants.signals[signal] ?? 0));
    });
  });
}

if (process.env.START_BUILD_WEB !== 'off' && !existsSync('web/dist/index.html')) {
  console.log('构建前端 (building the web app)…');
  const code = await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  if (code !== 0) process.exit(code);
}
process.exit(await run(process.execPath, ['bin/yingshang.mjs', 'serve', '--demo', ...process.argv.slice(2)]));
