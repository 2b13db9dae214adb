#!/usr/bin/env node
// Compiles the server, CLI and engines to dist/ with tsc (tsconfig.build.json: emit only, `.ts`
// imports rewritten to `.js`), then copies what tsc does not emit: the worker/child `.mjs` files,
// the migrations and fonts.conf. `npm run build` runs it; bin/yingshang.mjs calls
// ensureServerBuilt() so `npm start` and `yingshang …` build when dist/ is missing or older than
// the sources. Concurrent callers (tests spawning the CLI) build once: the first takes a lock,
// the others wait for it and find the build fresh.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.built');
const LOCK = join(ROOT, '.dist.lock');
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'fixtures/methodology', 'scripts/build-server.mjs'];
/** Files under src/ that tsc does not emit but the compiled server loads. */
const ASSET = /\.(mjs|sql|conf)$|\/migrations\/meta\/.*\.json$/;

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** True when dist/ is missing or older than any source. */
export function serverBuildStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((p) => existsSync(join(ROOT, p)) && newest(join(ROOT, p)) > built);
}

function copyAssets(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) copyAssets(p, out);
    else if (ASSET.test(p)) {
      const to = join(out, relative(ROOT, p));
      mkdirSync(dirname(to), { recursive: true });
      cpSync(p, to);
    }
  }
}

/**
 * Compiles to dist/ now; returns the exit code. The build goes to a directory of its own and
 * replaces dist/ only when complete, so a server running from dist/ never sees half a build.
 */
export function buildServer({ quiet = false } = {}) {
  const started = Date.now();
  const out = `${DIST}.build-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
  if (r.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    return r.status ?? 1;
  }
  copyAssets(join(ROOT, 'src'), out);
  writeFileSync(join(out, '.built'), new Date().toISOString() + '\n');
  const old = `${DIST}.old-${process.pid}`;
  if (existsSync(DIST)) renameSync(DIST, old);
  renameSync(out, DIST);
  rmSync(old, { recursive: true, force: true });
  if (!quiet) console.error(`编译服务端完成 (server compiled to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return 0;
}

function tryLock() {
  try {
    closeSync(openSync(LOCK, 'wx'));
    return true;
  } catch {
    // A lock left by a build that died more than 10 minutes ago is stale.
    try {
      if (Date.now() - statSync(LOCK).mtimeMs > 600_000) rmSync(LOCK, { force: true });
    } catch {
      // gone meanwhile
    }
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Builds dist/ when it is missing or stale (once, however many processes ask at the same time). */
export async function ensureServerBuilt() {
  if (!serverBuildStale()) return;
  while (!tryLock()) {
    await sleep(250);
    if (!serverBuildStale()) return;
  }
  try {
    if (!serverBuildStale()) return;
    console.error('编译服务端 (compiling the server)…');
    const code = buildServer();
    if (code !== 0) throw new Error(`tsc exited with ${code}`);
  } finally {
    rmSync(LOCK, { force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = buildServer();
