/* global document, requestAnimationFrame -- page.evaluate callbacks run in the browser */
// Shared pieces of the browser specs: browser start, sign-in, API look-ups, screenshots, waiting.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = 'Yingshang@2026';
export const SHAOYANG_PLAN = '邵阳市2023年营商环境创优提质行动实施方案';
export const YONGZHOU_PLAN = '永州市优化营商环境2022年度重点任务实施方案';

const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Starts Chromium; if it cannot start the test fails (no silent skip once we got this far). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** One browser for a spec file: started before its tests, closed after; use `.newContext(options)`. */
export function useBrowser() {
  let browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return { newContext: (options) => browser.newContext(options) };
}

export const DESKTOP = { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' };
export const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' };

/** Collects React/antd warnings and page errors so a spec can assert the console stayed clean. */
export function watchConsole(page) {
  const problems = [];
  page.on('console', (msg) => {
    const text = msg.text();
    // A 401 on the first /api/me (no session yet) is logged by Chromium as a failed resource: expected.
    if (msg.type() === 'error' && !text.startsWith('Failed to load resource')) problems.push(text);
    if (msg.type() === 'warning' && /antd|React|Warning/.test(text)) problems.push(text);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Saves e2e/screenshots/NAME.png; full page unless an overlay (drawer, modal) is the subject. */
export async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Signs in through the login form and waits for the 工作台. */
export async function signIn(page, login, password = PASSWORD) {
  await page.goto(`${BASE_URL}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Calls the API with the page's session cookie. */
export function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { Accept: 'application/json' } });
    return { status: res.status, body: await res.json() };
  }, path);
}

/** Signs in outside the browser and returns a GET helper (for ids the spec needs up front). */
export async function apiSession(login, password = PASSWORD) {
  const res = await fetch(`${BASE_URL}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`login ${login} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (path) => {
    const r = await fetch(`${BASE_URL}${path}`, { headers: { cookie, Accept: 'application/json' } });
    return { status: r.status, body: await r.json() };
  };
}

/** Polls `fn` until it returns a truthy value (or throws with `what` after the timeout). */
export async function eventually(what, fn, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The number shown in 共 N 项任务 above the task list. */
export async function shownTotal(page) {
  const text = await page.getByTestId('task-total').textContent();
  const match = /共\s*(\d+)\s*项任务/.exec(text ?? '');
  return match ? Number(match[1]) : NaN;
}

/** Waits until 共 N 项任务 shows `expected`. */
export async function waitForTotal(page, expected) {
  await eventually(`task total ${expected}`, async () => (await shownTotal(page)) === expected);
}

/** Chooses a unit in the unit filter by typing its name. */
export async function chooseUnit(page, name) {
  await page.locator('.filter-unit').click();
  await page.keyboard.type(name);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first();
  await option.click();
}

export function searchParams(page) {
  return new URL(page.url()).searchParams;
}

/**
 * Waits until no finite CSS animation or transition is running (a drawer's slide, a modal's zoom, a
 * message's fade): a web-first wait for what a fixed sleep used to guess. Spinners (infinite) do not count.
 */
export async function settle(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
}

/** Waits until a canvas stops changing between two animation frames apart (ECharts' entry animation). */
export async function canvasSettled(canvas) {
  await canvas.waitFor();
  await canvas.evaluate((el) => new Promise((resolve) => {
    let last = '';
    const tick = () => {
      const now = el.toDataURL();
      if (now === last) resolve(undefined);
      else {
        last = now;
        setTimeout(() => requestAnimationFrame(tick), 100);
      }
    };
    requestAnimationFrame(tick);
  }));
}

/** Waits for the next painted frame (after a mouse move, before reading what it showed). */
export async function nextFrame(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}
