// GraphiQL at /graphql works offline: the page carries its own script, styles and workers (no
// CDN), opens on an example operation, with the Authorization header waiting for the key. In a
// real Chromium that may reach nothing but the server, it renders the editor.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumBrowser, chromiumPath, unmet } from './support/requirements.ts';
import { startServer, type TestServer } from './support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const page = async () => {
  const res = await fetch(server.graphqlUrl, { headers: { accept: 'text/html' } });
  return { res, html: await res.text() };
};

describe('GraphiQL', () => {
  it('is served whole from the package: no script, style or icon from another host', async () => {
    const { res, html } = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    // The page's own markup, without the inlined code (whose strings hold markup of their own).
    const markup = html.replace(/<(script|style)\b[^>]*>.*?<\/\1>/gs, '');
    const external = [...markup.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]).filter((url) => !url.startsWith('data:'));
    expect(markup).toContain('<div id="root"></div>');
    expect(external).toEqual([]);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs/);
  });

  it('opens on an example operation, with the Authorization header to fill in', async () => {
    const { html } = await page();
    const options = JSON.parse(/renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html)![1]) as Record<
      string,
      unknown
    >;
    expect(JSON.parse(options.defaultHeaders as string)).toEqual({ authorization: 'ApiKey <your key>' });
    expect(options.defaultQuery).toContain('query Jobs {');
    expect(options.shouldPersistHeaders).toBe(false);
    // The example is a valid operation of the served schema: run as is, with a key, it answers.
    const example = (options.defaultQuery as string).replace(/^#.*$/gm, '');
    const reply = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${server.adminKey}` },
      body: JSON.stringify({ query: example, operationName: 'Jobs' }),
    });
    expect(await reply.json()).toEqual({ data: { jobs: expect.any(Array) } });
  });

  const noBrowser = unmet('the GraphiQL page in a browser', chromiumBrowser());
  it.skipIf(noBrowser)('renders in a browser that can reach nothing but the server', async () => {
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      const tab = await browser.newPage();
      const elsewhere: string[] = [];
      const origin = new URL(server.graphqlUrl).origin;
      await tab.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
        elsewhere.push(url);
        return route.abort();
      });
      await tab.goto(server.graphqlUrl);
      // The editors lay text out with non-breaking spaces.
      const text = async () => (await tab.locator('body').innerText()).replace(/\s+/g, ' ');
      await expect.poll(text, { timeout: 30_000 }).toContain('query Jobs {');
      await expect.poll(text, { timeout: 30_000 }).toContain('"authorization": "ApiKey <your key>"');
      await tab.screenshot({ path: 'test-output/screenshots/graphiql.png' });
      expect(elsewhere).toEqual([]);
    } finally {
      await browser?.close();
    }
  });
});
