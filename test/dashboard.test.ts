// The dashboard (dashboard/, served at `/`) in a real headless Chromium against a real server:
// sign in, watch a seeded job's asynchronous deletion go to 100 % over graphql-ws and the job
// leave the list, and see a refusal's message. Screenshots go to test-output/screenshots/.
//
// Needs Chromium at /usr/bin/chromium (Debian's package; CI installs it):
//   apt-get install -y chromium
// playwright-core drives it; never `npx playwright install`.
// The dashboard is built first (vite build dashboard) when dashboard/dist is missing or older
// than its sources.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard } from '../src/http/dashboard.ts';
import { seedJob } from '../src/seed/seed.ts';
import { jobWithData } from './support/jobs.ts';
import { ok, startServer, uniqueId, type TestServer } from './support/server.ts';
import { PutDatafeedMutation } from './operations/documents.ts';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-output/screenshots';
const LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed (${CHROMIUM} is missing). Install it with: apt-get install -y chromium`);
  }
  await buildDashboardIfStale();
  mkdirSync(SHOTS, { recursive: true });
  // Deletions pause between batches, so that a 300,000-row deletion is visibly mid-way for a while.
  server = await startServer({ deleteBatchPauseMs: 200 });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: LAPTOP, locale: 'en-US', timezoneId: 'UTC', colorScheme: 'light' });
  page = await context.newPage();
  // Script errors and Content-Security-Policy violations (the service sends a strict CSP).
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && problems.push(msg.text()));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(p: Page, key = server.adminKey) {
  await p.goto(server.url);
  await p.getByLabel('API key').fill(key);
  await p.getByRole('button', { name: 'Sign in' }).click();
}

const jobRow = (p: Page, jobId: string) =>
  p
    .getByRole('region', { name: 'Jobs', exact: true })
    .getByRole('row')
    .filter({ has: p.getByRole('rowheader', { name: jobId }) });

describe('dashboard', () => {
  it('serves the built page at / with its assets, and nothing it does not own', async () => {
    const index = await fetch(server.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const html = await index.text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/nope', '/assets/../../package.json', '/%2e%2e/package.json', '/.vite/manifest.json', '/assets/']) {
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const missing = createServer((req, res) => serveDashboard(req, res, join(tmpdir(), 'no-dashboard-here')) || res.writeHead(404).end());
    await new Promise<void>((resolve) => missing.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(missing.address() as AddressInfo).port}`;
      const res = await fetch(base);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:dashboard');
      expect((await fetch(`${base}/assets/index.js`)).status).toBe(404);
    } finally {
      missing.close();
    }
  });

  it('signs in with an API key kept in sessionStorage only, and shows a refused key', async () => {
    await signIn(page, 'not-a-real-key');
    await page.getByRole('alert').filter({ hasText: 'missing authentication credentials for request' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'dashboard-sign-in-refused.png') });
    await signIn(page);
    await page.getByRole('heading', { name: 'Jobs', exact: true }).waitFor();
    const storage = await page.evaluate(() => ({ session: Object.values(sessionStorage), local: Object.keys(localStorage).length }));
    expect(storage).toEqual({ session: [server.adminKey], local: 0 });
    // The key is the tab's: a reload stays signed in.
    await page.reload();
    await page.getByRole('heading', { name: 'Jobs', exact: true }).waitFor();
  });

  it('shows a refusal with its message, keeps the job, and gives focus back on Escape', async () => {
    const jobId = uniqueId('dash-df');
    const datafeedId = `datafeed-${jobId}`;
    await jobWithData(server, jobId);
    await ok(server, PutDatafeedMutation, { input: { datafeedId, jobId, indices: ['logs-*'] } });
    const row = jobRow(page, jobId);
    await row.waitFor();
    const button = row.getByRole('button', { name: `Delete job ${jobId}` });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Delete job ${jobId}?` });
    await dialog.waitFor();
    await page.keyboard.type(jobId);
    await dialog.getByLabel('Force').check();
    await dialog.getByRole('button', { name: `Delete ${jobId}` }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`Cannot delete job [${jobId}] because datafeed [${datafeedId}] refers to it`);
    expect(await refusal.textContent()).toContain('CONFLICT');
    await page.screenshot({ path: join(SHOTS, 'dashboard-refusal.png') });

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction((id) => document.activeElement?.getAttribute('aria-label') === `Delete job ${id}`, jobId);
    await page.waitForTimeout(2100); // one more refresh: still there, not deleting
    expect(await row.getByText('deleting').count()).toBe(0);
    expect(await row.count()).toBe(1);
  });

  it('deletes a 300,000-row job asynchronously: live progress to 100 %, then the job leaves the list', async () => {
    const jobId = uniqueId('dash-big');
    // Dedicated storage: its deletion is nine steps whatever the load (a shared job's time-sized
    // batches, each followed by the 200 ms pause, took over a minute on a loaded machine).
    await seedJob(server.app.db, jobId, 300_000, undefined, { storage: 'DEDICATED' });
    const row = jobRow(page, jobId);
    await row.filter({ hasText: '300,000' }).waitFor(); // the list refreshes every 2 s

    await row.getByRole('button', { name: `Delete job ${jobId}` }).click();
    const dialog = page.getByRole('dialog', { name: `Delete job ${jobId}?` });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: `Delete ${jobId}` });
    expect(await confirm.isDisabled()).toBe(true);
    expect(await dialog.getByLabel('Run in the background').isChecked()).toBe(true);
    // Focus starts in the dialog, on the confirmation field.
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await page.keyboard.type(jobId);
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });

    const bar = page.getByRole('progressbar', { name: `Deletion progress of ${jobId}` });
    await bar.waitFor();
    const seen: number[] = [];
    let shotMid = false;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
      const value = Number(await bar.getAttribute('aria-valuenow'));
      if (seen.at(-1) !== value) seen.push(value);
      if (!shotMid && value >= 20 && value <= 70) {
        await page.waitForTimeout(300); // let the bar's animation catch up with the numbers
        await page.screenshot({ path: join(SHOTS, 'dashboard-mid-deletion.png') });
        shotMid = true;
      }
      if (value === 100) break;
      await page.waitForTimeout(50);
    }
    expect(seen.at(-1)).toBe(100);
    expect(seen.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(shotMid).toBe(true);

    await row.waitFor({ state: 'detached', timeout: 10_000 });
    const card = page.getByRole('article', { name: `Deleted ${jobId}` });
    await expect(card.textContent()).resolves.toMatch(/completed/);
    await expect(card.textContent()).resolves.toContain('300,000 of 300,000');
    const taskRow = page.getByRole('region', { name: 'Recent deletion tasks' }).getByRole('row').filter({ hasText: jobId });
    await taskRow.filter({ hasText: 'completed' }).waitFor();
    await page.waitForTimeout(600); // the bar's last stretch is animated
    await page.screenshot({ path: join(SHOTS, 'dashboard-after-deletion.png') });
  });

  it('fits a phone screen: no sideways scrolling, jobs as cards', async () => {
    const phone = await browser.newContext({
      viewport: PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    const p = await phone.newPage();
    try {
      await signIn(p);
      await p.getByRole('heading', { name: 'Jobs', exact: true }).waitFor();
      await p
        .getByRole('button', { name: /^Delete job / })
        .first()
        .waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await p.screenshot({ path: join(SHOTS, 'dashboard-phone.png') });
    } finally {
      await phone.close();
    }
  });

  it('logged no script error or Content-Security-Policy violation on the way', () => {
    expect(problems).toEqual([]);
  });
});

/** Builds dashboard/dist when it is missing or older than any source file of the dashboard. */
async function buildDashboardIfStale() {
  const built = 'dashboard/dist/index.html';
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const path = join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const sources = Math.max(
    newest('dashboard/src'),
    newest('dashboard/public'),
    statSync('dashboard/index.html').mtimeMs,
    statSync('dashboard/vite.config.ts').mtimeMs,
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'dashboard', '--logLevel', 'warn'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`vite build dashboard failed (${code}):\n${output}`);
}
