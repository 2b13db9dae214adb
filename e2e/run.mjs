// Browser tests: build the web app if needed, start a real server on a fresh data directory and a
// free port, run e2e/*.spec.mjs with Node's test runner against it, stop the server, report.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const root = dirname(dirname(fileURLToPath(import.meta.url)));
const e2eDir = join(root, 'e2e');

if (!existsSync(CHROMIUM)) {
  if (process.env.CI === 'true') {
    console.error(`浏览器测试失败 (browser tests failed): Chromium not found at ${CHROMIUM}. In CI it must be installed: apt-get install chromium fonts-noto-cjk`);
    process.exit(1);
  }
  console.log('浏览器测试已跳过 (browser tests skipped): Chromium not found — install with `apt-get install chromium fonts-noto-cjk`');
  process.exit(0);
}

/** Newest modification time below `path` (a file or a folder). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function buildIfStale() {
  const index = join(root, 'web/dist/index.html');
  // The web app imports src/domain too: a change there is a change of the web app.
  const sources = ['web/src', 'web/public', 'web/index.html', 'web/vite.config.ts', 'src/domain'].map((p) => newest(join(root, p)));
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...sources)) return;
  console.log('构建前端 (building web app) …');
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('前端构建失败 (web build failed)');
    process.exit(1);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForServer(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(`${baseUrl}/api/me`, { signal: AbortSignal.timeout(3000) });
      // 401 is the expected answer without a session; any JSON answer means the API is up.
      if (res.status === 401 || res.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  return false;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

buildIfStale();

const dataDir = mkdtempSync(join(tmpdir(), 'yingshang-e2e-'));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
// The log sits beside the data directory: the server expects DATA_DIR to hold only its own files.
const logPath = `${dataDir}.log`;
const log = createWriteStream(logPath);
console.log(`启动服务 (starting server) on ${baseUrl}, DATA_DIR=${dataDir}`);
// The demo start, as `npm start` gives it, on its simulated date.
const server = spawn(process.execPath, ['bin/yingshang.mjs', 'serve', '--demo'], {
  cwd: root,
  // A fresh embedded database every run: DATABASE_URL (set for the API tests) must not send the
  // browser tests to a shared PostgreSQL database whose leftovers would change what they see.
  // The seed plans on the demo date, without the played year: the specs file, review and count
  // their own reports and users from a known start (the year itself is checked by the API test
  // src/server/demo/play-year.test.ts). E2E_DEMO_YEAR=on plays it for a look at the demo.
  env: { ...process.env, DATABASE_URL: '', PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'test', DEMO_YEAR: process.env.E2E_DEMO_YEAR ?? 'off' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.pipe(log);
server.stderr.pipe(log);

let exitCode = 1;
const cleanup = async () => {
  await stop(server);
  log.end();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(logPath, { force: true });
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

try {
  // Playing the demo year takes a minute or more on a busy machine.
  if (!(await waitForServer(baseUrl, server, 1_500_000))) {
    console.error('服务未能启动 (server did not answer GET /api/me within 1500 s). Server log:');
    console.error(readFileSync(logPath, 'utf8'));
  } else {
    const specs = readdirSync(e2eDir)
      .filter((f) => f.endsWith('.spec.mjs'))
      .sort()
      .map((f) => join('e2e', f));
    const filter = process.argv.slice(2);
    const chosen = filter.length ? specs.filter((s) => filter.some((f) => s.includes(f))) : specs;
    const result = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...chosen], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseUrl },
    });
    exitCode = result.status ?? 1;
    if (exitCode !== 0) {
      console.error(`\n浏览器测试失败 (browser tests failed). Last server log lines:`);
      console.error(readFileSync(logPath, 'utf8').split('\n').slice(-40).join('\n'));
    }
  }
} finally {
  await cleanup();
}
process.exit(exitCode);
