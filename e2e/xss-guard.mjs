/* global document, window -- page.evaluate / addInitScript callbacks run in the browser */
// What the stored-XSS specs share: a payload maker whose every payload, if it ever ran, would open a
// dialog and set window.XSSRAN; an API session that plants payloads as a given user; a page guard
// that records dialogs and CSP violations; and a visit that hovers every chart (ECharts tooltips
// are HTML built by formatters) and opens every tab (tabs render their content lazily).
import assert from 'node:assert/strict';
import { BASE_URL, PASSWORD, settle } from './helpers.mjs';

/** The script a payload runs: `n` tells which payload it was. */
export const run = (n) => `window.XSSRAN=(window.XSSRAN||[]).concat(${n});alert(${n})`;

/** Signs in through the API; returns `(method, path, body?, contentType?) → { status, body }`. */
export async function session(login, password = PASSWORD) {
  const res = await fetch(`${BASE_URL}/api/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Origin: BASE_URL }, body: JSON.stringify({ login, password }),
  });
  assert.equal(res.status, 200, `login ${login}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return async (method, path, body, type = 'application/json') => {
    const r = await fetch(`${BASE_URL}${path}`, {
      method, headers: { cookie, Origin: BASE_URL, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': type }) },
      body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

/** A page of the context that records dialogs and CSP violations. */
export async function guard(context) {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const dialogs = [];
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  return { page, dialogs };
}

/** Opens a page, hovers its charts and opens its tabs; returns the payloads that ran and the CSP violations. */
export async function visit(page, path) {
  await page.goto(`${BASE_URL}${path}`);
  await page.waitForLoadState('networkidle');
  await settle(page);
  for (const canvas of await page.locator('canvas').all()) {
    const box = await canvas.boundingBox();
    if (!box) continue;
    for (let x = 0.2; x <= 0.8; x += 0.15) for (let y = 0.2; y <= 0.8; y += 0.15) await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
  }
  for (const tab of await page.getByRole('tab').all()) {
    if (await tab.isVisible()) {
      await tab.click().catch(() => {});
      await settle(page);
    }
  }
  return page.evaluate(() => ({ xss: window.XSSRAN ?? [], csp: window.__csp ?? [] }));
}
